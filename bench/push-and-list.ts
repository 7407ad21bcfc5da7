/**
 * npm run bench — push throughput against a raw-SQLite baseline, and conversation-list latency.
 *
 *   a. baseline: the generated rows inserted with plain prepared INSERTs, one transaction per
 *      100 messages, into a fresh store with the app's schema and pragmas (timed: the inserts only).
 *   b. the same rows pushed over HTTP (dialect 1, 100 per request) by concurrent keep-alive
 *      clients running in a worker thread, to a server started with startServer in this process.
 *   c. a store of BENCH_CONVERSATIONS / BENCH_MESSAGES built through the real ingest service (plus
 *      reservations for a third of the guests, so conversations carry names), then GET
 *      /v1/conversations timed over HTTP, sequentially, for several filter mixes.
 *   d. the inbox UI in Chromium on that store (bench/inbox-ui.ts): navigation → interactive list,
 *      and frame times while the virtualised list scrolls.
 *   e. sync (bench/sync.ts), and its scale part e5 (bench/sync-scale.ts, 10 s a step here) when
 *      BENCH_DATABASE_URL or TEST_DATABASE_URL names a PostgreSQL database (else a SKIPPED row).
 *   f. `frontdesk serve` cold start to its `listening on` line (bench/cold-start.ts): a new data dir,
 *      a small store, and the list store of part c.
 *   g. reads vs writes (bench/reads-vs-writes.ts): push latency on the list store of part c, alone
 *      and while the long reads (30-day series, a 100 k-row export, text searches) loop.
 *   h. a conversation of BENCH_LONG_MESSAGES messages added to the list store through the ingest
 *      service (bench/long-conversation.ts): its chat's first page and older pages over HTTP, and in
 *      Chromium navigation → painted and frame times scrolling up to its first message.
 *
 * Environment: BENCH_CONVERSATIONS (100000), BENCH_MESSAGES (2000000), BENCH_PUSH_MESSAGES (200000),
 * BENCH_CLIENTS (4), BENCH_ROUNDS (3 alternating baseline/push rounds; the median ratio counts),
 * BENCH_LIST_REQUESTS (200 per mix), BENCH_UI_LOADS (10), BENCH_UI_SCROLL_ROWS (3000), BENCH_SEED (2026),
 * BENCH_LONG_MESSAGES (10000), BENCH_LONG_REQUESTS (200),
 * BENCH_KEEP=1 keeps the temp data dirs, BENCH_PARTS (push,list,stats,ui,sync,cold,long,reads: all; stats are timed with the list) runs only the parts named,
 * BENCH_LIST_STORE=DIR uses a list store kept from an earlier run (same sizes) instead of building one.
 * Everything listens on 127.0.0.1 only.
 */
import { execFile } from 'node:child_process'
import http from 'node:http'
import { statSync } from 'node:fs'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { promisify } from 'node:util'
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads'
import { DATABASE_FILE, openDatabase } from '../local-api/db/open.js'
import { openStore } from '../local-api/db/store.js'
import { createApiToken } from '../local-api/services/api-tokens.js'
import { TOLD_UP_TO_KEY } from '../local-api/services/guest-languages.js'
import { type IncomingMessage } from '../local-api/services/ingest.js'
import { createServices } from '../local-api/services/index.js'
import { createProperty } from '../local-api/services/properties.js'
import { type ReservationInput } from '../local-api/services/reservations.js'
import { startServer } from '../local-api/start-server.js'
import { coldStartRow, coldStarts, memoryAfterInbox, smallStoreColdStart } from './cold-start.js'
import { longConversationBench } from './long-conversation.js'
import { readsVsWritesBench } from './reads-vs-writes.js'
import { scaleBenchOptions, syncScaleBench } from './sync-scale.js'
import { syncBench, syncBenchOptions } from './sync.js'
import { generateConversations, pushBatches, toIncomingMessage, type GenerateOptions } from '../test/fixtures/generate.js'
import {
  createReport,
  envInt,
  printTable,
  removeDirs,
  type Report,
  type Row,
  expectCount,
  NOT_THE_AI_AGENTS,
  fmt,
  freshDir,
  log,
  percentile,
  rawInsertBaseline,
  seconds,
} from './common.js'

