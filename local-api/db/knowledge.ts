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
  const byId = db.prepare('SELECT * FROM knowledge_entries WHERE id = ?')
  const ofProperty = db.prepare('SELECT * FROM knowledge_entries WHERE property_id = ? ORDER BY question COLLATE NOCASE')
  // bm25 weights: a match in the question counts most, then tags, then the answer.
  const recordUse = db.prepare('INSERT INTO knowledge_uses (entry_id, kind, conversation_id, at) VALUES (?, ?, ?, ?)')
  const search = db.prepare(`
    SELECT k.*, bm25(knowledge_search, 5.0, 1.0, 3.0) AS score FROM knowledge_search
    JOIN knowledge_entries k ON k.rowid = knowledge_search.rowid
    WHERE knowledge_search MATCH @match AND k.property_id = @propertyId
    ORDER BY score LIMIT @limit`)

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
    },
    get(id: string): KnowledgeEntry | undefined {
      const row = byId.get(id) as KnowledgeRow | undefined
      return row && toEntry(row)
    },
    ofProperty(propertyId: string): KnowledgeEntry[] {
      return (ofProperty.all(propertyId) as KnowledgeRow[]).map(toEntry)
    },
    /** Counts one use of an entry: answered a guest, offered to staff, or what staff did with the offer. */
    recordUse(entryId: string, kind: KnowledgeUse, conversationId: string, at: number): void {
      recordUse.run(entryId, kind, conversationId, at)
    },
    /** Full-text matches for an FTS5 query, best first, with their bm25 score (lower is better). */
    search(propertyId: string, match: string, limit = 3): (KnowledgeEntry & { score: number })[] {
      return (search.all({ propertyId, match, limit }) as (KnowledgeRow & { score: number })[]).map((row) => ({ ...toEntry(row), score: row.score }))
    },
  }
}
