/**
 * The sync benchmark (part e of `npm run bench`; alone: `npm run bench:sync`).
 *
 *   setup (not timed as the figures below): desk A ingests BENCH_SYNC_MESSAGES messages through the
 *   ingest service, then sends them to a central server (`frontdesk central`'s server, embedded SQLite,
 *   listening on 127.0.0.1) over HTTP — reported as the upload rate.
 *   e1. baseline: the same messages as plain prepared INSERTs into a fresh store (as in part a).
 *   e2. initial sync of an empty desk B from the central server's op log (pull), over HTTP.
 *   e3. initial sync of an empty desk C from a snapshot (the log pruned, as after the retention window).
 *   e4. propagation desk A → desk B while both run as servers: BENCH_SYNC_STREAM single-message pushes
 *       to A's HTTP API at BENCH_SYNC_RATE per second; the time from sending each push until B has
 *       applied the message (its message.created event), p50/p95.
 *
 *   e5. a hotel group on one central server: two instances over PostgreSQL, 10 to 50 desks
 *       (bench/sync-scale.ts; alone: `npm run bench:sync-scale`).
 *
 * Throughputs are reported as ratios to e1, measured in the same process.
 */
import http from 'node:http'
import { performance } from 'node:perf_hooks'
import { pathToFileURL } from 'node:url'
import { buildCentralServer } from '../central/server.js'
import { openSqliteCentralStore } from '../central/store/sqlite-store.js'
import { openStore } from '../local-api/db/store.js'
import { createApiToken } from '../local-api/services/api-tokens.js'
import { createServices } from '../local-api/services/index.js'
import { createProperty } from '../local-api/services/properties.js'
import { startServer } from '../local-api/start-server.js'
import { pushBatches, toIncomingMessage, type GenerateOptions } from '../test/fixtures/generate.js'
import { scaleBenchOptions, syncScaleBench } from './sync-scale.js'
import {
  createReport,
  envInt,
  expectCount,
  NOT_THE_AI_AGENTS,
  fmt,
  freshDir,
  log,
  percentile,
  printTable,
  rawInsertBaseline,
  removeDirs,
  seconds,
  type Report,
} from './common.js'

const HOST = '127.0.0.1'

async function startCentral() {
  const store = openSqliteCentralStore(freshDir('central'))
  const app = await buildCentralServer({ store })
  await app.listen({ port: 0, host: HOST })
  const address = app.server.address()
  return { app, store, url: `http://${HOST}:${typeof address === 'object' && address ? address.port : 0}` }
}

/** Connects the desk in `dataDir` and runs rounds until it has everything; returns the time taken. */
async function initialSync(dataDir: string, centralUrl: string, credential: string) {
  const store = openStore(dataDir)
  // A central server busy taking a large upload may reset a connection: connect and the round try again.
  const { sync } = createServices(store, { sync: { client: { pullBatch: 2000 }, attempts: 8 } })
  try {
    await sync.connect(centralUrl, credential)
    const started = performance.now()
    await sync.syncOnce()
    return performance.now() - started
  } finally {
    await sync.stop()
    store.close()
  }
}

