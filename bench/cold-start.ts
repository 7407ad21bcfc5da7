/**
 * `frontdesk serve` cold start (part f of `npm run bench`; alone: `npm run bench:cold-start [-- DATA_DIR]`):
 * the time from spawning the command, as a service manager or `npx frontdesk serve` does, to its
 * `listening on` line: Node's start, loading the compiled command, opening the store (its start-up
 * quick_check, waited for up to 250 ms, and the migrations) and building the API.
 *
 * A new process for every run, BENCH_COLD_RUNS (5) of them after one not counted; the disk cache is
 * warm, as on a desk whose service restarts. Figures: a new data dir (the store created), a small
 * store, and, in the whole bench, the list store of part c; alone, the data dir given, if any.
 *
 * On the list store (or the data dir given), also the resident memory (RSS, Linux) of one
 * `frontdesk serve` after the inbox's requests: lists, a search, conversations' messages, statistics.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import type { Readable } from 'node:stream'
import { openStore } from '../local-api/db/store.js'
import { createApiToken } from '../local-api/services/api-tokens.js'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { performance } from 'node:perf_hooks'
import { envInt, fmt, freshDir, log, percentile, printTable, removeDirs, type Row } from './common.js'

const FRONTDESK_BIN = fileURLToPath(new URL('../bin/frontdesk.js', import.meta.url))
const TARGET_MS = 1000
const RSS_TARGET_MB = 300

type Serve = ChildProcessByStdio<null, Readable, Readable>

/** Spawns `frontdesk serve` on `dataDir`; resolves with the process and its URL once it listens. */
async function serve(dataDir: string): Promise<{ child: Serve; url: string }> {
  const child = spawn(process.execPath, [FRONTDESK_BIN, 'serve', '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk
      const listening = /^listening on (\S+)/m.exec(stdout)
      if (listening) resolve(listening[1]!)
    })
    child.once('exit', (code) => reject(new Error(`serve exited with ${code} before listening: ${stderr}`)))
  })
  return { child, url }
}

async function stop(child: Serve): Promise<void> {
  if (child.exitCode !== null) return
  child.kill('SIGTERM')
  await once(child, 'exit')
}

/** A process's resident and peak resident memory in MiB, from /proc (Linux). */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN)
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 }
}

/**
 * One `frontdesk serve` on `dataDir` used as the inbox uses it (the list and its filters, a name
 * search, the messages of the first conversations, the statistics bar), then its memory.
 */
export async function memoryAfterInbox(dataDir: string): Promise<Row> {
  const store = openStore(dataDir)
  let token: string
  try {
    token = createApiToken(store, { name: 'bench memory', scopes: ['admin'] }).token
  } finally {
    store.close()
  }
  const { child, url } = await serve(dataDir)
  try {
    const get = async (path: string) => {
      const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } })
      if (!response.ok) throw new Error(`GET ${path} answered ${response.status}: ${(await response.text()).slice(0, 300)}`)
      return response.json() as Promise<{ items?: { id: string }[] }>
    }
    const day = 86_400_000
    const now = Date.now()
    const iso = (ms: number) => new Date(ms).toISOString()
    const first = await get('/v1/conversations')
    for (const path of ['/v1/conversations?status=active', '/v1/conversations?q=li', '/v1/conversations?q=keller', '/v1/conversations?text=breakfast'])
      await get(path)
    for (const conversation of (first.items ?? []).slice(0, 20)) await get(`/v1/conversations/${conversation.id}/messages`)
    await get(`/v1/stats?from=${iso(now - (now % day))}&to=${iso(now)}`)
    const { rss, peak } = memoryOf(child.pid!)
    return [
      "RSS of `frontdesk serve` after the inbox's requests",
      `${fmt(rss)} MiB (peak ${fmt(peak)} MiB)`,
      `≤ ${RSS_TARGET_MB} MB`,
      rss <= RSS_TARGET_MB ? 'ok' : 'MISSED',
    ]
  } finally {
    await stop(child)
  }
}

/** CPU time (user + system, all threads) `pid` has used so far, in ms; NaN where /proc is not there. */
function cpuMsOf(pid: number): number {
  try {
    // After the command name (which may hold spaces) in parentheses: utime and stime are fields 14 and 15.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS
  } catch {
    return NaN
  }
}
const CLOCK_TICKS = 100

/**
 * One `frontdesk serve`: milliseconds from spawning it to its `listening on` line, and the CPU time
 * it had used by then (a figure a busy machine disturbs less than the wall time); then stopped (SIGTERM).
 */
async function startOnce(dataDir: string): Promise<{ ms: number; cpuMs: number }> {
  const started = performance.now()
  const child = spawn(process.execPath, [FRONTDESK_BIN, 'serve', '--data-dir', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk))
  try {
    return await new Promise((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk
        if (/^listening on /m.test(stdout)) resolve({ ms: performance.now() - started, cpuMs: cpuMsOf(child.pid!) })
      })
      child.once('exit', (code) => reject(new Error(`serve exited with ${code} before listening: ${stderr}`)))
    })
  } finally {
    await stop(child)
  }
}

/** `runs` cold starts on `dataDir` after one not counted (returned as `first`). */
export async function coldStarts(dataDir: string, runs = envInt('BENCH_COLD_RUNS', 5)): Promise<{ first: number; times: number[]; cpuTimes: number[] }> {
  const first = (await startOnce(dataDir)).ms
  const times: number[] = []
  const cpuTimes: number[] = []
  for (let run = 0; run < runs; run++) {
    const { ms, cpuMs } = await startOnce(dataDir)
    times.push(ms)
    cpuTimes.push(cpuMs)
  }
  return { first, times, cpuTimes }
}

/** The table row: median and slowest run against the 1 s target (and the median CPU time, when known). */
export function coldStartRow(label: string, times: readonly number[], cpuTimes: readonly number[] = []): Row {
  const sorted = [...times].sort((a, b) => a - b)
  const median = percentile(sorted, 50)
  const cpu = percentile(
    [...cpuTimes].sort((a, b) => a - b),
    50,
  )
  return [
    `cold start to listening: ${label} (${times.length} runs)`,
    `p50 ${fmt(median)} / max ${fmt(sorted.at(-1)!)} ms${Number.isFinite(cpu) ? ` (CPU p50 ${fmt(cpu)} ms)` : ''}`,
    `p50 ≤ ${fmt(TARGET_MS)} ms`,
    median <= TARGET_MS ? 'ok' : 'MISSED',
  ]
}

/** A new data dir (its first start creates the store), then that small store's cold starts. */
export async function smallStoreColdStart(): Promise<Row[]> {
  log('f. cold start of `frontdesk serve`: a new data dir, then the small store it made …')
  const { first, times, cpuTimes } = await coldStarts(freshDir('cold-start'))
  return [['cold start to listening: a new data dir (creates the store)', `${fmt(first)} ms`, '', ''], coldStartRow('small store', times, cpuTimes)]
}

// `npm run bench:cold-start [-- DATA_DIR]`: this part alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const rows = await smallStoreColdStart()
    const dataDir = process.argv[2]
    if (dataDir) {
      log(`   … and the store in ${dataDir}`)
      const { times, cpuTimes } = await coldStarts(dataDir)
      rows.push(coldStartRow(dataDir, times, cpuTimes))
      rows.push(await memoryAfterInbox(dataDir))
    }
    printTable(rows)
  } finally {
    removeDirs()
  }
}
