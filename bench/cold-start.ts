/**
 * `frontdesk serve` cold start (part f of `npm run bench`; alone: `npm run bench:cold-start [-- DATA_DIR]`):
 * the time from spawning the command, as a service manager or `npx frontdesk serve` does, to its
 * `listening on` line: Node's start, loading the compiled command, opening the store (its start-up
 * quick_check, waited for up to 250 ms, and the migrations) and building the API.
 *
 * A new process for every run, BENCH_COLD_RUNS (5) of them after one not counted; the disk cache is
 * warm, as on a desk whose service restarts. Figures: a new data dir (the store created), a small
 * store, and, in the whole bench, the list store of part c; alone, the data dir given, if any.
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { performance } from 'node:perf_hooks'
import { envInt, fmt, freshDir, log, percentile, printTable, removeDirs, type Row } from './common.js'

const FRONTDESK_BIN = fileURLToPath(new URL('../bin/frontdesk.js', import.meta.url))
const TARGET_MS = 1000

/** One `frontdesk serve`: milliseconds from spawning it to its `listening on` line; then stopped (SIGTERM). */
async function startOnce(dataDir: string): Promise<number> {
  const started = performance.now()
  const child = spawn(process.execPath, [FRONTDESK_BIN, 'serve', '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
  try {
    return await new Promise<number>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk
        if (/^listening on /m.test(stdout)) resolve(performance.now() - started)
      })
      child.once('exit', (code) => reject(new Error(`serve exited with ${code} before listening: ${stderr}`)))
    })
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGTERM')
      await once(child, 'exit')
    }
  }
}

/** `runs` cold starts on `dataDir` after one not counted (returned as `first`). */
export async function coldStarts(dataDir: string, runs = envInt('BENCH_COLD_RUNS', 5)): Promise<{ first: number; times: number[] }> {
  const first = await startOnce(dataDir)
  const times: number[] = []
  for (let run = 0; run < runs; run++) times.push(await startOnce(dataDir))
  return { first, times }
}

/** The table row: median and slowest run against the 1 s target. */
export function coldStartRow(label: string, times: readonly number[]): Row {
  const sorted = [...times].sort((a, b) => a - b)
  const median = percentile(sorted, 50)
  return [
    `cold start to listening: ${label} (${times.length} runs)`,
    `p50 ${fmt(median)} / max ${fmt(sorted.at(-1)!)} ms`,
    `p50 ≤ ${fmt(TARGET_MS)} ms`,
    median <= TARGET_MS ? 'ok' : 'MISSED',
  ]
}

/** A new data dir (its first start creates the store), then that small store's cold starts. */
export async function smallStoreColdStart(): Promise<Row[]> {
  log('f. cold start of `frontdesk serve`: a new data dir, then the small store it made …')
  const { first, times } = await coldStarts(freshDir('cold-start'))
  return [['cold start to listening: a new data dir (creates the store)', `${fmt(first)} ms`, '', ''], coldStartRow('small store', times)]
}

// `npm run bench:cold-start [-- DATA_DIR]`: this part alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const rows = await smallStoreColdStart()
    const dataDir = process.argv[2]
    if (dataDir) {
      log(`   … and the store in ${dataDir}`)
      rows.push(coldStartRow(dataDir, (await coldStarts(dataDir)).times))
    }
    printTable(rows)
  } finally {
    removeDirs()
  }
}