/** Parts e–e4; each figure goes to `report` as soon as it is measured, a failed part as a FAILED row. */
export async function syncBench(
  options: { messages: number; conversations: number; stream: number; rate: number; seed: number; now: number },
  report: Report,
): Promise<void> {
  const data: GenerateOptions = { messages: options.messages, conversations: options.conversations, seed: options.seed + 7, now: options.now }
  const expected = { messages: options.messages, conversations: options.conversations }
  const central = await startCentral()
  try {
    // Desk A: the messages through the ingest service, then everything up to the central server.
    const uploaded = await report.part('sync: desk A upload to the central server', async () => {
      log(`e. sync: desk A ingests ${fmt(options.messages)} messages …`)
      const dirA = freshDir('sync-a')
      const storeA = openStore(dirA)
      const property = createProperty(storeA, { name: 'Hotel Alpenblick', defaultCountry: 'CH', timeZone: 'Europe/Zurich' })
      const servicesA = createServices(storeA, { sync: { client: { pushBatch: 1000 }, attempts: 8 } })
      try {
        for (const batch of pushBatches(data)) {
          const ingested = servicesA.ingest.ingest(property, batch.messages.map(toIncomingMessage))
          if (!ingested.ok) throw new Error(`ingest refused a batch: ${JSON.stringify(ingested.problems.slice(0, 2))}`)
        }
        await servicesA.sync.connect(central.url, (await central.app.centralSync.addDevice({ name: 'Desk A', propertyId: property.id })).credential)
        log('   … and uploads them to the central server')
        const started = performance.now()
        await servicesA.sync.syncOnce()
        const uploadMs = performance.now() - started
        const uploadedOps = (await central.store.spaceBounds(property.id)).lastSeq + (await central.store.spaceBounds('group')).lastSeq
        report.add([
          `sync: desk A upload to the central server (${fmt(uploadedOps)} ops)`,
          `${seconds(uploadMs)} (${fmt((uploadedOps / uploadMs) * 1000)} ops/s)`,
          '',
          '',
        ])
        return { dirA, propertyId: property.id }
      } finally {
        await servicesA.sync.stop()
        storeA.close()
      }
    })

    log('e1. baseline: plain INSERTs of the same messages …')
    const base = await report.part('sync: baseline insert', () => rawInsertBaseline(data, expected))
    if (base) report.add(['sync: baseline insert (raw SQLite, 100/tx)', `${fmt(base.rate)} msg/s`, '', ''])
    if (!uploaded) return
    const device = async (name: string) => (await central.app.centralSync.addDevice({ name, propertyId: uploaded.propertyId })).credential
    const ofBaseline = (rate: number) => (base ? `${fmt((rate / base.rate) * 100, 1)} % of baseline` : '')

    log('e2. initial sync of an empty desk from the op log …')
    const dirB = freshDir('sync-b')
    const pulled = await report.part(`sync: initial sync of ${fmt(options.messages)} messages, op log`, async () => {
      const pullMs = await initialSync(dirB, central.url, await device('Desk B'))
      expectCount(dirB, 'messages', options.messages, NOT_THE_AI_AGENTS)
      expectCount(dirB, 'conversations', options.conversations)
      const pullRate = (options.messages / pullMs) * 1000
      report.add([`sync: initial sync of ${fmt(options.messages)} messages, op log`, `${seconds(pullMs)}, ${fmt(pullRate)} msg/s`, ofBaseline(pullRate), ''])
      return true
    })

    log('e3. initial sync of an empty desk from a snapshot …')
    await report.part(`sync: initial sync of ${fmt(options.messages)} messages, snapshot`, async () => {
      await central.app.centralSync.applyRetention(-60_000)
      const dirC = freshDir('sync-c')
      const snapshotMs = await initialSync(dirC, central.url, await device('Desk C'))
      expectCount(dirC, 'messages', options.messages)
      const snapshotRate = (options.messages / snapshotMs) * 1000
      report.add([
        `sync: initial sync of ${fmt(options.messages)} messages, snapshot`,
        `${seconds(snapshotMs)}, ${fmt(snapshotRate)} msg/s`,
        ofBaseline(snapshotRate),
        '',
      ])
    })

    if (!pulled) return
    log(`e4. propagation A → B: ${fmt(options.stream)} pushes at ${options.rate}/s …`)
    await report.part('sync: propagation desk A → desk B', async () => {
      const propagation = await propagationLatency(uploaded.dirA, dirB, options.stream, options.rate)
      const sorted = [...propagation.latencies].sort((a, b) => a - b)
      const pushSorted = [...propagation.pushLatencies].sort((a, b) => a - b)
      report.add(
        [
          `sync: propagation desk A → desk B (${fmt(sorted.length)} pushes at ${options.rate}/s)`,
          `p50 ${fmt(percentile(sorted, 50))} / p95 ${fmt(percentile(sorted, 95))} ms`,
          '',
          '',
        ],
        ['sync: the push to desk A itself (same requests)', `p50 ${fmt(percentile(pushSorted, 50), 1)} / p95 ${fmt(percentile(pushSorted, 95), 1)} ms`, '', ''],
      )
    })
  } finally {
    await central.app.close()
  }
}

