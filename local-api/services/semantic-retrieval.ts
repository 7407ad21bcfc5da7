import type { Store } from '../db/store.js'
import type { SemanticRanking } from '../domain/retrieval/combine.js'
import { unreported, type WorkerReport } from './background-failures.js'
import { cosine, embed, type EmbeddingsProvider } from './embeddings-client.js'

const BATCH = 32

/**
 * Optional semantic retrieval: a property's entries embedded by its embeddings endpoint once (again
 * only when an entry's words or the model change), each question embedded as it comes. Any failure
 * of the endpoint leaves the agent with its lexical retrieval: `rank` then answers null.
 */
export function createSemanticRetrieval(store: Store, report: WorkerReport = unreported()) {
  async function entryVectors(provider: EmbeddingsProvider, propertyId: string): Promise<Map<string, Float32Array>> {
    const wanted = store.knowledge.ofProperty(propertyId).map((entry) => {
      const text = [entry.question, ...entry.phrasings].join('\n')
      return { id: entry.id, text, source: `${provider.model}\n${text}` }
    })
    const stale = wanted.filter((entry) => store.knowledge.embeddingOf(entry.id)?.source !== entry.source)
    for (let i = 0; i < stale.length; i += BATCH) {
      const batch = stale.slice(i, i + BATCH)
      const vectors = await embed(
        provider,
        batch.map((entry) => entry.text),
      )
      store.transaction(() => batch.forEach((entry, j) => store.knowledge.putEmbedding(entry.id, entry.source, vectors[j]!)))
    }
    return new Map(wanted.map((entry) => [entry.id, store.knowledge.embeddingOf(entry.id)!.vector]))
  }

  return {
    /** The property's entries ranked by the model's similarity to `question`, or null when the model cannot be asked. */
    async rank(provider: EmbeddingsProvider, propertyId: string, question: string): Promise<SemanticRanking | null> {
      try {
        const vectors = await entryVectors(provider, propertyId)
        const [asked] = await embed(provider, [question])
        const similarityOf = new Map([...vectors].filter(([, vector]) => vector.length === asked!.length).map(([id, vector]) => [id, cosine(asked!, vector)]))
        const [best, runnerUp] = [...similarityOf].sort((a, b) => b[1] - a[1]).map(([entryId, similarity]) => ({ entryId, similarity }))
        return { best: best ?? null, runnerUp: runnerUp ?? null, similarityOf }
      } catch (error) {
        report.failed('the embeddings provider failed; the agent went by its lexical retrieval alone', { error, level: 'warn' })
        return null
      }
    },
  }
}

export type SemanticRetrieval = ReturnType<typeof createSemanticRetrieval>
