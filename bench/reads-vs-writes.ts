/**
 * Part g of `npm run bench`: do long reads stall the pushes? On the list store of part c, a steady
 * push load (BENCH_RVW_CLIENTS keep-alive clients, batches of 20 messages, a short pause after
 * each answer, BENCH_RVW_PUSHES requests a run) runs from a worker thread, alone, then while
 * another worker loops the desk's long reads: the 30-day statistics series by day, a CSV export of
 * about BENCH_EXPORT_ROWS rows read to its end, and message full-text searches; BENCH_RVW_ROUNDS
 * such pairs, pooled. Push p50/p95 are reported alone and with the reads, the p95 ratio against
 * the 2× goal, and the long reads' own durations.
 */
import http from 'node:http'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { openDatabase } from '../local-api/db/open.js'
import { openStore } from '../local-api/db/store.js'
import { createApiToken } from '../local-api/services/api-tokens.js'
import { startServer } from '../local-api/start-server.js'
import { pushBatches, type GenerateOptions } from '../test/fixtures/generate.js'
import { createReport, envInt, fmt, log, percentile, printTable, type Report, type Row } from './common.js'

const PUSH_PATH = '/api/unified-messaging-service/guest-conversations/messages'
const HOST = '127.0.0.1'
const DAY = 86_400_000
const SEARCH_WORDS = ['breakfast', 'parking', 'room', 'wifi']

type Task =
  | { kind: 'rvw-push'; url: string; token: string; clients: number; requests: number; pauseMs: number; data: GenerateOptions }
  | { kind: 'rvw-reads'; url: string; token: string; series: string; exportPath: string; searches: string[] }

interface ReadDurations {
  series: number[]
  export: number[]
  exportRows: number[]
  search: number[]
}

// ---------------------------------------------------------------------------------------------
// Worker side: the HTTP clients

function request(agent: http.Agent, base: URL, method: 'GET' | 'POST', path: string, token: string, body?: string) {
  return new Promise<{ status: number; bytes: number; lines: number; text: string; ms: number }>((resolve, reject) => {
    const started = performance.now()
    const headers: http.OutgoingHttpHeaders = { authorization: `Bearer ${token}` }
    if (body !== undefined) {
      headers['content-type'] = 'application/json'
      headers['content-length'] = Buffer.byteLength(body)
    }
    const sent = http.request({ host: base.hostname, port: base.port, method, path, agent, headers }, (response) => {
      let bytes = 0
      let lines = 0
      let text = ''
      // A long body (the export) is counted, not kept.
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length
        for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) lines++
        if (text.length < 2000) text += chunk.toString()
      })
      response.on('end', () => resolve({ status: response.statusCode ?? 0, bytes, lines, text, ms: performance.now() - started }))
      response.on('error', (error) => reject(new Error(`${method} ${path.slice(0, 80)}: ${error.message}`)))
    })
    sent.on('error', (error) => reject(new Error(`${method} ${path.slice(0, 80)} after ${fmt(performance.now() - started)} ms: ${error.message}`)))
    sent.end(body)
  })
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

async function pushLoad(task: Extract<Task, { kind: 'rvw-push' }>): Promise<number[]> {
  const base = new URL(task.url)
  const agent = new http.Agent({ keepAlive: true, maxSockets: task.clients })
  const batches = pushBatches({ ...task.data, batchSize: 20 })
  const latencies: number[] = []
  let left = task.requests
  await Promise.all(
    Array.from({ length: task.clients }, async () => {
      while (left-- > 0) {
        const next = batches.next()
        if (next.done) throw new Error('the push data ran out: raise its message count')
        const answer = await request(agent, base, 'POST', PUSH_PATH, task.token, JSON.stringify(next.value))
        if (answer.status !== 201) throw new Error(`push answered ${answer.status}: ${answer.text.slice(0, 300)}`)
        latencies.push(answer.ms)
        await pause(task.pauseMs)
      }
    }),
  )
  agent.destroy()
  return latencies
}

