import type { Direction } from '../domain/channels.js'
import type { MessageContent } from '../domain/message-content.js'
import type { Db } from './open.js'

export interface Message {
  id: string
  conversationId: string
  externalId: string | null
  direction: Direction
  content: MessageContent
  status: string
  /** The staff member who wrote it in the inbox (null for guests and local systems' pushes). */
  senderAgent: { id: string; name: string } | null
  /** 'bot': the AI agent wrote it. */
  author: 'bot' | null
  meta: MessageMeta | null
  /** An internal note: staff wrote it for staff; it never reaches the guest or anyone outside the desk's staff. */
  internal: boolean
  /** The agents a note mentions (ids); empty for every other message. */
  mentions: string[]
  createdAt: number
  receivedAt: number
}

/** Whether a read includes internal notes: only the desk's signed-in staff see them. */
export interface NoteVisibility {
  includeNotes?: boolean
}

/** What the AI agent used for a reply, and how long the guest waited for it. */
export interface MessageMeta {
  tools?: ('rag' | 'pms' | 'llm')[]
  latencyMs?: number
  /** A reply sent translated: what staff wrote, in their language. */
  original?: { text: string; language: string | null }
}

/** A message as the chat shows it: with where its delivery stands (null: never queued). */
export interface HistoryMessage extends Message {
  outbox: { state: 'queued' | 'sent' | 'failed'; attempts: number; lastError: string | null } | null
}

/** Where a page of history starts: the message it goes back from. */
export interface HistoryAnchor {
  conversationId: string
  createdAt: number
  rowid: number
}

export interface NewMessage extends Omit<Message, 'senderAgent' | 'internal' | 'mentions'> {
  text: string
  senderAgentId: string | null
  /** An internal note (default: no), and the agents it mentions. */
  internal?: boolean
  mentions?: readonly string[]
}

interface MessageRow {
  id: string
  conversation_id: string
  external_id: string | null
  direction: Direction
  content: string
  status: string
  sender_agent_id: string | null
  sender_agent_name: string | null
  author: 'bot' | null
  meta: string | null
  internal: 0 | 1
  mentions: string | null
  created_at: number
  received_at: number
}

interface HistoryRow extends MessageRow {
  outbox_state: 'queued' | 'sent' | 'failed' | null
  outbox_attempts: number | null
  outbox_last_error: string | null
}

const toHistoryMessage = (row: HistoryRow): HistoryMessage => ({
  ...toMessage(row),
  outbox: row.outbox_state === null ? null : { state: row.outbox_state, attempts: row.outbox_attempts ?? 0, lastError: row.outbox_last_error },
})

const toMessage = (row: MessageRow): Message => ({
  id: row.id,
  conversationId: row.conversation_id,
  externalId: row.external_id,
  direction: row.direction,
  content: JSON.parse(row.content) as MessageContent,
  status: row.status,
  senderAgent: row.sender_agent_id ? { id: row.sender_agent_id, name: row.sender_agent_name ?? '' } : null,
  author: row.author,
  meta: row.meta === null ? null : (JSON.parse(row.meta) as MessageMeta),
  internal: row.internal === 1,
  mentions: row.mentions === null ? [] : (JSON.parse(row.mentions) as string[]),
  createdAt: row.created_at,
  receivedAt: row.received_at,
})

const COLUMNS = `id, conversation_id, external_id, direction, content, status, created_at, received_at, sender_agent_id, author, meta, internal, mentions,
  (SELECT name FROM agents WHERE agents.id = sender_agent_id) AS sender_agent_name`

// The chat's pages: the sender's name and the delivery come in the same index-ordered read (no
// lookup per message); the cursor is a (created_at, rowid) position, so equal times never skip or repeat.
const HISTORY_COLUMNS = `m.id, m.conversation_id, m.external_id, m.direction, m.content, m.status, m.created_at, m.received_at,
  m.sender_agent_id, m.author, m.meta, m.internal, m.mentions, a.name AS sender_agent_name,
  o.state AS outbox_state, o.attempts AS outbox_attempts, o.last_error AS outbox_last_error`
