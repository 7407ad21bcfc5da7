import type { SyncOp } from '../../sync-core/protocol.js'
import type { Db } from './open.js'
import { statementCache } from './statement-cache.js'

export interface SyncConfig {
  clientId: string
  centralUrl: string | null
  credential: string | null
  deviceId: string | null
  propertyId: string | null
  materializedThrough: number
  nextClientSeq: number
  ackedSeq: number
  hlc: string | null
  lastSyncAt: number | null
  lastError: string | null
  /** The highest client sequence this desk has sent (the central server acknowledging more: another copy sent it). */
  pushedSeq: number
  /** The fingerprint of the computer and data dir this desk last ran on. */
  machine: string | null
  /** Why this desk last took a new client id, and when. */
  identityChange: 'restored' | 'cloned' | 'restored-or-cloned' | null
  identityChangedAt: number | null
  /**
   * This store synced under its client id before desks kept a machine fingerprint: a copy made
   * then carries none, so its changes under this id cannot be told from a backup's (until a new id).
   */
  untrackedCopies: boolean
}

export interface EntityState {
  fields: Record<string, unknown>
  clocks: Record<string, string>
}

/** A local change as the sync outbox reads it. */
export interface LocalChange {
  seq: number
  entity: string
  entityId: string
  op: 'insert' | 'update'
  fields: Record<string, unknown> | null
  hlc: string
}

const CONFIG_COLUMNS: Record<keyof SyncConfig, string> = {
  clientId: 'client_id',
  centralUrl: 'central_url',
  credential: 'credential',
  deviceId: 'device_id',
  propertyId: 'property_id',
  materializedThrough: 'materialized_through',
  nextClientSeq: 'next_client_seq',
  ackedSeq: 'acked_seq',
  hlc: 'hlc',
  lastSyncAt: 'last_sync_at',
  lastError: 'last_error',
  pushedSeq: 'pushed_seq',
  machine: 'machine',
  identityChange: 'identity_change',
  identityChangedAt: 'identity_changed_at',
  untrackedCopies: 'untracked_copies',
}

/** The tables that hold synced entities a synced reference may point to, by entity. */
const TABLE_OF = {
  property: 'properties',
  agent: 'agents',
  guest: 'guests',
  conversation: 'conversations',
  reservation: 'reservations',
  message: 'messages',
  lead: 'leads',
  template: 'templates',
  knowledge_entry: 'knowledge_entries',
  conversation_event: 'conversation_events',
} as const

export type RowEntity = keyof typeof TABLE_OF

/** Another desk's op this desk could not apply, kept aside with why (see `parkFailed`). */
export interface ParkedOp {
  opId: string
  entity: string
  entityId: string
  reason: string
  parkedAt: number
}

/** This desk's own op the central server refused, kept with why (see `keepRefused`). */
export interface RefusedOp {
  opId: string
  entity: string
  entityId: string
  reason: string
  refusedAt: number
}

