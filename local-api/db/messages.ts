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
  createdAt: number
  receivedAt: number
}

/** What the AI agent used for a reply, and how long the guest waited for it. */
export interface MessageMeta {
  tools?: ('rag' | 'pms' | 'llm')[]
  latencyMs?: number
}

export interface NewMessage extends Omit<Message, 'senderAgent'> {
  text: string
  senderAgentId: string | null
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
  created_at: number
  received_at: number
}

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
  createdAt: row.created_at,
  receivedAt: row.received_at,
})

const COLUMNS = `id, conversation_id, external_id, direction, content, status, created_at, received_at, sender_agent_id, author, meta,
  (SELECT name FROM agents WHERE agents.id = sender_agent_id) AS sender_agent_name`

export function messagesRepository(db: Db) {
  const insert = db.prepare(`
    INSERT INTO messages (id, conversation_id, external_id, direction, content_type, content, text, status, created_at, received_at, sender_agent_id, author, meta, property_id)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT property_id FROM conversations WHERE id = ?))`)
  const setStatus = db.prepare('UPDATE messages SET status = ? WHERE id = ?')
  const removeFromOutbox = db.prepare('DELETE FROM outbox WHERE message_id = ?')
  const remove = db.prepare('DELETE FROM messages WHERE id = ?')
  const byId = db.prepare(`SELECT ${COLUMNS} FROM messages WHERE id = ?`)
  const byExternalId = db.prepare(`SELECT ${COLUMNS} FROM messages WHERE property_id = ? AND external_id = ?`)
  const pageOldestFirst = db.prepare(`
    SELECT ${COLUMNS} FROM messages WHERE conversation_id = ?
    ORDER BY created_at, rowid LIMIT ? OFFSET ?`)
  const olderThan = db.prepare(`
    SELECT ${COLUMNS} FROM messages WHERE conversation_id = @conversationId
      AND (created_at, rowid) < (@createdAt, (SELECT rowid FROM messages WHERE id = @id))
    ORDER BY created_at DESC, rowid DESC LIMIT @limit`)
  const newest = db.prepare(`
    SELECT ${COLUMNS} FROM messages WHERE conversation_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?`)
  const newestWithOffset = db.prepare(`
    SELECT ${COLUMNS} FROM messages WHERE conversation_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ? OFFSET ?`)
  const countIn = db.prepare('SELECT count(*) AS n FROM messages WHERE conversation_id = ?')
  const guestTextsAfter = db.prepare(`
    SELECT rowid, text, created_at AS createdAt FROM messages
    WHERE conversation_id = ? AND direction = 'in' AND rowid > ? ORDER BY rowid LIMIT 200`)
  const agentAnsweredFromKnowledge = db.prepare(`
    SELECT 1 FROM messages WHERE conversation_id = ? AND author = 'bot' AND meta LIKE '%"rag"%' LIMIT 1`)

  return {
    insert(message: NewMessage): void {
      const { id, conversationId, externalId, direction, content, text, status, createdAt, receivedAt, senderAgentId, author, meta } = message
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
    /** Offset pages in conversation order: the shape the unified-messaging dialect reads. */
    pageOldestFirst(conversationId: string, limit: number, offset: number): Message[] {
      return (pageOldestFirst.all(conversationId, limit, offset) as MessageRow[]).map(toMessage)
    },
    /** Keyset pages, newest first: the `limit` messages before `before` (or the newest ones). */
    pageNewestFirst(conversationId: string, limit: number, before?: { id: string; createdAt: number }): Message[] {
      const rows = before ? olderThan.all({ conversationId, limit, id: before.id, createdAt: before.createdAt }) : newest.all(conversationId, limit)
      return (rows as MessageRow[]).map(toMessage)
    },
    /** Offset pages, newest first: the shape the third-party dialect reads. */
    pageNewestFirstFrom(conversationId: string, limit: number, offset: number): Message[] {
      return (newestWithOffset.all(conversationId, limit, offset) as MessageRow[]).map(toMessage)
    },
    /** The guest's words after a message (by rowid), oldest first, up to 200 at a time. */
    guestTextsAfter(conversationId: string, afterRowid: number): { rowid: number; text: string; createdAt: number }[] {
      return guestTextsAfter.all(conversationId, afterRowid) as { rowid: number; text: string; createdAt: number }[]
    },
    /** Whether the AI agent answered one of the guest's questions from the knowledge base. */
    agentAnsweredFromKnowledge(conversationId: string): boolean {
      return agentAnsweredFromKnowledge.get(conversationId) !== undefined
    },
    count(conversationId: string): number {
      return (countIn.get(conversationId) as { n: number }).n
    },
  }
}
