// The desk's sync as the server and the CLI see it: connect to a central server with a device
// credential, start and stop syncing with the server, report status, sync now on request.
import type { Store } from '../../db/store.js'
import { SYNC_SCHEMA_VERSION } from '../../../sync-core/protocol.js'
import { unreported, type WorkerReport } from '../background-failures.js'
import type { EventBus } from '../event-bus.js'
import type { GuestLinking } from '../guest-linking.js'
import type { Ingest } from '../ingest.js'
import { createProperty } from '../properties.js'
import { createDeskSync, type DeskSync } from './index.js'
import { checkMachine, machineFingerprint, thisComputer } from './desk-identity.js'
import type { FirstCopies } from './first-copies.js'
import { identityChangeOf, PARKED_LISTED, type SyncClientOptions, type SyncStatus } from './sync-client.js'
import { httpTransport, isTransientSyncError, SyncHttpError, type SyncTransport } from './transport.js'

export interface DeskSyncOptions {
  /** How to reach the central server (tests may put a faulty one in). */
  transport?: (centralUrl: string, credential: string) => SyncTransport
  client?: SyncClientOptions
  /** Where the desk's sync says which guest messages' copies it sent first (the AI agent asks). */
  firstCopies?: FirstCopies
  /**
   * How often connect and a requested round (syncOnce: the CLI, a joining desk) try when the central
   * server does not answer or is busy, waiting 0.5 s, 1 s, 2 s… between (default 4: about 3.5 s).
   */
  attempts?: number
  /** What identifies this computer (default: its OS machine id, else its host name); tests play two computers with it. */
  computer?: () => string
}

/** Runs `work`, trying again after a growing pause while it fails in a way a retry may get past. */
async function retried<T>(attempts: number, work: () => Promise<T>): Promise<T> {
  let pauseMs = 500
  for (let attempt = 1; ; attempt++) {
    try {
      return await work()
    } catch (error) {
      if (attempt >= attempts || !isTransientSyncError(error)) throw error
      await new Promise((resolve) => setTimeout(resolve, pauseMs))
      pauseMs = Math.min(pauseMs * 2, 8_000)
    }
  }
}

export interface DeskSyncStatus extends SyncStatus {
  centralUrl: string | null
  deviceId: string | null
  propertyId: string | null
  /** Connected but never synced yet: the desk is still filling from the central server. */
  joining: boolean
}

export class SyncConnectError extends Error {
  constructor(
    /** invalid: a bad address; unreachable: no answer or a refusal; conflict: this desk holds another property. */
    readonly reason: 'invalid' | 'unreachable' | 'conflict' | 'not connected',
    message: string,
  ) {
    super(message)
  }
}

