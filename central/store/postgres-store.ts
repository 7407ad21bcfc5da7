// The central store on PostgreSQL: how a group runs it, with any number of stateless server
// instances on one database. Row locks order each space's sequence; LISTEN/NOTIFY carries pokes
// between instances.
import pg from 'pg'
import { EventEmitter } from 'node:events'
import { rankOf, type SyncEntity, type SyncOp } from '../../local-api/domain/sync/protocol.js'
import type { CentralStore, CentralTx, Device, EntityState } from './central-store.js'

const CHANNEL = 'frontdesk_sync_poke'

// Ops and states are JSON, not JSONB: kept as sent, so a message reaches every desk byte for byte.
const SCHEMA = `
  CREATE TABLE IF NOT EXISTS devices (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, property_id TEXT NOT NULL, credential_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL, revoked_at BIGINT
  );
  CREATE TABLE IF NOT EXISTS clients (client_id TEXT PRIMARY KEY, device_id TEXT NOT NULL, acked_seq BIGINT NOT NULL, updated_at BIGINT NOT NULL);
  CREATE TABLE IF NOT EXISTS spaces (space TEXT PRIMARY KEY, last_seq BIGINT NOT NULL DEFAULT 0, floor BIGINT NOT NULL DEFAULT 1);
  CREATE TABLE IF NOT EXISTS ops (
    space TEXT NOT NULL, server_seq BIGINT NOT NULL, op_id TEXT NOT NULL UNIQUE, client_id TEXT NOT NULL,
    client_seq BIGINT NOT NULL, op JSON NOT NULL, received_at BIGINT NOT NULL, PRIMARY KEY (space, server_seq)
  );
  CREATE INDEX IF NOT EXISTS ops_by_time ON ops (space, received_at);
  CREATE TABLE IF NOT EXISTS rejected_ops (op_id TEXT PRIMARY KEY, client_id TEXT NOT NULL, client_seq BIGINT NOT NULL, reason TEXT NOT NULL, op JSON NOT NULL, at BIGINT NOT NULL);
  CREATE TABLE IF NOT EXISTS state (
    space TEXT NOT NULL, rank INTEGER NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
    fields JSON NOT NULL, clocks JSON NOT NULL, server_seq BIGINT NOT NULL, PRIMARY KEY (space, rank, entity_id, entity)
  );
`

// BIGINT comes back as a string by default; every number here fits a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value))

/**
 * Rolls back the transaction a statement failed in. That statement's error is the one the caller
 * gets (and the server logs); a ROLLBACK that fails too means the connection itself is broken
 * (its error the same loss), so it is returned for `release` to drop the connection from the
 * pool rather than hand it out again mid-transaction.
 */
async function rollBack(client: pg.PoolClient): Promise<Error | undefined> {
  try {
    await client.query('ROLLBACK')
    return undefined
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error))
  }
}