async function readLoop(task: Extract<Task, { kind: 'rvw-reads' }>): Promise<ReadDurations> {
  const base = new URL(task.url)
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const durations: ReadDurations = { series: [], export: [], exportRows: [], search: [] }
  let stop = false
  parentPort!.on('message', (message: { stop?: true }) => {
    if (message.stop) stop = true
  })
  const get = async (path: string) => {
    const answer = await request(agent, base, 'GET', path, task.token)
    if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}: ${answer.text.slice(0, 300)}`)
    return answer
  }
  parentPort!.postMessage({ started: true })
  for (let round = 0; !stop; round++) {
    durations.series.push((await get(task.series)).ms)
    // The searches before the export: the export outlasts a push run, and what comes after it would not be timed at all.
    for (const path of task.searches) {
      if (stop) break
      durations.search.push((await get(path)).ms)
    }
    if (stop) break
    const exported = await get(task.exportPath)
    durations.export.push(exported.ms)
    durations.exportRows.push(exported.lines - 1)
  }
  agent.destroy()
  return durations
}

// ---------------------------------------------------------------------------------------------
// Main thread

function inWorker<T>(task: Task, onMessage?: (message: { started: true }) => void): { done: Promise<T>; worker: Worker } {
  const tsx = import.meta.resolve('tsx/esm/api')
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}) })`
  const worker = new Worker(bootstrap, { eval: true, workerData: task })
  const done = new Promise<T>((resolve, reject) => {
    worker.on('message', (message: { started: true } | { ok: true; value: T } | { ok: false; error: string }) => {
      if ('started' in message) onMessage?.(message)
      else if (message.ok) resolve(message.value)
      else reject(new Error(message.error))
    })
    worker.once('error', reject)
    worker.once('exit', (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)))
  })
  return { done, worker }
}

/** The oldest last-activity time whose conversations hold about `rows` messages: the export's window. */
function exportWindow(dataDir: string, rows: number): { from: number; rows: number } {
  const db = openDatabase(dataDir)
  try {
    let total = 0
    let from = 0
    for (const row of db.prepare('SELECT last_message_at AS at, message_count AS n FROM conversations ORDER BY last_message_at DESC').iterate() as Iterable<{
      at: number
      n: number
    }>) {
      total += row.n
      from = row.at
      if (total >= rows) break
    }
    return { from, rows: total }
  } finally {
    db.close()
  }
}

export interface ReadsVsWritesOptions {
  dataDir: string
  now: number
  seed: number
}