const HISTORY_FROM = `messages m LEFT JOIN agents a ON a.id = m.sender_agent_id LEFT JOIN outbox o ON o.message_id = m.id`
// Notes only for staff (@includeNotes 1): everyone else reads the conversation as the guest had it.
export const HISTORY_NEWEST_SQL = `SELECT ${HISTORY_COLUMNS} FROM ${HISTORY_FROM} WHERE m.conversation_id = @conversationId
  AND (@includeNotes OR m.internal = 0) ORDER BY m.created_at DESC, m.rowid DESC LIMIT @limit`
export const HISTORY_OLDER_SQL = `SELECT ${HISTORY_COLUMNS} FROM ${HISTORY_FROM} WHERE m.conversation_id = @conversationId
  AND (m.created_at, m.rowid) < (@createdAt, @rowid) AND (@includeNotes OR m.internal = 0) ORDER BY m.created_at DESC, m.rowid DESC LIMIT @limit`

export function messagesRepository(db: Db) {
  const insert = db.prepare(`
    INSERT INTO messages (id, conversation_id, external_id, direction, content_type, content, text, status, created_at, received_at, sender_agent_id, author, meta,
                          internal, mentions, property_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT property_id FROM conversations WHERE id = ?))`)
  const setStatus = db.prepare('UPDATE messages SET status = ? WHERE id = ?')
  const removeFromOutbox = db.prepare('DELETE FROM outbox WHERE message_id = ?')
  const remove = db.prepare('DELETE FROM messages WHERE id = ?')
  const byId = db.prepare(`SELECT ${COLUMNS} FROM messages WHERE id = ?`)
  const byExternalId = db.prepare(`SELECT ${COLUMNS} FROM messages WHERE property_id = ? AND external_id = ?`)
  const pageOldestFirst = db.prepare(`
    SELECT ${COLUMNS} FROM messages WHERE conversation_id = ? AND internal = 0
    ORDER BY created_at, rowid LIMIT ? OFFSET ?`)
  const anchor = db.prepare('SELECT conversation_id AS conversationId, created_at AS createdAt, rowid FROM messages WHERE id = ?')
  const olderThan = db.prepare(HISTORY_OLDER_SQL)
  const newest = db.prepare(HISTORY_NEWEST_SQL)
  const newestWithOffset = db.prepare(`
    SELECT ${COLUMNS} FROM messages WHERE conversation_id = ? AND internal = 0 ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?`)
  const countIn = db.prepare('SELECT count(*) AS n FROM messages WHERE conversation_id = ? AND internal = 0')
  const setLanguage = db.prepare('UPDATE messages SET language = ? WHERE rowid = ?')
  const guestTextsAfter = db.prepare(`
    SELECT rowid, text, created_at AS createdAt FROM messages
    WHERE conversation_id = ? AND direction = 'in' AND internal = 0 AND rowid > ? ORDER BY rowid LIMIT 200`)
  const guestTextsFrom = db.prepare(`
    SELECT rowid, conversation_id AS conversationId, property_id AS propertyId, text FROM messages
    WHERE rowid > ? AND direction = 'in' AND internal = 0 ORDER BY rowid LIMIT ?`)
  const latestGuestLanguage = db
    .prepare(
      `SELECT language FROM messages INDEXED BY messages_by_conversation_time
       WHERE conversation_id = ? AND direction = 'in' AND internal = 0 AND language IS NOT NULL ORDER BY created_at DESC, rowid DESC LIMIT 1`,
    )
    .pluck()
  const agentAnsweredFromKnowledge = db.prepare(`
    SELECT 1 FROM messages WHERE conversation_id = ? AND author = 'bot' AND internal = 0 AND meta LIKE '%"rag"%' LIMIT 1`)

  return {
    insert(message: NewMessage): void {
      const { id, conversationId, externalId, direction, content, text, status, createdAt, receivedAt, senderAgentId, author, meta, internal, mentions } =
        message
      insert.run(
        id,
        conversationId,
        externalId,
        direction,
        content.type,
        JSON.stringify(content),
        text,
        status,
        createdAt,
        receivedAt,
        senderAgentId,
        author,
        meta && JSON.stringify(meta),
        internal ? 1 : 0,
        internal && mentions?.length ? JSON.stringify(mentions) : null,
        conversationId,
      )
    },
    /** A reply's delivery state: queued, sent, failed, not_deliverable. */
    setStatus(id: string, status: string): void {
      setStatus.run(status, id)
    },
    get(id: string): Message | undefined {
      const row = byId.get(id) as MessageRow | undefined
      return row && toMessage(row)
    },
    /** Deletes a message, and its delivery if it had one (sync: the same message is kept under another id). */
    remove(id: string): void {
      removeFromOutbox.run(id)
      remove.run(id)
    },
    /** The message an integrator of this property pushed with this idempotency key (keys are per property). */
    byExternalId(propertyId: string, externalId: string): Message | undefined {
      const row = byExternalId.get(propertyId, externalId) as MessageRow | undefined
      return row && toMessage(row)
    },
    /** Offset pages in conversation order, notes left out: the shape the unified-messaging dialect reads. */
    pageOldestFirst(conversationId: string, limit: number, offset: number): Message[] {
      return (pageOldestFirst.all(conversationId, limit, offset) as MessageRow[]).map(toMessage)
    },
    /** The position of a message in its conversation's history, for paging back from it. */
    anchor(id: string): HistoryAnchor | undefined {
      return anchor.get(id) as HistoryAnchor | undefined
    },
    /**
     * Keyset pages, newest first: the `limit` messages before `before` (or the newest ones), with their
     * delivery; internal notes only when asked for (staff's chat).
     */
    pageNewestFirst(conversationId: string, limit: number, before?: HistoryAnchor, { includeNotes = false }: NoteVisibility = {}): HistoryMessage[] {
      const notes = includeNotes ? 1 : 0
      const rows = before
        ? olderThan.all({ conversationId, limit, createdAt: before.createdAt, rowid: before.rowid, includeNotes: notes })
        : newest.all({ conversationId, limit, includeNotes: notes })
      return (rows as HistoryRow[]).map(toHistoryMessage)
    },
    /** Offset pages, newest first, notes left out: the shape the third-party dialect reads. */
    pageNewestFirstFrom(conversationId: string, limit: number, offset: number): Message[] {
      return (newestWithOffset.all(conversationId, limit, offset) as MessageRow[]).map(toMessage)
    },
    /** The guest's words after a message (by rowid), oldest first, up to 200 at a time. */
    guestTextsAfter(conversationId: string, afterRowid: number): { rowid: number; text: string; createdAt: number }[] {
      return guestTextsAfter.all(conversationId, afterRowid) as { rowid: number; text: string; createdAt: number }[]
    },
    /** Guest messages of every conversation stored after a rowid, oldest first (whose languages to tell). */
    guestTextsFrom(afterRowid: number, limit: number): { rowid: number; conversationId: string; propertyId: string; text: string }[] {
      return guestTextsFrom.all(afterRowid, limit) as { rowid: number; conversationId: string; propertyId: string; text: string }[]
    },
    /** The language a guest message is written in, as services/guest-languages.ts told it (null: not told). */
    setLanguage(rowid: number, language: string | null): void {
      setLanguage.run(language, rowid)
    },
    /** The language of the conversation's latest guest message whose language was told (null: none yet). */
    latestGuestLanguage(conversationId: string): string | null {
      return (latestGuestLanguage.get(conversationId) as string | undefined) ?? null
    },
    /** Whether the AI agent answered one of the guest's questions from the knowledge base. */
    agentAnsweredFromKnowledge(conversationId: string): boolean {
      return agentAnsweredFromKnowledge.get(conversationId) !== undefined
    },
    /** The messages the guest and integrators see (notes not counted). */
    count(conversationId: string): number {
      return (countIn.get(conversationId) as { n: number }).n
    },
  }
}
