// The desk's side of sync: push this desk's ops (oldest first, dropped only once acknowledged),
// pull each space's ops after the stored cursor (the cursor moves in the transaction that applies
// them), take a snapshot when the cursor is older than the server keeps. Runs when something
// changes here, when the central server pokes, and on a timer, retrying with backoff.
import type { Store } from '../../db/store.js'
import type { ParkedOp, RefusedOp, SyncRepository } from '../../db/sync.js'
import { ClockError, type HlcClock } from '../../../sync-core/hlc.js'
import { GROUP_SPACE, SYNC_SCHEMA_VERSION, type PulledOp, type SnapshotPage } from '../../../sync-core/protocol.js'
import type { WorkerReport } from '../background-failures.js'
import type { DomainEvent, EventBus } from '../event-bus.js'
import { snapshotOp, type OpApplier } from './apply-ops.js'
import type { FirstCopies } from './first-copies.js'
import { checkMachine, identityNotice, takeNewClientId, type IdentityChange } from './desk-identity.js'
import type { LocalOps } from './local-ops.js'
import type { SyncTransport } from './transport.js'

export interface SyncStatus {
  configured: boolean
  state: 'off' | 'idle' | 'syncing' | 'offline'
  /** Local changes not yet acknowledged by the central server. */
  pendingOps: number
  /** Other desks' ops that cannot apply yet. */
  waitingOps: number
  /** Other desks' ops this desk could not apply at all, set aside (an admin may retry them). */
  parkedOps: number
  /** The first of them, oldest first. */
  parked: ParkedOp[]
  /** This desk's own changes the central server refused: no other desk has them (an admin may send them again). */
  refusedOps: number
  /** The first of them, oldest first. */
  refused: RefusedOp[]
  lastSyncAt: number | null
  lastError: string | null
  /** While a snapshot or a long pull runs: entities or ops applied so far, of about how many. */
  progress: { done: number; total: number } | null
  /** This desk took a new client id lately (restored from a backup, or its data dir copied here): why, in words, and when. */
  identityChange: { reason: IdentityChange; message: string; at: number } | null
}

export interface SyncClientOptions {
  pushBatch?: number
  pullBatch?: number
  /** Fallback pull interval while nothing pokes. */
  periodMs?: number
  /** Longest wait between retries after failures. */
  maxBackoffMs?: number
  clock?: () => number
  /** How long a local change waits for others to go up with it (the first change's wait counts). */
  pushDelayMs?: number
  /** Called after every successful round. */
  onSynced?: () => void
  /** Where a failed round is reported (logged, and kept for /v1/health) beside the status's lastError. */
  report?: WorkerReport
  /** Told which guest messages' copies reached the central server first from this desk (the AI agent answers only those). */
  firstCopies?: FirstCopies
  /** The fingerprint of the computer and data dir this runs on (desk-identity.ts); a different one kept means a copied data dir. */
  machine?: string
}

/** How many parked (or refused) ops the status lists (it counts them all). */
export const PARKED_LISTED = 50

