import type { Store } from '../../db/store.js'
import type { EventBus } from '../event-bus.js'
import type { GuestLinking } from '../guest-linking.js'
import type { Ingest } from '../ingest.js'
import { createOpApplier } from './apply-ops.js'
import { createLocalOps } from './local-ops.js'
import { createSyncClient, type SyncClientOptions } from './sync-client.js'
import type { SyncTransport } from './transport.js'

/** A desk's sync, assembled: its bookkeeping, the outbox of local ops, the applier and the client. */
export function createDeskSync(
  store: Store,
  ingest: Ingest,
  events: EventBus,
  linking: GuestLinking,
  transport: SyncTransport,
  options: SyncClientOptions = {},
) {
  const repository = store.sync
  const applier = createOpApplier(store, repository, ingest, linking)
  const localOps = createLocalOps(store, repository, applier.settleShortcuts)
  const client = createSyncClient(store, repository, store.hlc, localOps, applier, events, transport, options)
  return { repository, client }
}

export type DeskSync = ReturnType<typeof createDeskSync>