export async function openPostgresCentralStore(connectionString: string, options: { schema?: string } = {}): Promise<CentralStore> {
  const schema = options.schema ?? 'public'
  const searchPath = `-c search_path=${schema}`
  const pool = new pg.Pool({ connectionString, max: 10, options: searchPath })
  {
    const client = await pool.connect()
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(schema)}`)
      // Several instances may start at once: one creates the tables, the others wait.
      await client.query('SELECT pg_advisory_lock(7426001)')
      await client.query(SCHEMA)
      await client.query('SELECT pg_advisory_unlock(7426001)')
    } finally {
      client.release()
    }
  }

  const pokes = new EventEmitter()
  pokes.setMaxListeners(0)
  const listener = new pg.Client({ connectionString, options: searchPath })
  await listener.connect()
  listener.on('notification', (message) => {
    if (message.channel === CHANNEL && message.payload) {
      const { space, from } = JSON.parse(message.payload) as { space: string; from: string }
      pokes.emit('poke', space, from)
    }
  })
  await listener.query(`LISTEN ${CHANNEL}`)

  const one = async <T>(text: string, values: unknown[] = []) => (await pool.query(text, values)).rows[0] as T | undefined
  const toDevice = (row: Record<string, unknown>): Device => ({
    id: row.id as string,
    name: row.name as string,
    propertyId: row.property_id as string,
    createdAt: row.created_at as number,
    revokedAt: (row.revoked_at as number | null) ?? null,
  })

  return {
    kind: 'postgres',
    async transaction<T>(work: (tx: CentralTx) => Promise<T>): Promise<T> {
      const client = await pool.connect()
      const query = async <R>(text: string, values: unknown[]) => (await client.query(text, values)).rows as R[]
      const tx: CentralTx = {
        async lockClient(clientId) {
          await query('INSERT INTO clients (client_id, device_id, acked_seq, updated_at) VALUES ($1, $2, 0, 0) ON CONFLICT DO NOTHING', [clientId, ''])
          const [row] = await query<{ acked_seq: number }>('SELECT acked_seq FROM clients WHERE client_id = $1 FOR UPDATE', [clientId])
          return row!.acked_seq
        },
        setAckedSeq: async (clientId, deviceId, seq, now) =>
          void (await query('UPDATE clients SET acked_seq = $2, device_id = $3, updated_at = $4 WHERE client_id = $1', [clientId, seq, deviceId, now])),
        async reserveSeqs(space, count) {
          await query('INSERT INTO spaces (space) VALUES ($1) ON CONFLICT DO NOTHING', [space])
          const [row] = await query<{ last_seq: number }>('UPDATE spaces SET last_seq = last_seq + $2 WHERE space = $1 RETURNING last_seq', [space, count])
          return row!.last_seq - count + 1
        },
        hasOp: async (opId) => (await query('SELECT 1 FROM ops WHERE op_id = $1', [opId])).length > 0,
        insertOp: async (space, serverSeq, op, receivedAt) =>
          void (await query('INSERT INTO ops (space, server_seq, op_id, client_id, client_seq, op, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
            space, serverSeq, op.opId, op.clientId, op.clientSeq, op, receivedAt,
          ])),
        insertRejected: async (op, reason, at) =>
          void (await query('INSERT INTO rejected_ops (op_id, client_id, client_seq, reason, op, at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING', [
            op.opId, op.clientId, op.clientSeq, reason, op, at,
          ])),
        async entityState(space, entity, entityId) {
          const [row] = await query<EntityState>('SELECT fields, clocks FROM state WHERE space = $1 AND rank = $2 AND entity_id = $3 AND entity = $4', [
            space, rankOf(entity), entityId, entity,
          ])
          return row
        },
        saveEntityState: async (space, entity, rank, entityId, state, serverSeq) =>
          void (await query(
            `INSERT INTO state (space, rank, entity, entity_id, fields, clocks, server_seq) VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (space, rank, entity_id, entity) DO UPDATE SET fields = excluded.fields, clocks = excluded.clocks, server_seq = excluded.server_seq`,
            [space, rank, entity, entityId, JSON.stringify(state.fields), JSON.stringify(state.clocks), serverSeq],
          )),
      }
      let broken: Error | undefined
      try {
        await client.query('BEGIN')
        const result = await work(tx)
        await client.query('COMMIT')
        return result
      } catch (error) {
        broken = await rollBack(client)
        throw error
      } finally {
        client.release(broken)
      }
    },
    ackedSeq: async (clientId) => (await one<{ acked_seq: number }>('SELECT acked_seq FROM clients WHERE client_id = $1', [clientId]))?.acked_seq ?? 0,
    spaceBounds: async (space) =>
      (await one<{ lastSeq: number; floor: number }>('SELECT last_seq AS "lastSeq", floor FROM spaces WHERE space = $1', [space])) ?? { lastSeq: 0, floor: 1 },
    opsAfter: async (space, after, limit) =>
      (await pool.query('SELECT server_seq AS "serverSeq", op FROM ops WHERE space = $1 AND server_seq > $2 ORDER BY server_seq LIMIT $3', [space, after, limit]))
        .rows as { serverSeq: number; op: SyncOp }[],
    stateCount: async (space) => (await one<{ count: number }>('SELECT count(*)::int AS count FROM state WHERE space = $1', [space]))!.count,
    async stateAfter(space, cursor, limit) {
      const rows = cursor
        ? await pool.query(
            `SELECT rank, entity, entity_id AS "entityId", fields, clocks FROM state
             WHERE space = $1 AND (rank, entity_id) > ($2, $3) ORDER BY rank, entity_id, entity LIMIT $4`,
            [space, cursor.rank, cursor.entityId, limit],
          )
        : await pool.query('SELECT rank, entity, entity_id AS "entityId", fields, clocks FROM state WHERE space = $1 ORDER BY rank, entity_id, entity LIMIT $2', [space, limit])
      return rows.rows as { rank: number; entity: SyncEntity; entityId: string; fields: Record<string, unknown>; clocks: Record<string, string> }[]
    },
    async prune(space, throughSeq) {
      const client = await pool.connect()
      let broken: Error | undefined
      try {
        await client.query('BEGIN')
        await client.query('DELETE FROM ops WHERE space = $1 AND server_seq <= $2', [space, throughSeq])
        await client.query('UPDATE spaces SET floor = greatest(floor, $2) WHERE space = $1', [space, throughSeq + 1])
        await client.query('COMMIT')
      } catch (error) {
        broken = await rollBack(client)
        throw error
      } finally {
        client.release(broken)
      }
    },
    lastSeqBefore: async (space, before) =>
      (await one<{ seq: number }>('SELECT coalesce(max(server_seq), 0) AS seq FROM ops WHERE space = $1 AND received_at < $2', [space, before]))!.seq,
    spaces: async () => (await pool.query('SELECT space FROM spaces ORDER BY space')).rows.map((row: { space: string }) => row.space),
    rejectedOps: async (clientId) =>
      (await pool.query('SELECT op_id AS "opId", client_seq AS "clientSeq", reason FROM rejected_ops WHERE client_id = $1 ORDER BY client_seq', [clientId])).rows,
    insertDevice: async (device, hash) =>
      void (await pool.query('INSERT INTO devices (id, name, property_id, credential_hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        device.id, device.name, device.propertyId, hash, device.createdAt, device.revokedAt,
      ])),
    async deviceByCredential(hash) {
      const row = await one<Record<string, unknown>>('SELECT * FROM devices WHERE credential_hash = $1', [hash])
      return row && toDevice(row)
    },
    devices: async () => (await pool.query('SELECT * FROM devices ORDER BY created_at, id')).rows.map(toDevice),
    revokeDevice: async (id, at) => ((await pool.query('UPDATE devices SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, at])).rowCount ?? 0) === 1,
    async poke(spaces, fromDevice) {
      for (const space of spaces) await pool.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ space, from: fromDevice })])
    },
    onPoke(listener) {
      pokes.on('poke', listener)
      return () => void pokes.off('poke', listener)
    },
    async close() {
      await listener.end()
      await pool.end()
    },
  }
}
