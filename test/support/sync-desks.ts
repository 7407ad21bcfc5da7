import { rmSync } from 'node:fs'
import type { Device } from '../../central/store/central-store.js'
import { createSyncService, type SyncService } from '../../central/sync-service.js'
import { openDatabase, type Db } from '../../local-api/db/open.js'
import type { Property } from '../../local-api/db/properties.js'
import { createStore, type Store } from '../../local-api/db/store.js'
import { createServices } from '../../local-api/services/index.js'
import { createProperty } from '../../local-api/services/properties.js'
import { checkMachine, machineFingerprint } from '../../local-api/services/sync/desk-identity.js'
import { createDeskSync } from '../../local-api/services/sync/index.js'
import type { SyncTransport } from '../../local-api/services/sync/transport.js'
import type { StoreKind } from './central-stores.js'
import { tempDir } from './test-app.js'

/** What the wire does to a value: JSON, nothing shared. */
const wire = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T

/** A transport that calls the central sync service in-process, through JSON, optionally via `fault`. */
export function inProcessTransport(
  central: SyncService,
  device: Device | (() => Device),
  fault: <T>(call: () => Promise<T>) => Promise<T> = (call) => call(),
): SyncTransport {
  const deviceOf = typeof device === 'function' ? device : () => device
  return {
    hello: (body) => fault(async () => wire(await central.hello(deviceOf(), body.clientId))),
    push: (body) => fault(async () => wire(await central.push(deviceOf(), wire(body)))),
    pull: (space, after, limit) => fault(async () => wire(await central.pull(deviceOf(), space, after, limit))),
    snapshot: (space, cursor, limit) => fault(async () => wire(await central.snapshot(deviceOf(), space, cursor, limit))),
  }
}

export interface Desk {
  name: string
  dir: string
  store: Store
  /** The store's connection, to look at rows directly in assertions. */
  db: Db
  services: ReturnType<typeof createServices>
  sync: ReturnType<typeof createDeskSync>
  now: { ms: number }
  close(): void
}

/**
 * A desk with its own SQLite file, services on a settable clock, and sync through `transport`.
 * `computer`: the machine it plays (its fingerprint is checked on opening, as `frontdesk serve` does).
 */
export function openDesk(name: string, transport: SyncTransport, now = { ms: Date.now() }, dir = tempDir(`frontdesk-${name}-`), computer?: string): Desk {
  const db = openDatabase(dir)
  const store = createStore(db, { now: () => now.ms })
  const services = createServices(store, { clock: () => now.ms })
  const machine = computer === undefined ? undefined : machineFingerprint(dir, computer)
  if (machine) checkMachine(store, store.sync, store.hlc, machine, now.ms)
  const sync = createDeskSync(store, services.ingest, services.events, services.guestLinking, transport, {
    clock: () => now.ms,
    pushBatch: 50,
    pullBatch: 40,
    firstCopies: services.firstCopies,
    machine,
  })
  store.transaction(() => sync.repository.updateConfig({ centralUrl: 'in-process://central' }))
  return {
    name,
    dir,
    store,
    db,
    services,
    sync,
    now,
    close() {
      store.close()
    },
  }
}

export const removeDesk = (desk: Desk) => {
  desk.close()
  rmSync(desk.dir, { recursive: true, force: true })
}

/**
 * What must be the same on every desk after sync: each synced table's rows in id order, without
 * what is each desk's own (rowids, unread counts, arrival times, local-only references).
 */
export function replicaState(db: Db): Record<string, unknown[]> {
  const q = (sql: string) => db.prepare(sql).all()
  return {
    properties: q('SELECT id, name, default_country, time_zone FROM properties ORDER BY id'),
    agents: q('SELECT id, name, email, role, active FROM agents ORDER BY id'),
    guests: q('SELECT id, first_name, last_name, language FROM guests ORDER BY id'),
    identities: q('SELECT kind, value, guest_id FROM guest_identities ORDER BY kind, value'),
    conversations: q(`SELECT c.id, c.property_id, c.channel, i.kind, i.value, c.guest_id, c.mode, c.assigned_agent_id, c.queue_state,
        c.last_message_at, c.last_guest_message_at, c.message_count, c.last_message_preview
      FROM conversations c LEFT JOIN guest_identities i ON i.rowid = c.identity_rowid ORDER BY c.id`),
    messages: q(
      'SELECT id, conversation_id, external_id, direction, content, status, created_at, sender_agent_id, author, internal, mentions FROM messages ORDER BY id',
    ),
    reservations: q('SELECT id, property_id, confirmation_number, guest_id, arrival, departure, room, status FROM reservations ORDER BY id'),
    templates: q('SELECT id, property_id, name, shortcut, body FROM templates ORDER BY id'),
    knowledge: q('SELECT id, property_id, question, answer, tags FROM knowledge_entries ORDER BY id'),
    leads: q('SELECT id, conversation_id, guest_id, status, notes, reservation_id FROM leads ORDER BY id'),
    events: q('SELECT id, conversation_id, type, agent_id, data FROM conversation_events ORDER BY id'),
  }
}

/**
 * Two desks of one new property ("Hotel Lago", Zurich) on a fresh central store of `kind`, settled
 * (each has what the other has). `settle` syncs both a few rounds; `cleanups` gets what closes them.
 */
export async function twoDesksOfOneProperty(
  kind: StoreKind,
  now: { ms: number },
  name: string,
  cleanups: (() => void | Promise<void>)[],
): Promise<{ desks: [Desk, Desk]; property: Property; settle: () => Promise<void> }> {
  const handle = await kind.fresh()
  const centralStore = await handle.open()
  const central = createSyncService(centralStore)
  const devices: Device[] = []
  const desks = [0, 1].map((index) =>
    openDesk(
      `${name}${index}`,
      inProcessTransport(central, () => devices[index]!),
      now,
    ),
  )
  cleanups.push(async () => {
    for (const desk of desks) removeDesk(desk)
    await centralStore.close()
    await handle.dispose()
  })
  const property = createProperty(desks[0]!.store, { name: 'Hotel Lago', defaultCountry: 'CH', timeZone: 'Europe/Zurich' }, now.ms)
  for (const index of [0, 1]) devices[index] = (await central.addDevice({ name: `Desk ${index}`, propertyId: property.id })).device
  const settle = async () => {
    for (let round = 0; round < 3; round++) for (const desk of desks) await desk.sync.client.syncOnce()
  }
  await settle()
  return { desks: desks as [Desk, Desk], property, settle }
}
