import type { KnowledgeEntry } from '../db/knowledge.js'
import type { Store } from '../db/store.js'
import { knowledgeQuery } from '../domain/bot-policy.js'
import { newId } from '../domain/ids.js'

export interface KnowledgeInput {
  propertyId: string
  question: string
  answer: string
  tags?: string
  language?: string
  phrasings?: string[]
  answers?: Record<string, string>
}

/** The property's FAQ, managed in the inbox, and the retrieval (RAG) the AI agent answers from. */
export function createKnowledgeService(store: Store, clock: () => number = Date.now) {
  return {
    create(input: KnowledgeInput): KnowledgeEntry {
      const now = clock()
      const entry: KnowledgeEntry = { id: newId('kb'), tags: '', language: 'en', phrasings: [], answers: {}, ...input, createdAt: now, updatedAt: now }
      store.transaction(() => {
        store.knowledge.insert(entry)
        store.changeLog.append('knowledge_entry', entry.id, 'insert', entry, now)
      })
      return entry
    },

    update(
      entry: KnowledgeEntry,
      changes: Partial<Pick<KnowledgeEntry, 'question' | 'answer' | 'tags' | 'language' | 'phrasings' | 'answers'>>,
    ): KnowledgeEntry {
      const next = { ...entry, ...changes, updatedAt: clock() }
      store.transaction(() => {
        store.knowledge.update(next)
        store.changeLog.append('knowledge_entry', next.id, 'update', changes, next.updatedAt)
      })
      return next
    },

    remove(entry: KnowledgeEntry): void {
      store.transaction(() => {
        store.knowledge.remove(entry.id)
        store.changeLog.append('knowledge_entry', entry.id, 'update', { deleted: true }, clock())
      })
    },

    /** The entries most relevant to a guest's words, best first; empty when nothing is relevant. */
    retrieve(propertyId: string, text: string, limit = 3): KnowledgeEntry[] {
      const match = knowledgeQuery(text)
      return match ? store.knowledge.search(propertyId, match, limit) : []
    },
  }
}

export type KnowledgeService = ReturnType<typeof createKnowledgeService>
