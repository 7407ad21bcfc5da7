// The central store in one SQLite file: for a single property, nothing else to run.
import Database from 'better-sqlite3'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { rankOf, type SyncEntity, type SyncOp } from '../../sync-core/protocol.js'
import { NEW_SPACE_BOUNDS, stateKey, type CentralStore, type CentralTx, type ClientRecord, type EntityState, type SpaceBounds } from './central-store.js'
import { deviceFromRow } from './device-row.js'
import { createPokeListeners } from './poke-listeners.js'
import { migrateCentralSqlite } from './sqlite-schema.js'

/** A transaction's failure, seen by the one waiting for it: the queue behind it only waits. */
function handledByItsCaller(): void {}

export function openSqliteCentralStore(dataDir: string): CentralStore {
  mkdirSync(dataDir, { recursive: true })
  const db = new Database(join(dataDir, 'central.sqlite'))
  db.pragma('journal_mode = WAL')
  db.pragma('synchronous = FULL')
  db.pragma('busy_timeout = 5000')
  try {
    migrateCentralSqlite(db)
  } catch (error) {
    db.close()
    throw error
  }
  const pokes = createPokeListeners()

  const q = {
    client: db.prepare(`SELECT acked_seq AS ackedSeq, CASE WHEN bound_at IS NULL THEN NULL ELSE device_id END AS boundTo
      FROM clients WHERE client_id = ?`),
    newClient: db.prepare("INSERT INTO clients (client_id, device_id, acked_seq, updated_at) VALUES (?, '', 0, 0) ON CONFLICT DO NOTHING"),
    bind: db.prepare('UPDATE clients SET device_id = ?, bound_at = ? WHERE client_id = ?'),
    setAcked: db.prepare('UPDATE clients SET acked_seq = ?, updated_at = ? WHERE client_id = ?'),
    clientProperties: db.prepare(`SELECT c.client_id AS clientId, d.property_id AS propertyId FROM clients c JOIN devices d ON d.id = c.device_id
      WHERE c.bound_at IS NOT NULL AND c.client_id IN (SELECT value FROM json_each(?))`),
    ensureSpace: db.prepare('INSERT INTO spaces (space) VALUES (?) ON CONFLICT DO NOTHING'),
    reserve: db.prepare('UPDATE spaces SET last_seq = last_seq + ? WHERE space = ? RETURNING last_seq').pluck(),
    bounds: db.prepare('SELECT last_seq AS lastSeq, floor FROM spaces WHERE space = ?'),
    hasOp: db.prepare('SELECT 1 FROM ops WHERE op_id = ?').pluck(),
    insertOp: db.prepare('INSERT INTO ops (space, server_seq, op_id, client_id, client_seq, op, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
    insertRejected: db.prepare('INSERT OR IGNORE INTO rejected_ops (op_id, client_id, client_seq, reason, op, at) VALUES (?, ?, ?, ?, ?, ?)'),
    state: db.prepare('SELECT fields, clocks FROM state WHERE space = ? AND rank = ? AND entity_id = ? AND entity = ?'),
    saveState: db.prepare(`INSERT INTO state (space, rank, entity, entity_id, fields, clocks, server_seq) VALUES (?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (space, rank, entity_id, entity) DO UPDATE SET fields = excluded.fields, clocks = excluded.clocks, server_seq = excluded.server_seq`),
    opsAfter: db.prepare('SELECT server_seq AS serverSeq, op FROM ops WHERE space = ? AND server_seq > ? ORDER BY server_seq LIMIT ?'),
    stateFirst: db.prepare('SELECT rank, entity, entity_id AS entityId, fields, clocks FROM state WHERE space = ? ORDER BY rank, entity_id, entity LIMIT ?'),
    stateAfter: db.prepare(`SELECT rank, entity, entity_id AS entityId, fields, clocks FROM state
      WHERE space = ? AND (rank, entity_id) > (?, ?) ORDER BY rank, entity_id, entity LIMIT ?`),
    prune: db.prepare('DELETE FROM ops WHERE space = ? AND server_seq <= ?'),
    stateCount: db.prepare('SELECT count(*) FROM state WHERE space = ?').pluck(),
    setFloor: db.prepare('UPDATE spaces SET floor = max(floor, ?) WHERE space = ?'),
    lastBefore: db.prepare('SELECT coalesce(max(server_seq), 0) FROM ops WHERE space = ? AND received_at < ?').pluck(),
    spaces: db.prepare('SELECT space FROM spaces ORDER BY space').pluck(),
    rejected: db.prepare('SELECT op_id AS opId, client_seq AS clientSeq, reason FROM rejected_ops WHERE client_id = ? ORDER BY client_seq'),
    insertDevice: db.prepare('INSERT INTO devices (id, name, property_id, credential_hash, created_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?)'),
    deviceByCredential: db.prepare('SELECT * FROM devices WHERE credential_hash = ?'),
    device: db.prepare('SELECT * FROM devices WHERE id = ?'),
    devices: db.prepare('SELECT * FROM devices ORDER BY created_at, id'),
    revoke: db.prepare('UPDATE devices SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL'),
  }

  const tx: CentralTx = {
    async lockClient(clientId) {
      q.newClient.run(clientId)
      return q.client.get(clientId) as ClientRecord
    },
    bindClient: async (clientId, deviceId, now) => void q.bind.run(deviceId, now, clientId),
    async device(id) {
      const row = q.device.get(id) as Record<string, unknown> | undefined
      return row && deviceFromRow(row)
    },
    setAckedSeq: async (clientId, seq, now) => void q.setAcked.run(seq, now, clientId),
    async reserveSeqs(space, count) {
      q.ensureSpace.run(space)
      return (q.reserve.get(count, space) as number) - count + 1
    },
    hasOp: async (opId) => q.hasOp.get(opId) !== undefined,
    async insertOps(space, firstSeq, ops, receivedAt) {
      ops.forEach((op, index) => q.insertOp.run(space, firstSeq + index, op.opId, op.clientId, op.clientSeq, JSON.stringify(op), receivedAt))
    },
    insertRejected: async (op, reason, at) => void q.insertRejected.run(op.opId, op.clientId, op.clientSeq, reason, JSON.stringify(op), at),
    async entityStates(space, keys) {
      const states = new Map<string, EntityState>()
      for (const { entity, entityId } of keys) {
        const row = q.state.get(space, rankOf(entity), entityId, entity) as { fields: string; clocks: string } | undefined
        if (row) states.set(stateKey(entity, entityId), { fields: JSON.parse(row.fields), clocks: JSON.parse(row.clocks) })
      }
      return states
    },
    async saveEntityStates(space, rows) {
      for (const { entity, entityId, state, serverSeq } of rows)
        q.saveState.run(space, rankOf(entity), entity, entityId, JSON.stringify(state.fields), JSON.stringify(state.clocks), serverSeq)
    },
  }

  // better-sqlite3 is synchronous, but the service's steps are awaited: one transaction at a time,
  // so no other request's statements run inside an open one.
  let queue: Promise<unknown> = Promise.resolve()

  return {
    kind: 'sqlite',
    transaction<T>(work: (tx: CentralTx) => Promise<T>): Promise<T> {
      const run = queue.then(async () => {
        db.exec('BEGIN IMMEDIATE')
        try {
          const result = await work(tx)
          db.exec('COMMIT')
          return result
        } catch (error) {
          db.exec('ROLLBACK')
          throw error
        }
      })
      // The queue only orders transactions: a failed one is its caller's to handle (through `run`).
      queue = run.catch(handledByItsCaller)
      return run
    },
    client: async (clientId) => q.client.get(clientId) as ClientRecord | undefined,
    async clientProperties(clientIds) {
      const rows = q.clientProperties.all(JSON.stringify(clientIds)) as { clientId: string; propertyId: string }[]
      return new Map(rows.map((row) => [row.clientId, row.propertyId]))
    },
    spaceBounds: async (space) => (q.bounds.get(space) as SpaceBounds | undefined) ?? NEW_SPACE_BOUNDS,
    opsAfter: async (space, after, limit) =>
      (q.opsAfter.all(space, after, limit) as { serverSeq: number; op: string }[]).map((row) => ({
        serverSeq: row.serverSeq,
        op: JSON.parse(row.op) as SyncOp,
      })),
    stateCount: async (space) => q.stateCount.get(space) as number,
    async stateAfter(space, cursor, limit) {
      const rows = (cursor ? q.stateAfter.all(space, cursor.rank, cursor.entityId, limit) : q.stateFirst.all(space, limit)) as {
        rank: number
        entity: SyncEntity
        entityId: string
        fields: string
        clocks: string
      }[]
      return rows.map((row) => ({ rank: row.rank, entity: row.entity, entityId: row.entityId, fields: JSON.parse(row.fields), clocks: JSON.parse(row.clocks) }))
    },
    prune: (space, throughSeq) =>
      queue.then(() => {
        db.transaction(() => {
          q.prune.run(space, throughSeq)
          q.setFloor.run(throughSeq + 1, space)
        })()
      }),
    lastSeqBefore: async (space, before) => q.lastBefore.get(space, before) as number,
    spaces: async () => q.spaces.all() as string[],
    rejectedOps: async (clientId) => q.rejected.all(clientId) as { opId: string; clientSeq: number; reason: string }[],
    insertDevice: async (device, hash) => void q.insertDevice.run(device.id, device.name, device.propertyId, hash, device.createdAt, device.revokedAt),
    async deviceByCredential(hash) {
      const row = q.deviceByCredential.get(hash) as Record<string, unknown> | undefined
      return row && deviceFromRow(row)
    },
    devices: async () => (q.devices.all() as Record<string, unknown>[]).map(deviceFromRow),
    revokeDevice: async (id, at) => q.revoke.run(at, id).changes === 1,
    async poke(spaces, fromDevice) {
      for (const space of spaces) pokes.emit(space, fromDevice)
    },
    onPoke: (listener) => pokes.on(listener),
    async close() {
      await queue
      db.close()
    },
  }
}
