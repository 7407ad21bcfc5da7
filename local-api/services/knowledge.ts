import type { KnowledgeEntry } from '../db/knowledge.js'
import type { Store } from '../db/store.js'
import { newId } from '../domain/ids.js'
import { buildKnowledgeIndex, retrieve, type KnowledgeIndex, type Retrieval, type RetrieveOptions } from '../domain/retrieval/retrieve.js'

/** What the base holds for a guest's question: the retrieval (candidates, confidence, language) and its best entry. */
export interface KnowledgeMatch extends Retrieval {
  entry: KnowledgeEntry | null
}

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
  // Each property's index, rebuilt when its entries change (by this desk, another desk's sync or an import).
  const indexes = new Map<string, { version: string; index: KnowledgeIndex }>()
  function indexOf(propertyId: string): KnowledgeIndex {
    const version = store.knowledge.versionOf(propertyId)
    let cached = indexes.get(propertyId)
    if (cached?.version !== version) indexes.set(propertyId, (cached = { version, index: buildKnowledgeIndex(store.knowledge.ofProperty(propertyId)) }))
    return cached.index
  }

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

    /** The entry that answers a guest's question, with how sure that is (see domain/retrieval). */
    match(propertyId: string, question: string, options: RetrieveOptions = {}): KnowledgeMatch {
      const found = retrieve(indexOf(propertyId), question, options)
      return { ...found, entry: (found.best && store.knowledge.get(found.best.entryId)) ?? null }
    },

    /** The entries a question touches, best first (the knowledge page's search). */
    search(propertyId: string, question: string): KnowledgeEntry[] {
      const found = retrieve(indexOf(propertyId), question)
      return [found.best, found.runnerUp].flatMap((candidate) => (candidate && candidate.score > 0 && store.knowledge.get(candidate.entryId)) || [])
    },
  }
}

export type KnowledgeService = ReturnType<typeof createKnowledgeService>
