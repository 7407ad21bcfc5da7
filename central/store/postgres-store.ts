// The central store on PostgreSQL: how a group runs it, with any number of stateless server
// instances on one database. Row locks order each space's sequence; LISTEN/NOTIFY carries pokes
// between instances.
import pg from 'pg'
import { rankOf, type SyncEntity, type SyncOp } from '../../sync-core/protocol.js'
import { NEW_SPACE_BOUNDS, stateKey, type CentralStore, type CentralTx, type ClientRecord, type EntityState, type SpaceBounds } from './central-store.js'
import { deviceFromRow } from './device-row.js'
import { createPokeListeners } from './poke-listeners.js'
import { migrateCentralPostgres } from './postgres-schema.js'
import { inTransaction } from './postgres-transaction.js'

const CHANNEL = 'frontdesk_sync_poke'
const CLIENT_RECORD = `SELECT acked_seq AS "ackedSeq", CASE WHEN bound_at IS NULL THEN NULL ELSE device_id END AS "boundTo" FROM clients WHERE client_id = $1`

// BIGINT comes back as a string by default; every number here fits a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value))

export async function openPostgresCentralStore(connectionString: string, options: { schema?: string } = {}): Promise<CentralStore> {
  const schema = options.schema ?? 'public'
  const searchPath = `-c search_path=${schema}`
  const pool = new pg.Pool({ connectionString, max: 10, options: searchPath })
  try {
    const client = await pool.connect()
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${pg.escapeIdentifier(schema)}`)
      await migrateCentralPostgres(client)
    } finally {
      client.release()
    }
  } catch (error) {
    await pool.end()
    throw error
  }

  const pokes = createPokeListeners()
  const listener = new pg.Client({ connectionString, options: searchPath })
  await listener.connect()
  listener.on('notification', (message) => {
    if (message.channel === CHANNEL && message.payload) {
      const { space, from } = JSON.parse(message.payload) as { space: string; from: string }
      pokes.emit(space, from)
    }
  })
  await listener.query(`LISTEN ${CHANNEL}`)

  const one = async <T>(text: string, values: unknown[] = []) => (await pool.query(text, values)).rows[0] as T | undefined

  return {
    kind: 'postgres',
    async transaction<T>(work: (tx: CentralTx) => Promise<T>): Promise<T> {
      const client = await pool.connect()
      const query = async <R>(text: string, values: unknown[]) => (await client.query(text, values)).rows as R[]
      const tx: CentralTx = {
        async lockClient(clientId) {
          await query('INSERT INTO clients (client_id, device_id, acked_seq, updated_at) VALUES ($1, $2, 0, 0) ON CONFLICT DO NOTHING', [clientId, ''])
          const [row] = await query<ClientRecord>(`${CLIENT_RECORD} FOR UPDATE`, [clientId])
          return row!
        },
        bindClient: async (clientId, deviceId, now) =>
          void (await query('UPDATE clients SET device_id = $2, bound_at = $3 WHERE client_id = $1', [clientId, deviceId, now])),
        async device(id) {
          const [row] = await query<Record<string, unknown>>('SELECT * FROM devices WHERE id = $1', [id])
          return row && deviceFromRow(row)
        },
        setAckedSeq: async (clientId, seq, now) =>
          void (await query('UPDATE clients SET acked_seq = $2, updated_at = $3 WHERE client_id = $1', [clientId, seq, now])),
        async reserveSeqs(space, count) {
          // One statement: the space's row is locked from here until the commit.
          const [row] = await query<{ last_seq: number }>(
            `INSERT INTO spaces (space, last_seq) VALUES ($1, $2)
             ON CONFLICT (space) DO UPDATE SET last_seq = spaces.last_seq + excluded.last_seq RETURNING last_seq`,
            [space, count],
          )
          return row!.last_seq - count + 1
        },
        hasOp: async (opId) => (await query('SELECT 1 FROM ops WHERE op_id = $1', [opId])).length > 0,
        async insertOps(space, firstSeq, ops, receivedAt) {
          if (ops.length === 0) return
          await query(
            `INSERT INTO ops (space, server_seq, op_id, client_id, client_seq, op, received_at)
             SELECT $1, $2 + o.index - 1, o.op ->> 'opId', o.op ->> 'clientId', (o.op ->> 'clientSeq')::bigint, o.op, $3
             FROM json_array_elements($4::json) WITH ORDINALITY AS o(op, index)`,
            [space, firstSeq, receivedAt, JSON.stringify(ops)],
          )
        },
        insertRejected: async (op, reason, at) =>
          void (await query('INSERT INTO rejected_ops (op_id, client_id, client_seq, reason, op, at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING', [
            op.opId,
            op.clientId,
            op.clientSeq,
            reason,
            op,
            at,
          ])),
        async entityStates(space, keys) {
          const rows = await query<EntityState & { entity: string; entity_id: string }>(
            `SELECT s.entity, s.entity_id, s.fields, s.clocks FROM state s
             JOIN unnest($2::int[], $3::text[], $4::text[]) AS k(rank, entity, entity_id)
               ON s.space = $1 AND s.rank = k.rank AND s.entity_id = k.entity_id AND s.entity = k.entity`,
            [space, keys.map((key) => rankOf(key.entity)), keys.map((key) => key.entity), keys.map((key) => key.entityId)],
          )
          return new Map(rows.map((row) => [stateKey(row.entity, row.entity_id), { fields: row.fields, clocks: row.clocks }]))
        },
        async saveEntityStates(space, rows) {
          if (rows.length === 0) return
          await query(
            `INSERT INTO state (space, rank, entity, entity_id, fields, clocks, server_seq)
             SELECT $1, k.rank, k.entity, k.entity_id, k.fields::json, k.clocks::json, k.server_seq
             FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::bigint[]) AS k(rank, entity, entity_id, fields, clocks, server_seq)
             ON CONFLICT (space, rank, entity_id, entity) DO UPDATE SET fields = excluded.fields, clocks = excluded.clocks, server_seq = excluded.server_seq`,
            [
              space,
              rows.map((row) => rankOf(row.entity)),
              rows.map((row) => row.entity),
              rows.map((row) => row.entityId),
              rows.map((row) => JSON.stringify(row.state.fields)),
              rows.map((row) => JSON.stringify(row.state.clocks)),
              rows.map((row) => row.serverSeq),
            ],
          )
        },
      }
      let broken: Error | undefined
      try {
        return await inTransaction(
          client,
          () => work(tx),
          (error) => (broken = error),
        )
      } finally {
        client.release(broken)
      }
    },
    client: (clientId) => one<ClientRecord>(CLIENT_RECORD, [clientId]),
    async clientProperties(clientIds) {
      const { rows } = await pool.query<{ clientId: string; propertyId: string }>(
        `SELECT c.client_id AS "clientId", d.property_id AS "propertyId" FROM clients c JOIN devices d ON d.id = c.device_id
         WHERE c.bound_at IS NOT NULL AND c.client_id = ANY($1)`,
        [clientIds],
      )
      return new Map(rows.map((row) => [row.clientId, row.propertyId]))
    },
    spaceBounds: async (space) => (await one<SpaceBounds>('SELECT last_seq AS "lastSeq", floor FROM spaces WHERE space = $1', [space])) ?? NEW_SPACE_BOUNDS,
    opsAfter: async (space, after, limit) =>
      (
        await pool.query('SELECT server_seq AS "serverSeq", op FROM ops WHERE space = $1 AND server_seq > $2 ORDER BY server_seq LIMIT $3', [
          space,
          after,
          limit,
        ])
      ).rows as { serverSeq: number; op: SyncOp }[],
    stateCount: async (space) => (await one<{ count: number }>('SELECT count(*)::int AS count FROM state WHERE space = $1', [space]))!.count,
    async stateAfter(space, cursor, limit) {
      const rows = cursor
        ? await pool.query(
            `SELECT rank, entity, entity_id AS "entityId", fields, clocks FROM state
             WHERE space = $1 AND (rank, entity_id) > ($2, $3) ORDER BY rank, entity_id, entity LIMIT $4`,
            [space, cursor.rank, cursor.entityId, limit],
          )
        : await pool.query(
            'SELECT rank, entity, entity_id AS "entityId", fields, clocks FROM state WHERE space = $1 ORDER BY rank, entity_id, entity LIMIT $2',
            [space, limit],
          )
      return rows.rows as { rank: number; entity: SyncEntity; entityId: string; fields: Record<string, unknown>; clocks: Record<string, string> }[]
    },
    async prune(space, throughSeq) {
      const client = await pool.connect()
      let broken: Error | undefined
      try {
        await inTransaction(
          client,
          async () => {
            await client.query('DELETE FROM ops WHERE space = $1 AND server_seq <= $2', [space, throughSeq])
            await client.query('UPDATE spaces SET floor = greatest(floor, $2) WHERE space = $1', [space, throughSeq + 1])
          },
          (error) => (broken = error),
        )
      } finally {
        client.release(broken)
      }
    },
    lastSeqBefore: async (space, before) =>
      (await one<{ seq: number }>('SELECT coalesce(max(server_seq), 0) AS seq FROM ops WHERE space = $1 AND received_at < $2', [space, before]))!.seq,
    spaces: async () => (await pool.query('SELECT space FROM spaces ORDER BY space')).rows.map((row: { space: string }) => row.space),
    rejectedOps: async (clientId) =>
      (await pool.query('SELECT op_id AS "opId", client_seq AS "clientSeq", reason FROM rejected_ops WHERE client_id = $1 ORDER BY client_seq', [clientId]))
        .rows,
    insertDevice: async (device, hash) =>
      void (await pool.query('INSERT INTO devices (id, name, property_id, credential_hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        device.id,
        device.name,
        device.propertyId,
        hash,
        device.createdAt,
        device.revokedAt,
      ])),
    async deviceByCredential(hash) {
      const row = await one<Record<string, unknown>>('SELECT * FROM devices WHERE credential_hash = $1', [hash])
      return row && deviceFromRow(row)
    },
    devices: async () => (await pool.query('SELECT * FROM devices ORDER BY created_at, id')).rows.map(deviceFromRow),
    revokeDevice: async (id, at) =>
      ((await pool.query('UPDATE devices SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, at])).rowCount ?? 0) === 1,
    async poke(spaces, fromDevice) {
      for (const space of spaces) await pool.query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ space, from: fromDevice })])
    },
    onPoke: (listener) => pokes.on(listener),
    async close() {
      await listener.end()
      await pool.end()
    },
  }
}