const PUSH_PATH = '/api/unified-messaging-service/guest-conversations/messages'
const HOST = '127.0.0.1'

// ---------------------------------------------------------------------------------------------
// Small helpers

/** One HTTP request on a keep-alive agent; resolves with the status, the body and the latency. */
function send(agent: http.Agent, base: URL, method: 'GET' | 'POST', path: string, token: string, body?: string) {
  return new Promise<{ status: number; body: string; ms: number }>((resolve, reject) => {
    const started = performance.now()
    const headers: http.OutgoingHttpHeaders = { authorization: `Bearer ${token}` }
    if (body !== undefined) {
      headers['content-type'] = 'application/json'
      headers['content-length'] = Buffer.byteLength(body)
    }
    const request = http.request({ host: base.hostname, port: base.port, method, path, agent, headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString(), ms: performance.now() - started }))
      response.on('error', reject)
    })
    request.on('error', reject)
    request.end(body)
  })
}

// ---------------------------------------------------------------------------------------------
// The worker: HTTP clients, off the server's event loop

type WorkerTask =
  | { kind: 'push'; url: string; token: string; clients: number; data: GenerateOptions }
  | { kind: 'list'; url: string; token: string; mixes: ListMix[]; warmup: number }

interface ListMix {
  name: string
  /** Paths to GET, each timed; with `deepPages`, each is page 1 (untimed) of a walk. */
  paths: string[]
  /** Follow nextCursor this many times from each path and time those pages instead. */
  deepPages?: number
  /** An edge case beyond the everyday mixes: reported, but kept out of the overall figure. */
  edge?: boolean
  /** A p95 target of its own (ms), reported on its own row and kept out of the overall figure. */
  target?: number
  /** The row's prefix when it is not a list: 'search', 'stats'. */
  label?: string
}

interface PushResult {
  messages: number
  requests: number
  ms: number
}

interface ListResult {
  name: string
  edge: boolean
  target?: number
  label?: string
  latencies: number[]
  items: number
}

async function runPushClients(task: Extract<WorkerTask, { kind: 'push' }>): Promise<PushResult> {
  const base = new URL(task.url)
  const agent = new http.Agent({ keepAlive: true, maxSockets: task.clients })
  const batches = pushBatches(task.data)
  let messages = 0
  let requests = 0
  parentPort!.postMessage({ started: true })
  const started = performance.now()
  // Every client takes the next batch from the one shared generator (one thread: no races).
  await Promise.all(
    Array.from({ length: task.clients }, async () => {
      for (let next = batches.next(); !next.done; next = batches.next()) {
        const response = await send(agent, base, 'POST', PUSH_PATH, task.token, JSON.stringify(next.value))
        if (response.status !== 201) throw new Error(`push answered ${response.status}: ${response.body.slice(0, 500)}`)
        messages += next.value.messages.length
        requests++
      }
    }),
  )
  const ms = performance.now() - started
  agent.destroy()
  return { messages, requests, ms }
}

async function runListClient(task: Extract<WorkerTask, { kind: 'list' }>): Promise<ListResult[]> {
  const base = new URL(task.url)
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 })
  const get = async (path: string) => {
    const response = await send(agent, base, 'GET', path, task.token)
    if (response.status !== 200) throw new Error(`GET ${path} answered ${response.status}: ${response.body.slice(0, 500)}`)
    const page = JSON.parse(response.body) as { items?: unknown[]; nextCursor?: string | null }
    return { ms: response.ms, items: page.items?.length ?? 0, nextCursor: page.nextCursor ?? null }
  }
  const withCursor = (path: string, cursor: string) => `${path}${path.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`

  // Warm up: prepare every statement shape and touch the pages each mix reads.
  for (const mix of task.mixes) for (const path of mix.paths.slice(0, task.warmup)) await get(path)

  const results: ListResult[] = []
  for (const mix of task.mixes) {
    const latencies: number[] = []
    let items = 0
    for (const path of mix.paths) {
      if (!mix.deepPages) {
        const page = await get(path)
        latencies.push(page.ms)
        items += page.items
        continue
      }
      let page = await get(path)
      for (let depth = 0; depth < mix.deepPages && page.nextCursor; depth++) {
        page = await get(withCursor(path, page.nextCursor))
        latencies.push(page.ms)
        items += page.items
      }
    }
    results.push({ name: mix.name, edge: mix.edge ?? false, target: mix.target, label: mix.label, latencies, items })
  }
  agent.destroy()
  return results
}

