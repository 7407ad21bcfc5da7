import type { Db } from './open.js'

/** A question and answer of a property's knowledge base, which the AI agent retrieves from. */
export interface KnowledgeEntry {
  id: string
  propertyId: string
  question: string
  answer: string
  tags: string
  language: string
  /** More ways guests ask it, in any language. */
  phrasings: string[]
  /** The answer in other languages than `language`, by language code. */
  answers: Record<string, string>
  createdAt: number
  updatedAt: number
}

/** A guest question the knowledge base had nothing for: a gap to fill. */
export interface KnowledgeGap {
  id: string
  propertyId: string
  conversationId: string
  messageId: string
  question: string
  language: string | null
  createdAt: number
}

interface GapRow {
  id: string
  property_id: string
  conversation_id: string
  message_id: string
  question: string
  language: string | null
  created_at: number
}

export type KnowledgeUse = 'answered' | 'suggested' | 'sent' | 'edited' | 'dismissed'

interface KnowledgeRow {
  id: string
  property_id: string
  question: string
  answer: string
  tags: string
  language: string
  phrasings: string
  answers: string
  created_at: number
  updated_at: number
}

const toEntry = (row: KnowledgeRow): KnowledgeEntry => ({
  id: row.id,
  propertyId: row.property_id,
  question: row.question,
  answer: row.answer,
  tags: row.tags,
  language: row.language,
  phrasings: JSON.parse(row.phrasings) as string[],
  answers: JSON.parse(row.answers) as Record<string, string>,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
})

const toRow = (entry: KnowledgeEntry) => ({ ...entry, phrasings: JSON.stringify(entry.phrasings), answers: JSON.stringify(entry.answers) })

export function knowledgeRepository(db: Db) {
  const insert = db.prepare(`
    INSERT INTO knowledge_entries (id, property_id, question, answer, tags, language, phrasings, answers, created_at, updated_at)
    VALUES (@id, @propertyId, @question, @answer, @tags, @language, @phrasings, @answers, @createdAt, @updatedAt)`)
  const update = db.prepare(
    'UPDATE knowledge_entries SET question = @question, answer = @answer, tags = @tags, language = @language, phrasings = @phrasings, answers = @answers, updated_at = @updatedAt WHERE id = @id',
  )
  const remove = db.prepare('DELETE FROM knowledge_entries WHERE id = ?')
  const removeEmbedding = db.prepare('DELETE FROM knowledge_embeddings WHERE entry_id = ?')
  const byId = db.prepare('SELECT * FROM knowledge_entries WHERE id = ?')
  const ofProperty = db.prepare('SELECT * FROM knowledge_entries WHERE property_id = ? ORDER BY question COLLATE NOCASE')
  const embeddingOf = db.prepare('SELECT source, vector FROM knowledge_embeddings WHERE entry_id = ?')
  const putEmbedding = db.prepare(
    'INSERT INTO knowledge_embeddings (entry_id, source, vector) VALUES (?, ?, ?) ON CONFLICT (entry_id) DO UPDATE SET source = excluded.source, vector = excluded.vector',
  )
  const anyOf = db.prepare('SELECT 1 FROM knowledge_entries WHERE property_id = ? LIMIT 1').pluck()
  const recordUse = db.prepare('INSERT INTO knowledge_uses (entry_id, kind, conversation_id, at) VALUES (?, ?, ?, ?)')
  const recordGap = db.prepare(
    'INSERT INTO knowledge_gaps (id, property_id, conversation_id, message_id, question, language, created_at) VALUES (@id, @propertyId, @conversationId, @messageId, @question, @language, @createdAt)',
  )
  const gapsOf = db.prepare('SELECT * FROM knowledge_gaps WHERE property_id = ? ORDER BY created_at DESC LIMIT ?')
  const usesOf = db.prepare(`
    SELECT u.entry_id AS entryId, u.kind, count(*) AS n FROM knowledge_uses u JOIN knowledge_entries k ON k.id = u.entry_id
    WHERE k.property_id = ? GROUP BY u.entry_id, u.kind`)
  // Cheap enough to ask before every retrieval: a count, a max and a sum over the property's entries.
  const versionOf = db
    .prepare(
      `SELECT count(*) || ':' || coalesce(max(updated_at), 0) || ':' || coalesce(sum(length(question) + length(phrasings) + length(tags) + length(language)), 0)
       FROM knowledge_entries WHERE property_id = ?`,
    )
    .pluck()

  return {
    insert(entry: KnowledgeEntry): void {
      insert.run(toRow(entry))
    },
    update(entry: KnowledgeEntry): void {
      update.run(toRow(entry))
    },
    /** Writes an entry as another desk has it (sync): made if missing, else its fields taken over. */
    fromSync(entry: KnowledgeEntry): void {
      if (byId.get(entry.id)) update.run(toRow(entry))
      else insert.run(toRow(entry))
    },
    remove(id: string): void {
      remove.run(id)
      removeEmbedding.run(id)
    },
    get(id: string): KnowledgeEntry | undefined {
      const row = byId.get(id) as KnowledgeRow | undefined
      return row && toEntry(row)
    },
    /** Whether the property has a knowledge base at all (its AI agent is set up). */
    hasAny(propertyId: string): boolean {
      return anyOf.get(propertyId) !== undefined
    },
    ofProperty(propertyId: string): KnowledgeEntry[] {
      return (ofProperty.all(propertyId) as KnowledgeRow[]).map(toEntry)
    },
    /** Counts one use of an entry: answered a guest, offered to staff, or what staff did with the offer. */
    recordUse(entryId: string, kind: KnowledgeUse, conversationId: string, at: number): void {
      recordUse.run(entryId, kind, conversationId, at)
    },
    /** The entry's stored vector and what it was made from (the embeddings model and text). */
    embeddingOf(entryId: string): { source: string; vector: Float32Array } | undefined {
      const row = embeddingOf.get(entryId) as { source: string; vector: Buffer } | undefined
      return (
        row && { source: row.source, vector: new Float32Array(row.vector.buffer.slice(row.vector.byteOffset, row.vector.byteOffset + row.vector.byteLength)) }
      )
    },
    putEmbedding(entryId: string, source: string, vector: Float32Array): void {
      putEmbedding.run(entryId, source, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength))
    },
    /** A question the base had nothing for. */
    recordGap(gap: KnowledgeGap): void {
      recordGap.run(gap)
    },
    /** The property's questions that found nothing, newest first. */
    gapsOf(propertyId: string, limit = 100): KnowledgeGap[] {
      return (gapsOf.all(propertyId, limit) as GapRow[]).map((row) => ({
        id: row.id,
        propertyId: row.property_id,
        conversationId: row.conversation_id,
        messageId: row.message_id,
        question: row.question,
        language: row.language,
        createdAt: row.created_at,
      }))
    },
    /** How often each entry of the property was used, by kind of use. */
    usesOf(propertyId: string): Map<string, Record<KnowledgeUse, number>> {
      const uses = new Map<string, Record<KnowledgeUse, number>>()
      for (const row of usesOf.all(propertyId) as { entryId: string; kind: KnowledgeUse; n: number }[]) {
        let counts = uses.get(row.entryId)
        if (!counts) uses.set(row.entryId, (counts = { answered: 0, suggested: 0, sent: 0, edited: 0, dismissed: 0 }))
        counts[row.kind] = row.n
      }
      return uses
    },
    /** Changes whenever an entry of the property is added, changed or removed (however it was written). */
    versionOf(propertyId: string): string {
      return versionOf.get(propertyId) as string
    },
  }
}