/** The sync bookkeeping of a desk: its configuration, outbox, cursors, merged entity states, aliases and waiting ops. */
export function syncRepository(db: Db) {
  const selectConfig = db.prepare(
    `SELECT ${Object.entries(CONFIG_COLUMNS)
      .map(([key, column]) => `${column} AS ${key}`)
      .join(', ')} FROM sync_config WHERE id = 1`,
  )
  const changes = db.prepare(`SELECT seq, entity, entity_id AS entityId, op, fields, hlc FROM change_log
    WHERE seq > ? AND origin IS NULL AND hlc IS NOT NULL ORDER BY seq LIMIT ?`)
  const lastChange = db.prepare('SELECT coalesce(max(seq), 0) FROM change_log').pluck()
  const localChangesSince = db.prepare('SELECT count(*) FROM change_log WHERE seq > ? AND origin IS NULL AND hlc IS NOT NULL').pluck()
  const enqueue = db.prepare('INSERT INTO sync_outbox (client_seq, op) VALUES (?, ?)')
  const outbox = db.prepare('SELECT op FROM sync_outbox WHERE client_seq > ? ORDER BY client_seq LIMIT ?').pluck()
  const acknowledge = db.prepare('DELETE FROM sync_outbox WHERE client_seq <= ?')
  const outboxSize = db.prepare('SELECT count(*) FROM sync_outbox').pluck()
  const cursor = db.prepare('SELECT server_seq FROM sync_cursors WHERE space = ?').pluck()
  const cursors = db.prepare('SELECT space, server_seq AS serverSeq FROM sync_cursors ORDER BY space')
  const setCursor = db.prepare('INSERT INTO sync_cursors (space, server_seq) VALUES (?, ?) ON CONFLICT (space) DO UPDATE SET server_seq = excluded.server_seq')
  const state = db.prepare('SELECT fields, clocks FROM sync_entities WHERE entity = ? AND entity_id = ?')
  const saveState = db.prepare(`INSERT INTO sync_entities (entity, entity_id, fields, clocks) VALUES (?, ?, ?, ?)
    ON CONFLICT (entity, entity_id) DO UPDATE SET fields = excluded.fields, clocks = excluded.clocks`)
  const deleteState = db.prepare('DELETE FROM sync_entities WHERE entity = ? AND entity_id = ?')
  const statesOf = db.prepare("SELECT entity_id AS id, fields FROM sync_entities WHERE entity = ? AND json_extract(fields, '$.propertyId') = ?")
  const alias = db.prepare('SELECT target_id FROM sync_aliases WHERE entity = ? AND source_id = ?').pluck()
  const addAlias = db.prepare(
    'INSERT INTO sync_aliases (entity, source_id, target_id) VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET target_id = excluded.target_id',
  )
  const repointAliases = db.prepare('UPDATE sync_aliases SET target_id = ? WHERE entity = ? AND target_id = ?')
  const removeAlias = db.prepare('DELETE FROM sync_aliases WHERE entity = ? AND source_id = ?')
  const aliasesOf = db.prepare('SELECT source_id FROM sync_aliases WHERE entity = ? AND target_id = ? ORDER BY source_id').pluck()
  const addPending = db.prepare(
    'INSERT INTO sync_pending (op_id, op, reason, since) VALUES (?, ?, ?, ?) ON CONFLICT (op_id) DO UPDATE SET reason = excluded.reason',
  )
  const pending = db.prepare('SELECT op FROM sync_pending ORDER BY since, op_id').pluck()
  const removePending = db.prepare('DELETE FROM sync_pending WHERE op_id = ?')
  const pendingCount = db.prepare('SELECT count(*) FROM sync_pending').pluck()
  const addFailed = db.prepare(`INSERT INTO sync_parked_ops (op_id, entity, entity_id, op, reason, parked_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (op_id) DO UPDATE SET reason = excluded.reason`)
  const failedOps = db.prepare('SELECT op FROM sync_parked_ops ORDER BY seq').pluck()
  const failedList = db.prepare('SELECT op_id AS opId, entity, entity_id AS entityId, reason, parked_at AS parkedAt FROM sync_parked_ops ORDER BY seq LIMIT ?')
  const removeFailed = db.prepare('DELETE FROM sync_parked_ops WHERE op_id = ?')
  const failedCount = db.prepare('SELECT count(*) FROM sync_parked_ops').pluck()
  const addRefused = db.prepare(`INSERT INTO sync_refused_ops (op_id, entity, entity_id, op, reason, refused_at) VALUES (?, ?, ?, ?, ?, ?)
    ON CONFLICT (op_id) DO UPDATE SET reason = excluded.reason, refused_at = excluded.refused_at`)
  const refusedOps = db.prepare('SELECT op FROM sync_refused_ops ORDER BY seq').pluck()
  const refusedList = db.prepare(
    'SELECT op_id AS opId, entity, entity_id AS entityId, reason, refused_at AS refusedAt FROM sync_refused_ops ORDER BY seq LIMIT ?',
  )
  const refusedCount = db.prepare('SELECT count(*) FROM sync_refused_ops').pluck()
  const rowExists = Object.fromEntries(
    Object.entries(TABLE_OF).map(([entity, table]) => [entity, db.prepare(`SELECT 1 FROM ${table} WHERE id = ?`).pluck()]),
  ) as Record<RowEntity, ReturnType<Db['prepare']>>
  const workDone = db
    .prepare(
      `SELECT (SELECT count(*) FROM agents) + (SELECT count(*) FROM conversations)
    + (SELECT count(*) FROM reservations) + (SELECT count(*) FROM templates) + (SELECT count(*) FROM knowledge_entries)`,
    )
    .pluck()

  function config(): SyncConfig {
    const row = selectConfig.get() as Omit<SyncConfig, 'untrackedCopies'> & { untrackedCopies: number }
    return { ...row, untrackedCopies: row.untrackedCopies === 1 }
  }
  const prepared = statementCache(db)
  function updateConfig(changes: Partial<Omit<SyncConfig, 'clientId'>>): void {
    const entries = Object.entries(changes)
    if (!entries.length) return
    prepared(`UPDATE sync_config SET ${entries.map(([key]) => `${CONFIG_COLUMNS[key as keyof SyncConfig]} = ?`).join(', ')} WHERE id = 1`).run(
      ...entries.map(([, value]) => (typeof value === 'boolean' ? Number(value) : (value ?? null))),
    )
  }

  return {
    config,
    updateConfig,
    /**
     * This desk becomes client `clientId`: every op not yet acknowledged is renumbered from 1 under
     * it (keeping its op id, by which the central server knows one it already holds) and nothing is
     * acknowledged or sent under it yet. Returns how many ops wait to be sent again.
     */
    rekey(clientId: string): number {
      // Out of the way first (negative), then 1, 2, 3… in the old order.
      db.prepare('UPDATE sync_outbox SET client_seq = -client_seq').run()
      db.prepare(
        `UPDATE sync_outbox SET client_seq = r.n, op = json_set(op, '$.clientId', ?, '$.clientSeq', r.n)
         FROM (SELECT client_seq AS old, row_number() OVER (ORDER BY client_seq DESC) AS n FROM sync_outbox) AS r
         WHERE sync_outbox.client_seq = r.old`,
      ).run(clientId)
      const count = outboxSize.get() as number
      db.prepare('UPDATE sync_config SET client_id = ?, next_client_seq = ?, acked_seq = 0, pushed_seq = 0 WHERE id = 1').run(clientId, count + 1)
      return count
    },
    /** This desk's own changes after `seq` (not those applied from other desks). */
    localChangesAfter(seq: number, limit: number): LocalChange[] {
      return (changes.all(seq, limit) as (Omit<LocalChange, 'fields'> & { fields: string | null })[]).map((row) => ({
        ...row,
        fields: row.fields === null ? null : (JSON.parse(row.fields) as Record<string, unknown>),
      }))
    },
    lastChangeSeq: () => lastChange.get() as number,
    /** Local changes not yet turned into ops (some may turn out not to be synced). */
    unmaterializedCount: (after: number) => localChangesSince.get(after) as number,
    enqueue: (op: SyncOp) => void enqueue.run(op.clientSeq, JSON.stringify(op)),
    outboxAfter: (seq: number, limit: number) => (outbox.all(seq, limit) as string[]).map((op) => JSON.parse(op) as SyncOp),
    acknowledge: (seq: number) => void acknowledge.run(seq),
    outboxSize: () => outboxSize.get() as number,
    cursor: (space: string) => (cursor.get(space) as number | undefined) ?? 0,
    cursors: () => cursors.all() as { space: string; serverSeq: number }[],
    setCursor: (space: string, serverSeq: number) => void setCursor.run(space, serverSeq),
    entityState(entity: string, entityId: string): EntityState | undefined {
      const row = state.get(entity, entityId) as { fields: string; clocks: string } | undefined
      return row && { fields: JSON.parse(row.fields), clocks: JSON.parse(row.clocks) }
    },
    saveEntityState: (entity: string, entityId: string, value: EntityState) =>
      void saveState.run(entity, entityId, JSON.stringify(value.fields), JSON.stringify(value.clocks)),
    deleteEntityState: (entity: string, entityId: string) => void deleteState.run(entity, entityId),
    /** The synced fields of every entity of a kind on one property. */
    statesOfProperty: (entity: string, propertyId: string) =>
      (statesOf.all(entity, propertyId) as { id: string; fields: string }[]).map((row) => ({
        id: row.id,
        fields: JSON.parse(row.fields) as Record<string, unknown>,
      })),
    /** Whether this desk has the entity's row (an op that refers to it need not wait). */
    rowExists: (entity: RowEntity, id: string) => rowExists[entity].get(id) !== undefined,
    /** Where an id merged into lives now (following chains of merges), or the id itself. */
    resolve(entity: string, entityId: string): string {
      let id = entityId
      for (let hops = 0; hops < 50; hops++) {
        const next = alias.get(entity, id) as string | undefined
        if (!next) return id
        id = next
      }
      return id
    },
    addAlias(entity: string, sourceId: string, targetId: string): void {
      addAlias.run(entity, sourceId, targetId)
      repointAliases.run(targetId, entity, sourceId)
    },
    /** `sourceId` is its own entity again (an undone guest merge): ops for it land on it. */
    removeAlias: (entity: string, sourceId: string) => void removeAlias.run(entity, sourceId),
    /** The ids merged into `targetId`. */
    aliasesOf: (entity: string, targetId: string) => aliasesOf.all(entity, targetId) as string[],
    park: (op: SyncOp, reason: string, now: number) => void addPending.run(op.opId, JSON.stringify(op), reason, now),
    parked: () => (pending.all() as string[]).map((op) => JSON.parse(op) as SyncOp),
    unpark: (opId: string) => void removePending.run(opId),
    parkedCount: () => pendingCount.get() as number,
    /**
     * Keeps aside an op this desk could not apply (its projector failed on it): the rest of its page
     * goes on. Parked again, it keeps its place and takes the newer reason.
     */
    parkFailed: (op: SyncOp, reason: string, now: number) =>
      void addFailed.run(op.opId, op.entity, op.entityId, JSON.stringify(op), reason.slice(0, 1000), now),
    /** The ops parked as failed, in the order they were parked. */
    failedOps: () => (failedOps.all() as string[]).map((op) => JSON.parse(op) as SyncOp),
    failedList: (limit: number) => failedList.all(limit) as ParkedOp[],
    failedCount: () => failedCount.get() as number,
    unparkFailed: (opId: string) => void removeFailed.run(opId),
    /** Keeps this desk's op the central server refused, with its reason; refused again, it keeps its place and takes the newer reason. */
    keepRefused: (op: SyncOp, reason: string, now: number) =>
      void addRefused.run(op.opId, op.entity, op.entityId, JSON.stringify(op), reason.slice(0, 1000), now),
    refusedList: (limit: number) => refusedList.all(limit) as RefusedOp[],
    refusedCount: () => refusedCount.get() as number,
    /**
     * Puts every refused op back in the outbox, in order, numbered after everything else under this
     * desk's current client id (its op id and clock stay: the change is the same). Returns how many.
     */
    requeueRefused(): number {
      const ops = (refusedOps.all() as string[]).map((op) => JSON.parse(op) as SyncOp)
      const { clientId, nextClientSeq } = config()
      ops.forEach((op, i) => enqueue.run(nextClientSeq + i, JSON.stringify({ ...op, clientId, clientSeq: nextClientSeq + i })))
      db.prepare('DELETE FROM sync_refused_ops').run()
      updateConfig({ nextClientSeq: nextClientSeq + ops.length })
      return ops.length
    },
    /** Whether anyone has worked on this desk: agents, conversations, reservations, templates or knowledge. */
    hasOwnData: () => (workDone.get() as number) > 0,
    /**
     * Forgets the placeholder property a new desk makes for itself, and passes over its logged
     * creation (and anything else logged so far) so none of it is sent: the desk joins a property
     * that exists elsewhere. Only for a desk without data of its own; a foreign key throws if
     * anything still refers to the property.
     */
    forgetPlaceholderProperties(): void {
      // The placeholder's own default outlet goes with it (local-api/domain/default-outlet.ts).
      db.prepare("DELETE FROM outlets WHERE id = 'out_' || substr(property_id, 6) AND code = 'front-desk'").run()
      db.prepare('DELETE FROM properties').run()
      db.prepare('UPDATE sync_config SET materialized_through = (SELECT coalesce(max(seq), 0) FROM change_log) WHERE id = 1').run()
    },
  }
}

export type SyncRepository = ReturnType<typeof syncRepository>
