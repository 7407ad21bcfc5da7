/**
 * The sync benchmark's scale part: a hotel group on one central server (part e5 of `npm run bench`,
 * 10 s a step there; after parts e–e4 in `npm run bench:sync`; alone: `npm run bench:sync-scale`).
 *
 *   The central store on PostgreSQL (BENCH_DATABASE_URL, else TEST_DATABASE_URL; with neither, a
 *   SKIPPED row), in a schema of its own per step that is dropped afterwards, served by two central
 *   server instances (real HTTP servers on 127.0.0.1, each in a worker thread of its own as each has
 *   its own server in a group; pokes cross between them by LISTEN/NOTIFY, as in production).
 *   N simulated desks in this process's main thread, each with its own SQLite data dir, device
 *   credential and sync client running as `frontdesk serve` runs it (a round after each change, on
 *   every poke from the event stream, and on the timer). Desks come BENCH_SYNC_SCALE_DESKS_PER_PROPERTY
 *   (default 2) to a property, neighbours on different instances, so every message crosses
 *   instances; all share the group space (guests' identities). Each desk takes one guest message a
 *   second through the ingest service (as a push does), every 10th (BENCH_SYNC_SCALE_NEW_GUEST_EVERY)
 *   from a new guest: a new identity in the group space, which reaches every desk.
 *   Each desk stands for a computer of its own, with its own disk: its SQLite commits here skip the
 *   fsync (synchronous = NORMAL), since fifty desks' fsyncs would otherwise queue up in this one
 *   event loop, which no desk or central pays for in a group; BENCH_SYNC_SCALE_DESK_SYNC=FULL
 *   keeps the desks' own setting (and shows what that queue costs here).
 *
 *   Per step (BENCH_SYNC_SCALE_DESKS desks, default 10,25,50; BENCH_SYNC_SCALE_SECONDS each, default 20):
 *   e5a. ops the central accepted per second over the window, and the requests both instances
 *       answered (push p50/p95: the time a push holds its transaction);
 *   e5b. the process's CPU over the window, as % of one core — this one process holds both central
 *       instances and every desk (PostgreSQL's own CPU is not in it) — and how busy the desks' event loop was;
 *   e5c. desk-to-desk propagation p50/p95: from the ingest on one desk until each other desk of its
 *       property has applied the message (its replicated message.created event); target p95 ≤ 1 s;
 *   e5d. check: once the stream stops, every desk holds every message of its property and every
 *       guest identity of the group (counted in its SQLite file).
 *   Then how the figures grew from the first step to the last.
 */