export function createDeskSyncService(
  store: Store,
  ingest: Ingest,
  events: EventBus,
  linking: GuestLinking,
  clock: () => number,
  options: DeskSyncOptions = {},
  report: WorkerReport = unreported(),
) {
  const repository = store.sync
  const makeTransport = options.transport ?? ((url: string, credential: string) => httpTransport(url, credential))
  let desk: DeskSync | undefined
  let started = false
  const attempts = options.attempts ?? 4
  // Where this desk runs: a data dir copied from elsewhere takes a new client id before anything is sent.
  const machine = machineFingerprint(store.dataDir, (options.computer ?? thisComputer)())
  try {
    checkMachine(store, repository, store.hlc, machine, clock())
  } catch {
    // a store served read-only: nothing syncs from it anyway
  }

  /**
   * A desk joining a property nobody has written yet makes that property here, for setup to name
   * (and sends it with the next round, which it asks for). True when it did.
   */
  function afterSync(): boolean {
    const { propertyId } = repository.config()
    if (!propertyId || store.properties.get(propertyId) || store.properties.first()) return false
    createProperty(store, { name: 'My hotel', defaultCountry: 'US', timeZone: 'UTC' }, clock(), propertyId)
    desk?.client.now()
    return true
  }

  function open(): DeskSync | undefined {
    const { centralUrl, credential } = repository.config()
    if (!centralUrl || !credential) return undefined
    desk ??= createDeskSync(store, ingest, events, linking, makeTransport(centralUrl, credential), {
      clock,
      machine,
      firstCopies: options.firstCopies,
      ...options.client,
      onSynced: afterSync,
      report,
    })
    return desk
  }

  return {
    /** Starts syncing if this desk is connected (the server calls it once it is ready). */
    start(): void {
      started = true
      open()?.client.start()
    },
    async stop(): Promise<void> {
      started = false
      await desk?.client.stop()
    },
    status(): DeskSyncStatus {
      const config = repository.config()
      const status: SyncStatus = desk?.client.status() ?? {
        configured: false,
        state: 'off',
        // Not connected: nothing is waiting to be sent (and counting the whole log would cost a scan).
        pendingOps: 0,
        waitingOps: repository.parkedCount(),
        parkedOps: repository.failedCount(),
        parked: repository.failedList(PARKED_LISTED),
        refusedOps: repository.refusedCount(),
        refused: repository.refusedList(PARKED_LISTED),
        lastSyncAt: config.lastSyncAt,
        lastError: config.lastError,
        progress: null,
        identityChange: identityChangeOf(repository, clock()),
      }
      return {
        ...status,
        centralUrl: config.centralUrl,
        deviceId: config.deviceId,
        propertyId: config.propertyId,
        joining: Boolean(config.centralUrl) && config.lastSyncAt === null,
      }
    },
    /**
     * Applies the ops parked as failed again, in order (an admin asks, after an upgrade); those
     * that apply now leave the list. This desk's refused ops go up again with the next round.
     * Undefined when this desk is not connected.
     */
    retryParked(): { applied: number; stillParked: number; resent: number } | undefined {
      const opened = open()
      if (!opened) return undefined
      return opened.client.retryParked()
    },
    /** Syncs right away; false when this desk is not connected. */
    now(): boolean {
      if (!desk) return false
      desk.client.now()
      return true
    },
    /** Runs one full round and waits for it (the CLI and tests). */
    async syncOnce(): Promise<void> {
      const opened = open()
      if (!opened) throw new SyncConnectError('not connected', 'this desk is not connected to a central server')
      // Each page applied stays applied: a retry goes on from where the failed request left off.
      await retried(attempts, () => opened.client.syncOnce())
      if (afterSync()) await opened.client.syncOnce()
    },
    /**
     * Connects this desk as the device the credential belongs to: asks the central server who that
     * is, checks the desk may join that property, and keeps the connection for every later start.
     */
    async connect(centralUrl: string, credential: string): Promise<{ deviceId: string; deviceName: string; propertyId: string }> {
      if (!/^https?:\/\/[^\s/]+/.test(centralUrl))
        throw new SyncConnectError('invalid', `the central server's address must be an http(s) URL, not "${centralUrl}"`)
      const transport = makeTransport(centralUrl, credential)
      const hello = await retried(attempts, () => transport.hello({ clientId: repository.config().clientId, schemaVersion: SYNC_SCHEMA_VERSION })).catch(
        (error: Error) => {
          if (error instanceof SyncHttpError && error.status === 401) {
            throw new SyncConnectError('invalid', 'the central server refused this credential: it is mistyped, or the device was revoked')
          }
          throw new SyncConnectError('unreachable', error.message)
        },
      )
      const { id: deviceId, name: deviceName, propertyId } = hello.device
      store.transaction(() => {
        const properties = store.properties.list()
        if (!properties.some((property) => property.id === propertyId) && properties.length > 0) {
          if (repository.hasOwnData()) {
            const names = properties.map((property) => `"${property.name}" (${property.id})`).join(', ')
            throw new SyncConnectError(
              'conflict',
              `this desk already holds ${names} with data of its own, but the credential is for ${propertyId}; ` +
                "issue the device for this desk's property, or connect a new data dir",
            )
          }
          repository.forgetPlaceholderProperties()
        }
        repository.updateConfig({ centralUrl, credential, deviceId, propertyId, lastError: null })
      })
      if (desk) await desk.client.stop()
      desk = undefined
      if (started) open()?.client.start()
      return { deviceId, deviceName, propertyId }
    },
  }
}

export type DeskSyncService = ReturnType<typeof createDeskSyncService>
