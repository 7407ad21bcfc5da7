import { createHash } from 'node:crypto'
import type { Db } from './open.js'

/** A guest message a reader may want in their language. */
export interface GuestText {
  id: string
  text: string
  /** As services/guest-languages.ts told it; null: not told (it is not translated). */
  language: string | null
}

/** The key a text is cached under: its language and its words. */
export const sourceHash = (from: string | null, text: string) =>
  createHash('sha256')
    .update(`${from ?? ''}\u0000${text}`)
    .digest('base64url')

/** The translation cache, and the guest messages of a conversation to translate. */
export function translationsRepository(db: Db) {
  const get = db.prepare('SELECT text FROM translations WHERE source_hash = ? AND target = ?').pluck()
  const put = db.prepare('INSERT OR REPLACE INTO translations (source_hash, target, text, created_at) VALUES (?, ?, ?, ?)')
  const newestGuestTexts = db.prepare(`
    SELECT id, text, language FROM messages INDEXED BY messages_by_conversation_time
    WHERE conversation_id = ? AND direction = 'in' AND internal = 0 AND text <> ''
    ORDER BY created_at DESC, rowid DESC LIMIT ?`)
  const olderGuestTexts = db.prepare(`
    SELECT id, text, language FROM messages INDEXED BY messages_by_conversation_time
    WHERE conversation_id = @conversationId AND direction = 'in' AND internal = 0 AND text <> ''
      AND (created_at, rowid) < (SELECT created_at, rowid FROM messages WHERE id = @before AND conversation_id = @conversationId)
    ORDER BY created_at DESC, rowid DESC LIMIT @limit`)
  const isMessageOf = db.prepare('SELECT 1 FROM messages WHERE id = ? AND conversation_id = ?').pluck()
  // Told languages compare by their first part ('zh-Hant' reads as 'zh'): as services/translation.ts's baseOf.
  const foreignOlderThan = db
    .prepare(
      `SELECT 1 FROM messages INDEXED BY messages_by_conversation_time
       WHERE conversation_id = @conversationId AND direction = 'in' AND internal = 0 AND text <> '' AND language IS NOT NULL
         AND lower(substr(language, 1, instr(language || '-', '-') - 1)) <> @to
         AND (created_at, rowid) < (SELECT created_at, rowid FROM messages WHERE id = @before AND conversation_id = @conversationId)
       LIMIT 1`,
    )
    .pluck()
  return {
    get(from: string | null, text: string, target: string): string | undefined {
      return get.get(sourceHash(from, text), target) as string | undefined
    },
    put(from: string | null, text: string, target: string, translated: string, now: number): void {
      put.run(sourceHash(from, text), target, translated, now)
    },
    /** The conversation's newest guest messages with text (or those older than the message `before`), newest first. */
    newestGuestTexts(conversationId: string, limit: number, before?: string): GuestText[] {
      if (before === undefined) return newestGuestTexts.all(conversationId, limit) as GuestText[]
      return olderGuestTexts.all({ conversationId, before, limit }) as GuestText[]
    },
    /** Whether a guest message older than `before` is written in another language than `to` (its first part, e.g. 'de'). */
    foreignOlderThan(conversationId: string, before: string, to: string): boolean {
      return foreignOlderThan.get({ conversationId, before, to }) !== undefined
    },
    /** Whether the message is one of the conversation's. */
    isMessageOf(messageId: string, conversationId: string): boolean {
      return isMessageOf.get(messageId, conversationId) !== undefined
    },
  }
}