import { randomBytes } from 'node:crypto'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { setTimeout as sleep } from 'node:timers/promises'
import { pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import pg from 'pg'
import { openDatabase, type Db } from '../local-api/db/open.js'
import { createStore, type Store } from '../local-api/db/store.js'
import type { Property } from '../local-api/db/properties.js'
import type { IncomingMessage } from '../local-api/services/ingest.js'
import { createServices, type Services } from '../local-api/services/index.js'
import { createProperty } from '../local-api/services/properties.js'
import { createReport, envInt, fmt, freshDir, log, percentile, printTable, removeDirs, type Report } from './common.js'
import type { CentralReply, CentralRequest, CentralWorkerData } from './sync-scale-central.js'

const PROPAGATION_TARGET_MS = 1000
/** How long the desks have, once the stream stops, to receive what is still on its way. */
const DRAIN_MS = 30_000

export interface ScaleOptions {
  steps: number[]
  seconds: number
  desksPerProperty: number
  /** Every this many messages a desk takes, one comes from a guest it has not heard from before. */
  newGuestEvery: number
  /** The simulated desks' SQLite `synchronous` setting (see the header). */
  deskSync: 'NORMAL' | 'FULL'
  databaseUrl: string | undefined
}

export function scaleBenchOptions(defaultSeconds = 20): ScaleOptions {
  const steps = (process.env.BENCH_SYNC_SCALE_DESKS ?? '10,25,50').split(',').map((step) => Number(step.trim()))
  if (steps.length === 0 || steps.some((step) => !Number.isSafeInteger(step) || step < 2)) {
    throw new RangeError('BENCH_SYNC_SCALE_DESKS must be desk counts of at least 2, comma-separated (e.g. 10,25,50)')
  }
  return {
    steps,
    seconds: envInt('BENCH_SYNC_SCALE_SECONDS', defaultSeconds),
    desksPerProperty: envInt('BENCH_SYNC_SCALE_DESKS_PER_PROPERTY', 2),
    newGuestEvery: envInt('BENCH_SYNC_SCALE_NEW_GUEST_EVERY', 10),
    deskSync: process.env.BENCH_SYNC_SCALE_DESK_SYNC?.toUpperCase() === 'FULL' ? 'FULL' : 'NORMAL',
    databaseUrl: process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || undefined,
  }
}

/** A central server instance in a worker thread of its own (bench/sync-scale-central.ts). */
interface Central {
  url: string
  addDevice(name: string, propertyId: string): Promise<string>
  /** Whether it notes the time each request takes, by route. */
  record(on: boolean): Promise<void>
  /** The times it noted (ms), by route. */
  times(): Promise<Record<string, number[]>>
  close(): Promise<void>
}

/** The requests the central instances answered while they recorded: how many, and how long each took by route. */
async function requestTimes(centrals: Central[]) {
  const byRoute = new Map<string, number[]>()
  for (const central of centrals) {
    for (const [route, times] of Object.entries(await central.times())) byRoute.set(route, [...(byRoute.get(route) ?? []), ...times])
  }
  return {
    total: [...byRoute.values()].reduce((sum, times) => sum + times.length, 0),
    sorted: (route: string) => [...(byRoute.get(route) ?? [])].sort((a, b) => a - b),
  }
}

interface SimDesk {
  /** 1, 2, …: names the desk and numbers its guests' phones. */
  number: number
  name: string
  db: Db
  store: Store
  services: Services
  property: Property
  /** When each message from other desks was applied here (performance.now()). */
  arrived: Map<string, number>
  /** The phones of the guests that wrote to this desk. */
  guests: string[]
}

interface Sent {
  messageId: string
  at: number
  from: SimDesk
}

interface StepFigures {
  desks: number
  opsPerSecond: number
  requestsPerSecond: number
  cpuPercent: number
  p50: number
  p95: number
}

/** Every step, each figure to `report` as soon as it is measured; a failed step as a FAILED row. */
export async function syncScaleBench(options: ScaleOptions, report: Report): Promise<void> {
  const name = `sync scale (PostgreSQL central, ${options.steps.join('/')} desks)`
  if (!options.databaseUrl) {
    report.add([name, 'SKIPPED: neither BENCH_DATABASE_URL nor TEST_DATABASE_URL is set', '', 'SKIPPED'])
    return
  }
  const figures: StepFigures[] = []
  for (const desks of options.steps) {
    log(
      `e5. sync scale: ${desks} desks on two central instances over PostgreSQL, ${options.seconds} s at one message a second each ` +
        `(desks' SQLite synchronous = ${options.deskSync}) …`,
    )
    const measured = await report.part(`sync scale: ${desks} desks`, () => scaleStep(options.databaseUrl!, desks, options, report))
    if (measured) figures.push(measured)
  }
  if (figures.length >= 2) {
    const first = figures[0]!
    const last = figures.at(-1)!
    const times = (from: number, to: number) => `×${fmt(to / from, 1)}`
    report.add([
      `sync scale: growth ${first.desks} → ${last.desks} desks (×${fmt(last.desks / first.desks, 1)})`,
      `ops/s ${times(first.opsPerSecond, last.opsPerSecond)}, requests/s ${times(first.requestsPerSecond, last.requestsPerSecond)}, CPU ${times(first.cpuPercent, last.cpuPercent)}, ` +
        `propagation p50 ${times(first.p50, last.p50)} / p95 ${times(first.p95, last.p95)}`,
      '',
      '',
    ])
  }
}

/** One step: a fresh schema, two instances, `count` desks; measures, checks, and tears everything down. */
async function scaleStep(databaseUrl: string, count: number, options: ScaleOptions, report: Report): Promise<StepFigures> {
  const schema = `bench_sync_scale_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`
  const centrals: Central[] = []
  const desks: SimDesk[] = []
  try {
    // One after the other: the first creates the schema's tables, the second finds them.
    for (let i = 0; i < 2; i++) centrals.push(await startCentral(databaseUrl, schema))
    desks.push(...(await openDesks(count, options, centrals)))
    const label = `sync scale: ${count} desks (${fmt(Math.ceil(count / options.desksPerProperty))} properties)`

    for (const desk of desks) desk.services.sync.start()
    // Let every desk open its event stream and finish its first round before the clock matters.
    await sleep(2000)

    const opsBefore = await opsAccepted(databaseUrl, schema)
    const loopDelay = monitorEventLoopDelay({ resolution: 10 })
    loopDelay.enable()
    const loopBefore = performance.eventLoopUtilization()
    const cpuBefore = process.cpuUsage()
    await Promise.all(centrals.map((central) => central.record(true)))
    const started = performance.now()
    const sent = (
      await Promise.all(
        desks.map((desk, index) => takeMessages(desk, options.newGuestEvery, started + (index / count) * 1000, started + options.seconds * 1000)),
      )
    ).flat()
    const windowMs = performance.now() - started
    const cpu = process.cpuUsage(cpuBefore)
    const loopBusy = performance.eventLoopUtilization(loopBefore).utilization * 100
    loopDelay.disable()
    await Promise.all(centrals.map((central) => central.record(false)))
    const opsPerSecond = (((await opsAccepted(databaseUrl, schema)) - opsBefore) / windowMs) * 1000
    const cpuPercent = ((cpu.user + cpu.system) / 1000 / windowMs) * 100
    const requests = await requestTimes(centrals)

    const requestsPerSecond = (requests.total / windowMs) * 1000
    const pushes = requests.sorted('/sync/v1/push')
    report.add(
      [`${label}: ops accepted by the central`, `${fmt(opsPerSecond)} ops/s (${fmt((sent.length / windowMs) * 1000)} messages/s taken)`, '', ''],
      [
        `${label}: requests to the central`,
        `${fmt(requestsPerSecond)} req/s, push p50 ${fmt(percentile(pushes, 50))} / p95 ${fmt(percentile(pushes, 95))} ms`,
        '',
        '',
      ],
      [
        `${label}: process CPU`,
        `${fmt(cpuPercent)} % of one core (both centrals and all desks; the desks' event loop busy ${fmt(loopBusy)} %, delay p95 ${fmt(loopDelay.percentile(95) / 1e6)} ms)`,
        '',
        '',
      ],
    )

    const expected = deliveries(desks, sent)
    const until = performance.now() + DRAIN_MS
    while (expected.some(({ to, messageId }) => !to.arrived.has(messageId)) && performance.now() < until) await sleep(50)
    const latencies = expected.flatMap(({ to, messageId, at }) => (to.arrived.has(messageId) ? [to.arrived.get(messageId)! - at] : [])).sort((a, b) => a - b)
    const missing = expected.length - latencies.length
    const p50 = percentile(latencies, 50)
    const p95 = percentile(latencies, 95)
    report.add([
      `${label}: propagation desk → desk`,
      `p50 ${fmt(p50)} / p95 ${fmt(p95)} ms (${fmt(latencies.length)} deliveries${missing ? `, ${fmt(missing)} missing after ${DRAIN_MS / 1000} s` : ''})`,
      `p95 ≤ ${fmt(PROPAGATION_TARGET_MS)} ms`,
      p95 > PROPAGATION_TARGET_MS || missing > 0 ? 'MISSED' : '',
    ])

    await Promise.all(desks.map((desk) => desk.services.sync.stop()))
    const failedRounds = desks.flatMap((desk) => desk.services.background.recent().filter((failure) => failure.worker === 'sync'))
    if (failedRounds.length) {
      const times = failedRounds.reduce((sum, failure) => sum + failure.count, 0)
      report.add([`${label}: sync rounds that failed (and were tried again)`, `${fmt(times)}, latest: ${failedRounds[0]!.detail.slice(0, 120)}`, '', ''])
    }
    await report.part(`${label}: every desk has everything of its spaces`, () => {
      const found = checkEveryDeskHasItAll(desks, sent)
      report.add([`${label}: every desk has everything of its spaces`, `ok: ${found}`, '', ''])
    })
    return { desks: count, opsPerSecond, requestsPerSecond, cpuPercent, p50, p95 }
  } finally {
    for (const desk of desks) {
      await desk.services.sync.stop()
      desk.store.close()
    }
    for (const central of centrals) await central.close()
    // Said, not thrown: a failure to reach the database is the step's own reason already.
    await dropSchema(databaseUrl, schema).catch((error: Error) => log(`   could not drop the bench schema ${schema}: ${error.message}`))
  }
}

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never

/** Starts a central instance in a worker thread; resolves once it listens. */
function startCentral(databaseUrl: string, schema: string): Promise<Central> {
  const worker = new Worker(new URL('./sync-scale-central.ts', import.meta.url), { workerData: { databaseUrl, schema } satisfies CentralWorkerData })
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>()
  let nextId = 0
  const ask = <T>(request: WithoutId<CentralRequest>) =>
    new Promise<T>((resolve, reject) => {
      const id = ++nextId
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject })
      worker.postMessage({ ...request, id })
    })
  return new Promise((resolve, reject) => {
    worker.on('error', reject)
    worker.on('exit', (code) => {
      const gone = new Error(`a central instance's worker ended (exit code ${code})`)
      for (const { reject: fail } of waiting.values()) fail(gone)
      reject(gone)
    })
    worker.on('message', (reply: CentralReply) => {
      if (reply.kind === 'failed') return reject(new Error(`a central instance did not start: ${reply.message}`))
      if (reply.kind === 'listening') {
        return resolve({
          url: reply.url,
          addDevice: (name, propertyId) => ask<string>({ kind: 'add-device', name, propertyId }),
          record: (on) => ask<void>({ kind: 'record', on }),
          times: () => ask<Record<string, number[]>>({ kind: 'times' }),
          // Closed by itself (its server and store), then ended: nothing of it is left open in this process.
          close: async () => {
            await ask<void>({ kind: 'close' })
            await worker.terminate()
          },
        })
      }
      const asked = waiting.get(reply.id)
      waiting.delete(reply.id)
      if (reply.kind === 'done') asked?.resolve(reply.value)
      else asked?.reject(new Error(reply.message))
    })
  })
}