export async function readsVsWritesBench({ dataDir, now, seed }: ReadsVsWritesOptions, report: Report): Promise<void> {
  const clients = envInt('BENCH_RVW_CLIENTS', 2)
  const requests = envInt('BENCH_RVW_PUSHES', 200)
  const rounds = envInt('BENCH_RVW_ROUNDS', 3)
  const pauseMs = envInt('BENCH_RVW_PAUSE_MS', 5)
  const window = exportWindow(dataDir, envInt('BENCH_EXPORT_ROWS', 100_000))
  const iso = (ms: number) => new Date(ms).toISOString()
  const tokenStore = openStore(dataDir)
  const token = createApiToken(tokenStore, { name: 'bench g', scopes: ['guest.conversation.write', 'guest.conversation.read'] }).token
  tokenStore.close()

  const server = await startServer({ dataDir, port: 0, host: HOST, rateLimitPerMinute: 1e9, defaultCountry: 'CH', logger: false })
  try {
    const messagesPerRun = requests * 20
    const data = (run: number): GenerateOptions => ({ conversations: Math.ceil(messagesPerRun / 10), messages: messagesPerRun, seed: seed + 100 + run, now })
    const push = (run: number) => inWorker<number[]>({ kind: 'rvw-push', url: server.url, token, clients, requests, pauseMs, data: data(run) }).done

    const readTask: Task = {
      kind: 'rvw-reads',
      url: server.url,
      token,
      series: `/v1/stats/series?from=${iso(now - 30 * DAY)}&to=${iso(now)}&bucket=day`,
      exportPath: `/v1/export.csv?from=${iso(window.from)}`,
      searches: SEARCH_WORDS.map((word) => `/v1/conversations?text=${encodeURIComponent(word)}`),
    }
    /** One run of the push load while the long reads loop; the reads stop when the pushes are done. */
    const pushWithReads = async (run: number) => {
      let readsStarted!: () => void
      const started = new Promise<void>((resolve) => (readsStarted = resolve))
      const reads = inWorker<ReadDurations>(readTask, () => readsStarted())
      let latencies: number[]
      try {
        await started
        latencies = await push(run)
      } finally {
        reads.worker.postMessage({ stop: true })
      }
      return { latencies, durations: await reads.done }
    }

    // The machine's load drifts (other work shares its cores): runs alone and with reads alternate, and are pooled.
    const alone: number[] = []
    const withReads: number[] = []
    const durations: ReadDurations = { series: [], export: [], exportRows: [], search: [] }
    const p95 = (values: readonly number[]) =>
      fmt(
        percentile(
          [...values].sort((a, b) => a - b),
          95,
        ),
        1,
      )
    log(`g. push load: ${clients} clients, ${rounds} × ${fmt(requests)} requests of 20 messages, alone and while the long reads loop`)
    log(`   (series 30 days, an export of ${fmt(window.rows)} rows, ${SEARCH_WORDS.length} text searches) …`)
    for (let round = 1; round <= rounds; round++) {
      const quiet = await push(round * 2 - 1)
      alone.push(...quiet)
      const busy = await pushWithReads(round * 2)
      withReads.push(...busy.latencies)
      for (const key of Object.keys(durations) as (keyof ReadDurations)[]) durations[key].push(...busy.durations[key])
      log(`   round ${round}: push p95 alone ${p95(quiet)} ms, with reads ${p95(busy.latencies)} ms`)
    }
    alone.sort((a, b) => a - b)
    withReads.sort((a, b) => a - b)

    const ratio = percentile(withReads, 95) / percentile(alone, 95)
    const summary = (values: readonly number[]) => {
      if (!values.length) return 'none finished'
      const sorted = [...values].sort((a, b) => a - b)
      return `${values.length}× p50 ${fmt(percentile(sorted, 50))} / max ${fmt(sorted.at(-1)!)} ms`
    }
    const rows: Row[] = [
      [
        `reads vs writes: push alone (${rounds} × ${fmt(requests)} requests of 20 msgs)`,
        `p50 ${fmt(percentile(alone, 50), 1)} / p95 ${fmt(percentile(alone, 95), 1)} ms`,
        '',
        '',
      ],
      ['reads vs writes: push with long reads', `p50 ${fmt(percentile(withReads, 50), 1)} / p95 ${fmt(percentile(withReads, 95), 1)} ms`, '', ''],
      ['reads vs writes: push p95 with / alone', `${fmt(ratio, 2)}×`, '≤ 2×', ratio <= 2 ? 'ok' : 'MISSED'],
      ['reads vs writes: stats series, 30 days by day', summary(durations.series), '', ''],
      [`reads vs writes: export.csv (${fmt(durations.exportRows[0] ?? window.rows)} rows, to the end)`, summary(durations.export), '', ''],
      ['reads vs writes: text search', summary(durations.search), '', ''],
    ]
    report.add(...rows)
  } finally {
    await server.close()
  }
}

async function workerMain(task: Task): Promise<void> {
  try {
    const value = task.kind === 'rvw-push' ? await pushLoad(task) : await readLoop(task)
    parentPort!.postMessage({ ok: true, value })
  } catch (error) {
    parentPort!.postMessage({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  }
  parentPort!.removeAllListeners('message')
}

const task = isMainThread ? undefined : (workerData as Partial<Task> | undefined)
if (task?.kind === 'rvw-push' || task?.kind === 'rvw-reads') await workerMain(task as Task)
// Alone, on a store a run kept (BENCH_KEEP=1): node --import tsx bench/reads-vs-writes.ts DATA_DIR
else if (isMainThread && process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = createReport()
  await report.part('reads vs writes', () => readsVsWritesBench({ dataDir: process.argv[2]!, now: Date.now(), seed: Date.now() % 100_000 }, report))
  printTable(report.rows)
}