export function createSyncClient(
  store: Store,
  sync: SyncRepository,
  /** The desk's clock (the store's): it takes in the server's and the other desks' timestamps. */
  deskClock: HlcClock,
  localOps: LocalOps,
  applier: OpApplier,
  events: EventBus,
  transport: SyncTransport,
  options: SyncClientOptions = {},
) {
  const clock = options.clock ?? Date.now
  const pushBatch = options.pushBatch ?? 500
  const pullBatch = options.pullBatch ?? 1000
  let spaces: string[] = []
  let progress: SyncStatus['progress'] = null
  let state: SyncStatus['state'] = 'idle'
  let running: Promise<void> | null = null
  /** When this desk last said hello, and what the server answered it runs (see syncOnce). */
  let lastHello: { at: number; schemaVersion: number } | null = null
  let again = false
  /** Whether the round asked for while one ran may skip its hello (see syncOnce). */
  let againReusesHello = true

  // Guest messages whose answer waits for the central server's order (see first-copies.ts), each
  // with the number of rounds begun when it was asked about: a later round sends it.
  // Another desk's copy is the same message by its integrator's externalId at the same property.
  const awaitingFirst = new Map<string, { askedDuring: number; copyKey: string | null; settle: (first: boolean) => void }>()
  let roundsBegun = 0
  const copyKey = (conversationId: unknown, externalId: unknown): string | null => {
    if (typeof externalId !== 'string' || typeof conversationId !== 'string') return null
    const conversation = store.conversations.get(sync.resolve('conversation', conversationId))
    return conversation ? `${conversation.propertyId}|${externalId}` : null
  }
  const attachFirstCopies = () =>
    options.firstCopies?.attach((messageId) => {
      const message = store.messages.get(messageId)
      const key = message ? copyKey(message.conversationId, message.externalId) : null
      return new Promise<boolean>((settle) => awaitingFirst.set(messageId, { askedDuring: roundsBegun, copyKey: key, settle }))
    })
  let detachFirstCopies = attachFirstCopies()
  const settleFirst = (settled: [string, boolean][]) => {
    for (const [messageId, first] of settled) {
      awaitingFirst.get(messageId)?.settle(first)
      awaitingFirst.delete(messageId)
    }
  }

  const transaction = <T>(work: (published: DomainEvent[]) => T): T => {
    const published: DomainEvent[] = []
    let result: T
    try {
      result = store.transaction(() => work(published))
    } catch (error) {
      applier.discard()
      throw error
    }
    events.publish(published)
    return result
  }

  /** Takes in the server's clock; one too far ahead is reported, not followed. */
  function receiveClock(hlc: string): void {
    try {
      deskClock.receive(hlc)
      // Kept, so that after a restart this desk's clock is still past everything it has seen.
      store.transaction(() => sync.updateConfig({ hlc: deskClock.latest() }))
    } catch (error) {
      if (error instanceof ClockError) throw new Error(`the central server's clock is far ahead of this computer's: ${error.message}`)
      throw error
    }
  }

  function materializeAll(): void {
    while (store.transaction(() => localOps.materialize()) > 0) {
      // until every local change is an op
    }
  }

  /** Another copy of this desk is pushing under its id: this one takes a new id and sends again. */
  function becomeNewClient(reason: IdentityChange): void {
    const resent = takeNewClientId(store, sync, deskClock, reason, clock())
    options.report?.log.warn(
      { reason, resent, clientId: sync.config().clientId },
      'sync: this desk took a new client id; its changes the central server may lack go up again',
    )
  }

  async function push(): Promise<void> {
    for (;;) {
      const { ackedSeq, clientId, pushedSeq } = sync.config()
      const ops = sync.outboxAfter(ackedSeq, pushBatch)
      if (ops.length === 0) return
      // Kept before it goes: the server acknowledging more than this desk ever sent means a copy sent it.
      const sentThrough = Math.max(pushedSeq, ops.at(-1)!.clientSeq)
      if (sentThrough > pushedSeq) store.transaction(() => sync.updateConfig({ pushedSeq: sentThrough }))
      const response = await transport.push({ clientId, schemaVersion: SYNC_SCHEMA_VERSION, ops })
      receiveClock(response.serverHlc)
      if (response.ackedSeq > sentThrough) {
        becomeNewClient('cloned')
        continue
      }
      if ('error' in response) {
        if (response.ackedSeq < ackedSeq)
          throw new Error(
            `the central server has this desk's changes only up to ${response.ackedSeq}, but ${ackedSeq} were acknowledged; it may have been restored from a backup`,
          )
        // The server is further along than we knew (an acknowledgement got lost): skip ahead.
        store.transaction(() => acknowledge(response.ackedSeq))
        continue
      }
      store.transaction(() => {
        // Kept before the outbox lets them go: no other desk gets them, and the status lists them.
        const now = clock()
        for (const refused of response.rejected) {
          const op = ops.find((sent) => sent.opId === refused.opId)
          if (op) sync.keepRefused(op, refused.reason, now)
        }
        acknowledge(response.ackedSeq)
      })
      if (response.rejected.length)
        options.report?.log.warn({ refused: response.rejected }, 'sync: the central server refused changes of this desk; kept for an admin to send again')
    }
  }

  function acknowledge(seq: number): void {
    if (seq <= sync.config().ackedSeq) return
    sync.acknowledge(seq)
    sync.updateConfig({ ackedSeq: seq })
  }

  function applyPulled(space: string, ops: PulledOp[], lastSeq: number): void {
    const { clientId } = sync.config()
    const now = clock()
    // Which waiting guest messages this page settles, told once its transaction has committed.
    const settled: [string, boolean][] = []
    const decided = new Set<string>()
    transaction((published) => {
      // This desk's own recent changes go into the synced state first, to be weighed against theirs.
      localOps.materialize(Number.MAX_SAFE_INTEGER)
      for (const { op } of ops) {
        if (op.clientId === clientId) {
          // Our own op, back from the server: our copy of a waiting message came first.
          if (op.entity === 'message' && awaitingFirst.has(op.entityId) && !decided.has(op.entityId)) {
            decided.add(op.entityId)
            settled.push([op.entityId, true])
          }
          continue
        }
        try {
          deskClock.receive(op.hlc)
        } catch {
          // an op far ahead of our clock still applies; our clock just does not follow it
        }
        applier.apply(op, now, published)
        // Another desk's copy of a waiting message, ahead of ours: theirs is the one answered.
        if (op.entity === 'message' && awaitingFirst.size && typeof op.fields.externalId === 'string') {
          const key = copyKey(op.fields.conversationId, op.fields.externalId)
          for (const [messageId, waiting] of awaitingFirst) {
            if (decided.has(messageId) || key === null || waiting.copyKey !== key) continue
            decided.add(messageId)
            settled.push([messageId, false])
          }
        }
      }
      applier.finish(published)
      if (ops.length) applier.retryParked(now, published)
      sync.setCursor(space, lastSeq)
      sync.updateConfig({ hlc: deskClock.latest() })
    })
    settleFirst(settled)
  }

  async function takeSnapshot(space: string): Promise<void> {
    let cursor: string | null = null
    let asOfSeq = 0
    let done = 0
    let total = 0
    do {
      const page: SnapshotPage = await transport.snapshot(space, cursor, pullBatch)
      receiveClock(page.serverHlc)
      asOfSeq = page.asOfSeq
      total = page.total ?? total
      const now = clock()
      transaction((published) => {
        localOps.materialize(Number.MAX_SAFE_INTEGER)
        for (const entity of page.entities) {
          const outcome = applier.applySnapshot(entity, now, published)
          if ('waiting' in outcome) {
            // Parked as a synthetic op: what it waits for may come in a later page or space.
            sync.park(snapshotOp(entity), outcome.waiting, now)
          }
        }
        applier.retryParked(now, published)
      })
      done += page.entities.length
      progress = { done, total: Math.max(done, total) }
      cursor = page.next
    } while (cursor)
    // The unsent outbox stays as it is: it goes up with the next push.
    store.transaction(() => sync.setCursor(space, asOfSeq))
  }

  async function pull(space: string): Promise<void> {
    const from = sync.cursor(space)
    for (;;) {
      const after = sync.cursor(space)
      const response = await transport.pull(space, after, pullBatch)
      receiveClock(response.serverHlc)
      if ('reset' in response) {
        await takeSnapshot(space)
        continue
      }
      if (response.ops.length) {
        applyPulled(space, response.ops, response.lastSeq)
        // A long way behind (a desk back after days offline): say how far along it is.
        if (response.hasMore) progress = { done: response.lastSeq - from, total: Math.max(response.lastSeq, response.headSeq) - from }
      }
      if (!response.hasMore) return
    }
  }

  /**
   * A round for the server's pokes alone: pulls the poked spaces, nothing else (no hello, no push).
   * Run instead of a full round while this desk has nothing to send, its last full round succeeded
   * within the timer's period, and it knows its spaces: a poke then costs the central one request,
   * not four. A full round still runs on every local change, on the timer and after any failure.
   */
  async function pullPoked(list: string[]): Promise<void> {
    state = 'syncing'
    try {
      for (const space of list) if (spaces.includes(space)) await pull(space)
      transaction((published) => applier.retryParked(clock(), published))
      store.transaction(() => sync.updateConfig({ lastSyncAt: clock(), lastError: null }))
      state = 'idle'
      options.onSynced?.()
    } catch (error) {
      state = 'offline'
      lastHello = null
      options.report?.failed('a sync round failed', { error, level: 'warn' })
      store.transaction(() => sync.updateConfig({ lastError: error instanceof Error ? error.message : String(error) }))
      throw error
    }
  }

  /** Says hello: the server's clock, what it acknowledged under this id (a restored desk shows here), the spaces. */
  async function sayHello(): Promise<number> {
    let hello = await transport.hello({ clientId: sync.config().clientId, schemaVersion: SYNC_SCHEMA_VERSION })
    receiveClock(hello.serverHlc)
    if (hello.ackedSeq > sync.config().pushedSeq) {
      // The server has changes under this id that this desk never sent: it was restored from a
      // backup (or a copy of it pushed first). Its changes go up again under a new id, and what
      // it sent after the backup comes back with the next pull as another desk's.
      becomeNewClient('restored')
      hello = await transport.hello({ clientId: sync.config().clientId, schemaVersion: SYNC_SCHEMA_VERSION })
      receiveClock(hello.serverHlc)
    }
    if (hello.ackedSeq > sync.config().ackedSeq) store.transaction(() => acknowledge(hello.ackedSeq))
    spaces = [GROUP_SPACE, ...hello.spaces.filter((space) => space !== GROUP_SPACE)]
    lastHello = { at: performance.now(), schemaVersion: hello.schemaVersion }
    return hello.schemaVersion
  }

  /**
   * A full round. `reuseHello`: a round for this desk's own changes skips the hello when the last
   * one is recent (under half the timer's period) and every round since succeeded — the push
   * itself tells a copied desk; the timer's rounds, connecting, a user's and a failed round's
   * successor always say hello.
   */
  async function syncOnce(reuseHello = false): Promise<void> {
    state = 'syncing'
    const round = ++roundsBegun
    try {
      if (options.machine && checkMachine(store, sync, deskClock, options.machine, clock()))
        options.report?.log.warn({ clientId: sync.config().clientId }, 'sync: this data dir was copied from another computer; this desk took a new client id')
      materializeAll()
      const fresh = reuseHello && lastHello && spaces.length > 0 && performance.now() - lastHello.at < (options.periodMs ?? 30_000) / 2
      const serverVersion = fresh ? lastHello!.schemaVersion : await sayHello()
      // An older central server would refuse what it does not know: this desk's changes wait for its upgrade.
      const centralTooOld = serverVersion < SYNC_SCHEMA_VERSION
      if (!centralTooOld) await push()
      for (const space of spaces) await pull(space)
      // What arrived may have waited for what came in the other space.
      transaction((published) => applier.retryParked(clock(), published))
      if (centralTooOld) {
        throw new Error(
          `the central server runs sync version ${serverVersion}, older than this desk's ${SYNC_SCHEMA_VERSION}: upgrade it; this desk's changes wait until then`,
        )
      }
      store.transaction(() => sync.updateConfig({ lastSyncAt: clock(), lastError: null }))
      lastFullRound = performance.now()
      // Messages this round sent and no other desk's copy preceded (one a snapshot brought back, say).
      settleFirst([...awaitingFirst].filter(([, waiting]) => waiting.askedDuring < round).map(([messageId]) => [messageId, true]))
      progress = null
      state = 'idle'
      options.onSynced?.()
    } catch (error) {
      state = 'offline'
      lastHello = null
      options.report?.failed('a sync round failed', { error, level: 'warn' })
      store.transaction(() => sync.updateConfig({ lastError: error instanceof Error ? error.message : String(error) }))
      throw error
    }
  }

  let timer: NodeJS.Timeout | undefined
  let timerDue = Infinity
  let failures = 0
  /** Spaces the server poked since the last round, and whether this desk has changed anything since. */
  const poked = new Set<string>()
  let localChanges = true
  /** A user, a reopened event stream or a resent refusal asked for a round: it says hello. */
  let helloDue = true
  let lastFullRound = -Infinity
  const periodMs = options.periodMs ?? 30_000
  /** Whether the next round may only pull what was poked (see pullPoked). */
  const onlyPokes = () =>
    !localChanges && poked.size > 0 && spaces.length > 0 && failures === 0 && performance.now() - lastFullRound < periodMs && !sync.outboxSize()
  let stopped = true
  const stopFns: (() => void)[] = []

  /** Runs a round after `delayMs` (an earlier request wins); failures back off up to maxBackoffMs. */
  function schedule(delayMs: number, urgent = false): void {
    if (stopped) return
    const due = performance.now() + delayMs
    if (timer && timerDue <= due) return
    // While rounds fail, only the server (a poke) or a person asks sooner than the backoff.
    if (timer && failures > 0 && !urgent) return
    if (timer) clearTimeout(timer)
    timerDue = due
    timer = setTimeout(() => {
      timer = undefined
      const light = onlyPokes()
      // A round for this desk's own changes alone may skip the hello (see syncOnce).
      const reuseHello = !light && localChanges && !helloDue
      const spacesPoked = [...poked]
      poked.clear()
      if (!light) {
        localChanges = false
        helloDue = false
      }
      ;(light ? client.pullPoked(spacesPoked) : client.syncOnce(reuseHello)).then(
        () => {
          failures = 0
          schedule(light ? Math.max(0, periodMs - (performance.now() - lastFullRound)) : periodMs)
        },
        () => {
          failures++
          if (timer) clearTimeout(timer)
          timer = undefined
          schedule(Math.min(options.maxBackoffMs ?? 60_000, 1000 * 2 ** Math.min(failures, 16)))
        },
      )
    }, delayMs)
  }

  /** Follows the server's pokes; a broken stream is reopened (and a round run) after a growing pause. */
  function listen(open: NonNullable<SyncTransport['listen']>): void {
    let pauseMs = 2_000
    let stopCurrent = () => {}
    const connect = () => {
      stopCurrent = open(
        (space) => {
          pauseMs = 2_000
          // '' is the stream (re)opening: what was missed meanwhile takes a full round.
          if (space) poked.add(space)
          else helloDue = localChanges = true
          schedule(0, true)
        },
        () => {
          if (stopped) return
          const retry = setTimeout(() => {
            if (!stopped) connect()
          }, pauseMs)
          pauseMs = Math.min(pauseMs * 2, options.maxBackoffMs ?? 60_000)
          stopCurrent = () => clearTimeout(retry)
        },
      )
    }
    connect()
    stopFns.push(() => stopCurrent())
  }

  const client = {
    /** Starts syncing: now, on every local change, on the server's pokes, and on a timer. */
    start(): void {
      if (!stopped || !sync.config().centralUrl) return
      stopped = false
      helloDue = localChanges = true
      detachFirstCopies ??= attachFirstCopies()
      // Every change the change log records as this desk's (messages, agents, templates, settings…):
      // the timer it sets fires after the change's transaction has committed.
      stopFns.push(
        store.changeLog.onLocalChange(() => {
          localChanges = true
          schedule(options.pushDelayMs ?? 25)
        }),
      )
      if (transport.listen) listen(transport.listen)
      schedule(0, true)
    },
    async stop(): Promise<void> {
      stopped = true
      if (timer) clearTimeout(timer)
      for (const stop of stopFns.splice(0)) stop()
      // Waited for only to stop after it.
      await running?.catch(reportedByTheRound)
      // A desk going away (or to another central server) answers none of what still waits.
      detachFirstCopies?.()
      detachFirstCopies = undefined
      settleFirst([...awaitingFirst.keys()].map((messageId) => [messageId, false]))
    },
    /** Pulls the poked spaces (see pullPoked); while a round runs, a full one follows it instead. */
    pullPoked(list: string[]): Promise<void> {
      if (running) {
        again = true
        return running
      }
      running = pullPoked(list).finally(followUp)
      return running
    },
    /** One full round: push, then pull every space. Concurrent calls share one round (and one more after it). */
    syncOnce(reuseHello = false): Promise<void> {
      if (running) {
        again = true
        // The round after this one says hello if any of those who asked for it would have.
        againReusesHello &&= reuseHello
        return running
      }
      running = syncOnce(reuseHello).finally(followUp)
      return running
    },

    /**
     * An admin asked (after an upgrade): applies the ops parked as failed again (those that apply
     * leave the list), and queues this desk's refused ops to be sent again under its current id.
     */
    retryParked(): { applied: number; stillParked: number; resent: number } {
      const now = clock()
      const result = transaction((published) => {
        localOps.materialize(Number.MAX_SAFE_INTEGER)
        return { ...applier.retryFailed(now, published), resent: sync.requeueRefused() }
      })
      if (result.resent) {
        helloDue = localChanges = true
        schedule(0, true)
      }
      return result
    },
    /** Sync right away, a full round (a user asked). */
    now: () => {
      helloDue = localChanges = true
      schedule(0, true)
    },
    status(): SyncStatus {
      const config = sync.config()
      return {
        configured: Boolean(config.centralUrl),
        state: config.centralUrl ? state : 'off',
        pendingOps: sync.outboxSize() + sync.unmaterializedCount(config.materializedThrough),
        waitingOps: sync.parkedCount(),
        parkedOps: sync.failedCount(),
        parked: sync.failedList(PARKED_LISTED),
        refusedOps: sync.refusedCount(),
        refused: sync.refusedList(PARKED_LISTED),
        lastSyncAt: config.lastSyncAt,
        lastError: config.lastError,
        progress,
        identityChange: identityChangeOf(sync, clock()),
      }
    },
  }
  /** After a round: the one asked for while it ran. */
  function followUp(): void {
    running = null
    if (!again) return
    const reuseHello = againReusesHello
    again = false
    againReusesHello = true
    void client.syncOnce(reuseHello).catch(reportedByTheRound)
  }

  return client
}

/** A round's failure is reported by the round itself (logged, kept, the status's lastError): who only waits for it ignores it. */
function reportedByTheRound(): void {}

/** What the status says about this desk's last new client id, while it is recent. */
export function identityChangeOf(sync: SyncRepository, now: number): SyncStatus['identityChange'] {
  const notice = identityNotice(sync, now)
  const reason = sync.config().identityChange
  return notice && reason ? { reason, message: notice.notice, at: notice.at } : null
}

export type SyncClient = ReturnType<typeof createSyncClient>
