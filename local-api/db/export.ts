import { conversationConditions, type ConversationFilter } from './conversations.js'
import type { Db } from './open.js'
import { readInSnapshot, type ChunkedRead } from './snapshot-reads.js'

export interface ExportRow {
  rowid: number
  message_id: string
  conversation_id: string
  channel: string
  property_id: string
  conversation_type: string | null
  identity_kind: string | null
  identity_value: string | null
  first_name: string | null
  last_name: string | null
  direction: 'in' | 'out'
  author: 'bot' | null
  sender_name: string | null
  content_type: string
  text: string
  status: string
  created_at: number
  received_at: number
  lead_status: string | null
  reservation: string | null
  language: string | null
  /** The message's meta (JSON): a reply sent translated keeps what staff wrote there. */
  meta: string | null
}

const CHUNK = 500

/**
 * Messages of the conversations a filter selects, in the order they were stored, read a chunk at
 * a time by rowid (keyset), so an export of millions of rows holds one chunk in memory.
 */
export function exportRepository(db: Db) {
  function statements(filter: Omit<ConversationFilter, 'limit' | 'before'>) {
    const { where, params } = conversationConditions(filter)
    const scope = where.length ? `AND ${where.join(' AND ')}` : ''
    const rows = `
      SELECT m.rowid, m.id AS message_id, m.conversation_id, c.channel, c.property_id, c.kind AS conversation_type,
             i.kind AS identity_kind, i.value AS identity_value, g.first_name, g.last_name,
             m.direction, m.author, a.name AS sender_name, m.content_type, m.text, m.status, m.created_at, m.received_at, m.language, m.meta,
             l.status AS lead_status,
             -- By guest: left to itself the planner walks every reservation of the property in
             -- arrival order for each row (seconds per chunk on a big desk).
             (SELECT r.confirmation_number FROM reservations r INDEXED BY reservations_by_guest WHERE r.guest_id = c.guest_id AND r.property_id = c.property_id ORDER BY r.arrival DESC LIMIT 1) AS reservation
      -- CROSS JOIN keeps messages the outer loop, walked by rowid: driven by a filter's
      -- conversations instead, each chunk sorted every matching message again.
      FROM messages m
      CROSS JOIN conversations c ON c.id = m.conversation_id
      LEFT JOIN guest_identities i ON i.rowid = c.identity_rowid
      LEFT JOIN guests g ON g.id = c.guest_id
      LEFT JOIN agents a ON a.id = m.sender_agent_id
      LEFT JOIN leads l ON l.conversation_id = c.id
      -- Internal notes are staff's, never part of the guest's history an export carries.
      WHERE m.rowid > @after AND m.internal = 0 ${scope}
      ORDER BY m.rowid LIMIT ${CHUNK}`
    const count = `SELECT count(*) AS n FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.internal = 0 ${scope}`
    return { rows, count, params }
  }

  /** The read on this connection, a chunk per call (where no worker thread can run). */
  function readHere(filter: Omit<ConversationFilter, 'limit' | 'before'>): ChunkedRead<ExportRow> {
    const { rows, count, params } = statements(filter)
    const chunk = db.prepare(rows)
    let after = 0
    return {
      count: (db.prepare(count).get(params) as { n: number }).n,
      next: async () => {
        const found = chunk.all({ ...params, after }) as ExportRow[]
        if (found.length) after = found.at(-1)!.rowid
        return found
      },
      close() {},
    }
  }

  return {
    /**
     * The count and then the rows, all as of one moment (rows written meanwhile are not in it),
     * read by a worker thread on a connection of its own: the writes this connection serves never
     * wait for the export's SQL.
     */
    async read(filter: Omit<ConversationFilter, 'limit' | 'before'>): Promise<ChunkedRead<ExportRow>> {
      const { rows, count, params } = statements(filter)
      const off = await readInSnapshot<ExportRow>(db.name, { sql: count, params }, { sql: rows, params })
      return off ?? readHere(filter)
    },
    readHere,
  }
}