/** Desks A and B as running servers syncing through the central server; A takes a paced stream of pushes. */
async function propagationLatency(dirA: string, dirB: string, count: number, perSecond: number) {
  const token = (() => {
    const store = openStore(dirA)
    try {
      return createApiToken(store, { name: 'bench', scopes: ['guest.conversation.write'] }).token
    } finally {
      store.close()
    }
  })()
  const a = await startServer({ dataDir: dirA, port: 0, host: HOST, rateLimitPerMinute: 1e9, logger: false })
  const b = await startServer({ dataDir: dirB, port: 0, host: HOST, rateLimitPerMinute: 1e9, logger: false })
  const arrivedOnB = new Map<string, number>()
  b.app.events.subscribe((event) => {
    if (event.type === 'message.created' && event.replicated) arrivedOnB.set(event.messageId, performance.now())
  })
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 })
  const sent: { messageId: string; at: number }[] = []
  const pushLatencies: number[] = []
  try {
    // Let both finish their first round before the clock matters.
    await new Promise((resolve) => setTimeout(resolve, 2000))
    const interval = 1000 / perSecond
    const first = performance.now()
    const requests: Promise<void>[] = []
    for (let i = 0; i < count; i++) {
      const due = first + i * interval
      const wait = due - performance.now()
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
      requests.push(
        pushOne(agent, a.url, token, i).then(({ messageId, at, ms }) => {
          sent.push({ messageId, at })
          pushLatencies.push(ms)
        }),
      )
    }
    await Promise.all(requests)
    const until = performance.now() + 30_000
    while (sent.some((s) => !arrivedOnB.has(s.messageId)) && performance.now() < until) await new Promise((resolve) => setTimeout(resolve, 20))
    const missing = sent.filter((s) => !arrivedOnB.has(s.messageId)).length
    if (missing) throw new Error(`${missing} of ${sent.length} messages did not reach desk B within 30 s`)
    return { latencies: sent.map((s) => arrivedOnB.get(s.messageId)! - s.at), pushLatencies }
  } finally {
    agent.destroy()
    await a.close()
    await b.close()
  }
}

function pushOne(agent: http.Agent, baseUrl: string, token: string, index: number): Promise<{ messageId: string; at: number; ms: number }> {
  const body = JSON.stringify({
    messages: [
      {
        guestIdentifier: { type: 'PHONENUMBER', value: `+4179${String(5_000_000 + (index % 200)).padStart(7, '0')}` },
        platform: 'WEBSITE_CHAT',
        direction: 'RECEIVED',
        content: { type: 'text', text: { text: `Propagation probe ${index}` } },
        messageCreatedAt: new Date().toISOString(),
        externalId: `probe-${index}`,
      },
    ],
  })
  const url = new URL('/api/unified-messaging-service/guest-conversations/messages', baseUrl)
  const at = performance.now()
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: 'POST', agent, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } },
      (response) => {
        let text = ''
        response.on('data', (chunk: Buffer) => (text += chunk))
        response.on('end', () => {
          if (response.statusCode !== 201) return reject(new Error(`push answered ${response.statusCode}: ${text.slice(0, 200)}`))
          resolve({ messageId: (JSON.parse(text) as { messageId: string }[])[0]!.messageId, at, ms: performance.now() - at })
        })
      },
    )
    request.on('error', reject)
    request.end(body)
  })
}

export function syncBenchOptions(now: number, seed: number) {
  const messages = envInt('BENCH_SYNC_MESSAGES', 1_000_000)
  return {
    messages,
    conversations: envInt('BENCH_SYNC_CONVERSATIONS', Math.max(1, Math.round(messages / 20))),
    stream: envInt('BENCH_SYNC_STREAM', 300),
    rate: envInt('BENCH_SYNC_RATE', 20),
    seed,
    now,
  }
}

// `npm run bench:sync`: this part alone, with its scale part.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const report = createReport()
  try {
    await report.part('sync', () => syncBench(syncBenchOptions(Date.now(), envInt('BENCH_SEED', 2026)), report))
    log('')
    await report.part('sync scale', () => syncScaleBench(scaleBenchOptions(), report))
  } finally {
    printTable(report.rows)
    removeDirs()
  }
}