async function dropSchema(databaseUrl: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`)
  } finally {
    await client.end()
  }
}

/**
 * `count` desks, `desksPerProperty` to a property, desk i on instance i % 2: the first desk of each
 * property creates it and sends it up, the others join it from the central server.
 */
async function openDesks(count: number, { desksPerProperty: perProperty, deskSync }: ScaleOptions, centrals: Central[]): Promise<SimDesk[]> {
  const indexes = Array.from({ length: Math.ceil(count / perProperty) }, (_, property) =>
    Array.from({ length: perProperty }, (_, k) => property * perProperty + k).filter((index) => index < count),
  )
  const byProperty = await Promise.all(
    indexes.map(async (deskIndexes, property) => {
      const opened: SimDesk[] = []
      let propertyId: string | undefined
      for (const index of deskIndexes) {
        const name = `Desk ${index + 1}`
        const db = openDatabase(freshDir(`scale-desk-${index + 1}`))
        db.pragma(`synchronous = ${deskSync}`)
        const store = createStore(db)
        const services = createServices(store, { sync: { attempts: 8 } })
        propertyId ??= createProperty(store, { name: `Hotel ${property + 1}`, defaultCountry: 'CH', timeZone: 'Europe/Zurich' }).id
        const credential = await centrals[0]!.addDevice(name, propertyId)
        await services.sync.connect(centrals[index % 2]!.url, credential)
        await services.sync.syncOnce()
        const joined = store.properties.get(propertyId)
        if (!joined) throw new Error(`${name} did not receive its property ${propertyId} from the central server`)
        const desk: SimDesk = { number: index + 1, name, db, store, services, property: joined, arrived: new Map(), guests: [] }
        services.events.subscribe((event) => {
          if (event.type === 'message.created' && event.replicated) desk.arrived.set(event.messageId, performance.now())
        })
        opened.push(desk)
      }
      return opened
    }),
  )
  return byProperty.flat()
}

/** One guest message a second from `firstAt` until `endAt`, through the ingest service as a push writes; what was sent, when. */
async function takeMessages(desk: SimDesk, newGuestEvery: number, firstAt: number, endAt: number): Promise<Sent[]> {
  const sent: Sent[] = []
  for (let k = 0; firstAt + k * 1000 < endAt; k++) {
    const wait = firstAt + k * 1000 - performance.now()
    if (wait > 0) await sleep(wait)
    const at = performance.now()
    const outcome = await desk.services.ingest.submit(desk.property, [guestMessage(desk, k, newGuestEvery)])
    if (!outcome.ok) throw new Error(`${desk.name}: ingest refused a message: ${JSON.stringify(outcome.problems)}`)
    sent.push({ messageId: outcome.value[0]!.messageId, at, from: desk })
  }
  return sent
}

function guestMessage(desk: SimDesk, k: number, newGuestEvery: number): IncomingMessage {
  // Swiss mobile numbers, distinct across desks (up to 10,000 guests a desk).
  if (k % newGuestEvery === 0) desk.guests.push(`+4179${5_000_000 + desk.number * 10_000 + desk.guests.length}`)
  return {
    channel: 'web_chat',
    identity: { kind: 'phone', value: desk.guests.at(-1)! },
    direction: 'in',
    content: { type: 'text', text: `Scale probe ${k} from ${desk.name}` },
    createdAt: Date.now(),
    externalId: `${desk.name}-${k}`,
  }
}

/** Each message sent, once for every other desk of its property: where it must arrive. */
function deliveries(desks: SimDesk[], sent: Sent[]) {
  return sent.flatMap(({ messageId, at, from }) =>
    desks.filter((to) => to !== from && to.property.id === from.property.id).map((to) => ({ messageId, at, to })),
  )
}

/** Throws unless every desk holds every message sent at its property and every guest's identity; says what it counted. */
function checkEveryDeskHasItAll(desks: SimDesk[], sent: Sent[]): string {
  const perProperty = new Map<string, number>()
  for (const { from } of sent) perProperty.set(from.property.id, (perProperty.get(from.property.id) ?? 0) + 1)
  const identities = desks.reduce((sum, desk) => sum + desk.guests.length, 0)
  const short: string[] = []
  for (const desk of desks) {
    const messages = (desk.db.prepare('SELECT count(*) AS n FROM messages WHERE property_id = ?').get(desk.property.id) as { n: number }).n
    const known = (desk.db.prepare("SELECT count(*) AS n FROM guest_identities WHERE kind = 'phone'").get() as { n: number }).n
    const want = perProperty.get(desk.property.id) ?? 0
    if (messages !== want) short.push(`${desk.name} has ${messages} of its property's ${want} messages`)
    if (known !== identities) short.push(`${desk.name} knows ${known} of the group's ${identities} guest identities`)
  }
  if (short.length) throw new Error(`${short.length} shortfalls: ${short.slice(0, 4).join('; ')}`)
  return `${fmt(sent.length)} messages at ${fmt(perProperty.size)} properties, ${fmt(identities)} guest identities, on each of ${desks.length} desks`
}

/** Ops the central store has accepted so far, over every space. */
async function opsAccepted(databaseUrl: string, schema: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const { rows } = await client.query<{ total: string }>(`SELECT coalesce(sum(last_seq), 0) AS total FROM ${pg.escapeIdentifier(schema)}.spaces`)
    return Number(rows[0]!.total)
  } finally {
    await client.end()
  }
}

// `npm run bench:sync-scale`: this part alone.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const report = createReport()
  try {
    await report.part('sync scale', () => syncScaleBench(scaleBenchOptions(), report))
  } finally {
    printTable(report.rows)
    removeDirs()
  }
}