/** Runs a task in a worker thread that loads this file through tsx; `onStart` when its clock starts. */
function inWorker<T>(task: WorkerTask, onStart?: () => void): Promise<T> {
  const tsx = import.meta.resolve('tsx/esm/api')
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}) })`
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: task })
    worker.on('message', (message: { started: true } | { ok: true; value: T } | { ok: false; error: string }) => {
      if ('started' in message) onStart?.()
      else if (message.ok) resolve(message.value)
      else reject(new Error(message.error))
    })
    worker.once('error', reject)
    worker.once('exit', (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)))
  })
}

async function workerMain(): Promise<void> {
  const task = workerData as WorkerTask
  try {
    const value = task.kind === 'push' ? await runPushClients(task) : await runListClient(task)
    parentPort!.postMessage({ ok: true, value })
  } catch (error) {
    parentPort!.postMessage({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) })
  }
}

// ---------------------------------------------------------------------------------------------
// Main thread: the server, the baseline, the store builder

interface Config {
  conversations: number
  messages: number
  pushConversations: number
  pushMessages: number
  clients: number
  rounds: number
  uiLoads: number
  uiScrollRows: number
  listRequests: number
  longMessages: number
  longRequests: number
  /** The parts to run (letters a–g). */
  parts: ReadonlySet<string>
  seed: number
  now: number
}

function tokenFor(dataDir: string): string {
  const store = openStore(dataDir)
  try {
    return createApiToken(store, { name: 'bench', scopes: ['guest.conversation.write', 'guest.conversation.read'] }).token
  } finally {
    store.close()
  }
}

/** b. The same rows over HTTP, 100 per request, from concurrent clients in a worker thread. */
async function httpPush(config: Config, data: GenerateOptions) {
  const dataDir = freshDir('push')
  const token = tokenFor(dataDir)
  const server = await startServer({ dataDir, port: 0, host: HOST, rateLimitPerMinute: 1e9, defaultCountry: 'CH', logger: false })
  let elu = performance.eventLoopUtilization()
  let result: PushResult
  try {
    const task: WorkerTask = { kind: 'push', url: server.url, token, clients: config.clients, data }
    result = await inWorker<PushResult>(task, () => (elu = performance.eventLoopUtilization()))
  } finally {
    await server.close()
  }
  // How busy this thread (the server's event loop, SQLite included) was while the clients pushed.
  const serverLoopBusy = performance.eventLoopUtilization(elu).utilization
  expectCount(dataDir, 'messages', config.pushMessages, NOT_THE_AI_AGENTS)
  expectCount(dataDir, 'conversations', config.pushConversations)
  return { ...result, rate: (result.messages / result.ms) * 1000, serverLoopBusy }
}

const NAME_FRAGMENTS = ['keller', 'rossi', 'tanaka', 'chen', 'mart', 'fisch', 'nguyen', 'löfgren', 'rochat', 'núñez', "o'brien", 'sato']
const BUILD_CHUNK = 2000

/** c. The list store, built through the app's own ingest and reservation services. */
function buildListStore(config: Config) {
  const dataDir = freshDir('list')
  const store = openStore(dataDir)
  const property = createProperty(store, { name: 'Hotel Alpenblick', defaultCountry: 'CH', timeZone: 'Europe/Zurich' })
  const { ingest, reservations } = createServices(store)
  const phones: string[] = []
  let chunk: IncomingMessage[] = []
  let bookings: ReservationInput[] = []
  let ingestMs = 0
  let reservationsMs = 0
  const flush = () => {
    let started = performance.now()
    const outcome = ingest.ingest(property, chunk)
    if (!outcome.ok) throw new Error(`ingest refused the batch: ${JSON.stringify(outcome.problems.slice(0, 3))}`)
    ingestMs += performance.now() - started
    started = performance.now()
    // One commit for the chunk's reservations: each upsert's own transaction becomes a savepoint.
    store.transaction(() => {
      for (const booking of bookings) {
        const booked = reservations.upsert(property, booking)
        if (!booked.ok) throw new Error(`reservation refused: ${JSON.stringify(booked.problems)}`)
      }
    })
    reservationsMs += performance.now() - started
    chunk = []
    bookings = []
  }

  const started = performance.now()
  let previousGuest: unknown
  let lastReport = started
  for (const conversation of generateConversations({
    conversations: config.conversations,
    messages: config.messages,
    seed: config.seed + 1,
    now: config.now,
  })) {
    for (const message of conversation.messages) chunk.push(toIncomingMessage(message))
    const { guest, index } = conversation
    if (guest !== previousGuest && index % 3 === 0) {
      const arrival = new Date(Date.parse(conversation.messages.at(-1)!.messageCreatedAt) + 86_400_000 * (1 + (index % 20)))
      bookings.push({
        confirmationNumber: `BK${String(index).padStart(7, '0')}`,
        firstName: guest.firstName,
        lastName: guest.lastName,
        phone: guest.phone,
        email: guest.email,
        language: guest.language,
        arrival: arrival.toISOString().slice(0, 10),
        departure: new Date(arrival.getTime() + 86_400_000 * (1 + (index % 5))).toISOString().slice(0, 10),
        room: String(100 + (index % 400)),
        status: 'confirmed',
      })
    }
    previousGuest = guest
    if (conversation.guestIdentifier.type === 'PHONENUMBER' && index % 997 === 0) phones.push(conversation.guestIdentifier.value)
    if (chunk.length >= BUILD_CHUNK) flush()
    const now = performance.now()
    if (now - lastReport > 30_000) {
      lastReport = now
      log(`   … ${fmt(index + 1)} conversations after ${seconds(now - started)}`)
    }
  }
  if (chunk.length) flush()
  const buildMs = performance.now() - started
  store.close()
  expectCount(dataDir, 'messages', config.messages)
  expectCount(dataDir, 'conversations', config.conversations)
  return { dataDir, buildMs, ingestMs, reservationsMs, phones, bytes: statSync(join(dataDir, DATABASE_FILE)).size }
}

/** A list store kept from an earlier run (BENCH_KEEP=1): its phones are those the build would have picked. */
function keptListStore(dataDir: string) {
  const db = openDatabase(dataDir)
  try {
    const phones = db
      .prepare("SELECT value FROM guest_identities WHERE kind = 'phone' ORDER BY rowid")
      .pluck()
      .all()
      .filter((_, index) => index % 997 === 0) as string[]
    return { dataDir, phones, buildMs: 0, ingestMs: 0, reservationsMs: 0, bytes: 0 }
  } finally {
    db.close()
  }
}

function listMixes(config: Config, phones: readonly string[]): ListMix[] {
  const n = config.listRequests
  const rotate = <T>(items: readonly T[], make: (item: T, i: number) => string) => Array.from({ length: n }, (_, i) => make(items[i % items.length]!, i))
  const DAY = 86_400_000
  const iso = (ms: number) => new Date(ms).toISOString()
  const phoneFragments = phones.flatMap((phone) => [phone.slice(-6), phone.slice(1, 5), phone])
  const q = (text: string) => `/v1/conversations?q=${encodeURIComponent(text)}`
  return [
    { name: 'no filter', paths: rotate([0], () => '/v1/conversations') },
    { name: 'channel=web_chat', paths: rotate([0], () => '/v1/conversations?channel=web_chat') },
    { name: 'status=active', paths: rotate([0], () => '/v1/conversations?status=active') },
    { name: 'status=expired', paths: rotate([0], () => '/v1/conversations?status=expired') },
    // The inbox's default view (issue 17): open conversations whose guest waits, longest waiting first.
    { name: 'view=needs_reply', paths: rotate([0], () => '/v1/conversations?view=needs_reply') },
    { name: 'view=resolved', paths: rotate([0], () => '/v1/conversations?view=resolved') },
    // The view tabs' counts, loaded with the list.
    { name: 'counts of the views', paths: rotate([0], () => '/v1/conversations/counts') },
    { name: 'counts of the views + channel', paths: rotate([0], () => '/v1/conversations/counts?channel=web_chat') },
    {
      name: 'from/to (10-day windows)',
      paths: rotate([0], (_, i) => {
        const to = config.now - (i % 80) * DAY
        return `/v1/conversations?from=${iso(to - 10 * DAY)}&to=${iso(to)}`
      }),
    },
    { name: 'q=name fragment', paths: rotate(NAME_FRAGMENTS, q) },
    { name: 'q=phone fragment', paths: rotate(phoneFragments.length ? phoneFragments : ['4179'], q) },
    // A name too short for trigrams (issue 15: its own index of 1- and 2-character substrings, p95 ≤ 15 ms).
    { name: 'q=2 letters', target: 15, paths: rotate(['li', 'wu', 'ng', 'it'], q) },
    { name: 'q=1 letter', target: 15, paths: rotate(['a', 'k', 'q', 'z'], q) },
    // What a desk also types: a typo that matches nobody.
    { name: 'q=no match', edge: true, paths: rotate(['zqxj', 'kellerx', 'qqq', '99999999'], q) },
    // Message full-text search (issue 6's own target: p95 ≤ 50 ms), common and rarer words, with and without a filter.
    {
      name: 'text search',
      target: 50,
      label: 'search',
      paths: rotate(
        ['breakfast', 'parking', 'room', 'check-out', 'airport transfer', 'gluten', 'wifi'],
        (w) => `/v1/conversations?text=${encodeURIComponent(w)}`,
      ),
    },
    {
      name: 'text search + channel',
      target: 50,
      label: 'search',
      paths: rotate(['breakfast', 'parking', 'noise'], (w) => `/v1/conversations?text=${encodeURIComponent(w)}&channel=web_chat`),
    },
    // The statistics bar (loaded with the inbox) and page: sums over the rollups' rows of a period.
    {
      name: 'today',
      target: 20,
      label: 'stats',
      paths: rotate([0], () => `/v1/stats?from=${iso(config.now - (config.now % DAY))}&to=${iso(config.now)}`).slice(0, 40),
    },
    {
      name: 'last 30 days',
      target: 20,
      label: 'stats',
      paths: rotate([0], () => `/v1/stats?from=${iso(config.now - 30 * DAY)}&to=${iso(config.now)}`).slice(0, 20),
    },
    {
      name: 'last 365 days',
      target: 20,
      label: 'stats',
      paths: rotate([0], () => `/v1/stats?from=${iso(config.now - 365 * DAY)}&to=${iso(config.now)}`).slice(0, 20),
    },
    {
      name: 'series, 30 days by day',
      label: 'stats',
      target: 20,
      paths: rotate([0], () => `/v1/stats/series?from=${iso(config.now - 30 * DAY)}&to=${iso(config.now)}&bucket=day`).slice(0, 10),
    },
    {
      name: 'pages 2–6 via nextCursor',
      deepPages: 5,
      paths: rotate(
        ['/v1/conversations', '/v1/conversations?channel=phone', '/v1/conversations?status=expired', '/v1/conversations?view=needs_reply'],
        (p) => p,
      ).slice(0, Math.ceil(n / 5)),
    },
  ]
}

/**
 * The list's requests are timed while the desk tells its guest messages' languages from the first
 * (a store from before languages were told, its first hour after the update: the worst case for
 * reads); how many it told meanwhile is the backfill's rate.
 */
async function listLatency(config: Config, dataDir: string, phones: readonly string[], withStats: boolean) {
  const token = tokenFor(dataDir)
  const settings = openDatabase(dataDir)
  settings.prepare('DELETE FROM settings WHERE key = ?').run(TOLD_UP_TO_KEY)
  settings.close()
  const started = performance.now()
  const server = await startServer({ dataDir, port: 0, host: HOST, rateLimitPerMinute: 1e9, logger: false })
  const mixes = listMixes(config, phones).filter((mix) => withStats || mix.label !== 'stats')
  let lists: ListResult[]
  try {
    lists = await inWorker<ListResult[]>({ kind: 'list', url: server.url, token, mixes, warmup: 5 })
  } finally {
    await server.close()
  }
  const backfillMs = performance.now() - started
  const db = openDatabase(dataDir)
  const upTo = Number(db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(TOLD_UP_TO_KEY) ?? 0)
  const told = db.prepare("SELECT count(*) FROM messages WHERE rowid <= ? AND direction = 'in' AND internal = 0").pluck().get(upTo) as number
  db.close()
  return { lists, told, backfillMs }
}

interface InboxUiResult {
  loads: number[]
  interactive: number[]
  frames: number[]
  rowsScrolled: number
  longTasks: number
}

/** d. The inbox in Chromium on the list store (bench/inbox-ui.ts, in its own process). */
async function inboxUi(dataDir: string, loads: number, scrollRows: number): Promise<InboxUiResult | { skipped: string }> {
  const script = fileURLToPath(new URL('./inbox-ui.ts', import.meta.url))
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script, dataDir, String(loads), String(scrollRows)], {
    maxBuffer: 64 * 1024 * 1024,
  })
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as InboxUiResult | { skipped: string }
}

function uiRows(ui: InboxUiResult | { skipped: string }): Row[] {
  if ('skipped' in ui) return [['inbox UI in Chromium', `skipped: ${ui.skipped}`, '', '']]
  const sorted = (values: readonly number[]) => [...values].sort((a, b) => a - b)
  const loads = sorted(ui.loads)
  const interactive = sorted(ui.interactive)
  const frames = sorted(ui.frames)
  const worst = frames.at(-1) ?? NaN
  const ok = (good: boolean) => (good ? 'ok' : 'MISSED')
  return [
    [
      `UI: navigation → first rows (${ui.loads.length} loads)`,
      `p50 ${fmt(percentile(loads, 50))} / max ${fmt(loads.at(-1)!)} ms`,
      'p50 ≤ 150 ms',
      ok(percentile(loads, 50) <= 150),
    ],
    [
      'UI: navigation → interactive list (j highlights)',
      `p50 ${fmt(percentile(interactive, 50))} / max ${fmt(interactive.at(-1)!)} ms`,
      '≤ 1000 ms',
      ok(interactive.at(-1)! <= 1000),
    ],
    [
      `UI: frames scrolling ${fmt(ui.rowsScrolled)} rows (${fmt(ui.frames.length)} frames)`,
      `p50 ${fmt(percentile(frames, 50), 1)} / p99 ${fmt(percentile(frames, 99), 1)} / max ${fmt(worst, 1)} ms`,
      'max ≤ 50 ms',
      ok(worst <= 50),
    ],
    ['UI: frames over 50 ms / long tasks', `${frames.filter((f) => f > 50).length} / ${ui.longTasks}`, '', ''],
  ]
}

const PARTS = ['push', 'list', 'stats', 'ui', 'sync', 'cold', 'long', 'reads']

/** BENCH_PARTS: the parts to run by name, e.g. "list,long" (default: all). */
function benchParts(value: string | undefined): ReadonlySet<string> {
  if (!value?.trim()) return new Set(PARTS)
  const parts = new Set(value.split(/[\s,]+/).filter(Boolean))
  const unknown = [...parts].filter((part) => !PARTS.includes(part))
  if (unknown.length) throw new RangeError(`BENCH_PARTS: no part ${unknown.join(', ')} (parts are ${PARTS.join(', ')})`)
  return parts
}

async function main(): Promise<void> {
  const conversations = envInt('BENCH_CONVERSATIONS', 100_000)
  const messages = envInt('BENCH_MESSAGES', 2_000_000)
  const pushMessages = envInt('BENCH_PUSH_MESSAGES', 200_000)
  const config: Config = {
    conversations,
    messages,
    pushMessages,
    pushConversations: Math.max(1, Math.min(pushMessages, Math.round((pushMessages * conversations) / messages))),
    clients: envInt('BENCH_CLIENTS', 4),
    rounds: envInt('BENCH_ROUNDS', 3),
    uiLoads: envInt('BENCH_UI_LOADS', 10),
    uiScrollRows: envInt('BENCH_UI_SCROLL_ROWS', 3000),
    listRequests: envInt('BENCH_LIST_REQUESTS', 200),
    longMessages: envInt('BENCH_LONG_MESSAGES', 10_000),
    longRequests: envInt('BENCH_LONG_REQUESTS', 200),
    parts: benchParts(process.env.BENCH_PARTS),
    seed: envInt('BENCH_SEED', 2026),
    now: Date.now(),
  }
  const pushData: GenerateOptions = { conversations: config.pushConversations, messages: config.pushMessages, seed: config.seed, now: config.now }
  const benchStarted = performance.now()
  log(`frontdesk bench — node ${process.version}, ${availableParallelism()} cores, data in ${tmpdir()}`)
  log(
    `push: ${fmt(config.pushMessages)} messages / ${fmt(config.pushConversations)} conversations, ${config.clients} clients; ` +
      `list store: ${fmt(config.messages)} messages / ${fmt(config.conversations)} conversations`,
  )

  const report = createReport()
  const pass = (ok: boolean) => (ok ? 'ok' : 'MISSED')
  try {
    await parts(config, pushData, report, pass)
  } finally {
    report.add(['total wall time', seconds(performance.now() - benchStarted), '', ''])
    printTable(report.rows)
  }
}

/** Parts a–g in order; each figure is reported as soon as it is measured, a failed part as a FAILED row. */
async function parts(config: Config, pushData: GenerateOptions, report: Report, pass: (ok: boolean) => string): Promise<void> {
  const wanted = config.parts
  // Disk speed drifts on shared machines: baseline and push alternate, and the median round counts.
  const rounds: { base: ReturnType<typeof rawInsertBaseline>; push: Awaited<ReturnType<typeof httpPush>>; ratio: number }[] = []
  for (let round = 1; wanted.has('push') && round <= config.rounds; round++) {
    log(`\nround ${round} of ${config.rounds}`)
    await report.part(`push round ${round}`, async () => {
      log('a. baseline: plain INSERTs, one transaction per 100 messages …')
      const base = rawInsertBaseline(pushData, { messages: config.pushMessages, conversations: config.pushConversations })
      log(`   ${fmt(base.rate)} msg/s (${seconds(base.insertMs)} inserting, ${seconds(base.wallMs)} with generation)`)
      log(`b. HTTP push, ${config.clients} keep-alive clients in a worker thread …`)
      const push = await httpPush(config, pushData)
      log(`   ${fmt(push.rate)} msg/s (${fmt(push.requests)} requests in ${seconds(push.ms)}; server event loop busy ${fmt(push.serverLoopBusy * 100)} %)`)
      rounds.push({ base, push, ratio: push.rate / base.rate })
      log(`   ratio ${fmt((push.rate / base.rate) * 100, 1)} %`)
    })
  }
  if (rounds.length) {
    const median = [...rounds].sort((x, y) => x.ratio - y.ratio)[Math.floor(rounds.length / 2)]!
    const { base, push, ratio } = median
    report.add(
      ['baseline insert (raw SQLite, 100/tx), median round', `${fmt(base.rate)} msg/s`, '', ''],
      [`HTTP push (${config.clients} clients, 100/request), median round`, `${fmt(push.rate)} msg/s`, '', ''],
      [`HTTP / baseline (rounds: ${rounds.map((r) => fmt(r.ratio * 100, 1)).join(', ')} %)`, `${fmt(ratio * 100, 1)} %`, '≥ 50 %', pass(ratio >= 0.5)],
    )
  }

  const needsListStore = ['list', 'ui', 'cold', 'long', 'reads'].some((part) => wanted.has(part))
  const kept = process.env.BENCH_LIST_STORE
  if (needsListStore) log(kept ? `\nc. the list store kept in ${kept}` : '\nc. building the list store through the ingest service …')
  const built: ReturnType<typeof buildListStore> | undefined = !needsListStore
    ? undefined
    : kept
      ? keptListStore(kept)
      : await report.part('list store build', () => buildListStore(config))
  if (built && !kept) {
    log(
      `   built in ${seconds(built.buildMs)}: ingest ${seconds(built.ingestMs)} (${fmt((config.messages / built.ingestMs) * 1000)} msg/s), ` +
        `reservations ${seconds(built.reservationsMs)}, the rest generating; ${fmt(built.bytes / 2 ** 20)} MiB`,
    )
    report.add([
      'list store build (ingest + reservations)',
      `${seconds(built.buildMs)} (${seconds(built.ingestMs)} + ${seconds(built.reservationsMs)})`,
      '',
      '',
    ])
  }
  if (built && wanted.has('list')) {
    log('   timing GET /v1/conversations …')
    const timed = await report.part('list and search latency', () => listLatency(config, built.dataDir, built.phones, wanted.has('stats')))
    if (timed) {
      const { lists, told, backfillMs } = timed
      const latencyRow = (label: string, latencies: readonly number[], target = 15): Row => {
        const sorted = [...latencies].sort((a, b) => a - b)
        const p95 = percentile(sorted, 95)
        return [label, `p50 ${fmt(percentile(sorted, 50), 2)} / p95 ${fmt(p95, 2)} ms`, `p95 ≤ ${target} ms`, pass(p95 <= target)]
      }
      const mixRow = (mix: ListResult) =>
        latencyRow(
          `${mix.edge ? 'edge' : (mix.label ?? 'list')}: ${mix.name}${mix.label === 'stats' ? '' : ` (avg ${fmt(mix.items / Math.max(1, mix.latencies.length), 1)} items)`}`,
          mix.latencies,
          mix.target,
        )
      const everyday = lists.filter((mix) => !mix.edge && !mix.target)
      const everydayLatencies = everyday.flatMap((mix) => mix.latencies)
      report.add(
        ...everyday.map(mixRow),
        latencyRow(`list: overall (${fmt(everydayLatencies.length)} requests, edges excluded)`, everydayLatencies),
        ...lists.filter((mix) => mix.target).map(mixRow),
        ...lists.filter((mix) => mix.edge).map(mixRow),
        [
          'guest languages told meanwhile (the backfill of an older store, the list timed during it)',
          `${fmt(told)} messages in ${seconds(backfillMs)} (${fmt((told / backfillMs) * 1000)} msg/s)`,
          '',
          '',
        ],
      )
    }
  }
  if (built && wanted.has('ui')) {
    log(`\nd. the inbox in Chromium: ${config.uiLoads} page loads, then scrolling ${fmt(config.uiScrollRows)} rows …`)
    const ui = await report.part('inbox UI in Chromium', () => inboxUi(built.dataDir, config.uiLoads, config.uiScrollRows))
    if (ui) report.add(...uiRows(ui))
  }

  if (wanted.has('sync')) {
    log('')
    await report.part('sync', () => syncBench(syncBenchOptions(config.now, config.seed), report))
    log('')
    await report.part('sync scale', () => syncScaleBench(scaleBenchOptions(10), report))
  }

  if (wanted.has('cold')) {
    log('')
    const coldStartRows = await report.part('cold start, small store', () => smallStoreColdStart())
    if (coldStartRows) report.add(...coldStartRows)
  }
  if (built && wanted.has('cold')) {
    log('   … and the list store of part c')
    const starts = await report.part('cold start, list store', () => coldStarts(built.dataDir))
    if (starts) report.add(coldStartRow(`list store (${fmt(config.conversations)} conversations)`, starts.times, starts.cpuTimes))
    const memory = await report.part('memory after the inbox, list store', () => memoryAfterInbox(built.dataDir))
    if (memory) report.add(memory)
  }

  // Its pushes add to the list store the parts before measure.
  if (built && wanted.has('reads')) {
    log('')
    await report.part('reads vs writes', () => readsVsWritesBench({ dataDir: built.dataDir, now: config.now, seed: config.seed }, report))
  }

  // Last: it adds its conversation to the list store the parts before measured as generated.
  if (built && wanted.has('long')) {
    const long = { messages: config.longMessages, requests: config.longRequests, uiLoads: config.uiLoads, seed: config.seed, now: config.now }
    await longConversationBench(built.dataDir, long, report)
  }
}

if (isMainThread) {
  try {
    await main()
  } finally {
    removeDirs()
  }
  // The report is printed: the bench ends here. What a part left open (a worker, a socket, a timer)
  // is named, so that it can be closed where it was opened, and does not keep the command running.
  const leftOpen = process.getActiveResourcesInfo().filter((kind) => kind !== 'TTYWrap')
  if (leftOpen.length) console.error(`bench: the parts left open: ${leftOpen.join(', ')}`)
  process.exit(process.exitCode ?? 0)
} else {
  await workerMain()
}
