import type { Retrieval } from './retrieve.js'

/** What a property's embeddings model says of a question: its entries by cosine similarity. */
export interface SemanticRanking {
  best: { entryId: string; similarity: number } | null
  runnerUp: { entryId: string; similarity: number } | null
  similarityOf: ReadonlyMap<string, number>
}

/**
 * How close the model must find things. Cosine similarities differ between models, so the model
 * alone never makes the agent answer: it can confirm the lexical match, flag a disagreement, or
 * find a suggestion for staff where the words found nothing.
 */
export const SEMANTIC = {
  /** Lexical medium + the model's clear first choice is the same entry at least this close → answer. */
  agree: 0.75,
  /** Lexical low + the model finds an entry at least this close → a suggestion for staff. */
  alone: 0.85,
  /** How far the model's first choice must be ahead of its second to count. */
  margin: 0.05,
}

/** The lexical retrieval's choice and confidence, with what an embeddings model says (null: none configured, or it failed). */
export function withSemantic(lexical: Retrieval, semantic: SemanticRanking | null): { entryId: string | null; confidence: Retrieval['confidence'] } {
  const chosen = { entryId: lexical.best?.entryId ?? null, confidence: lexical.confidence }
  const top = semantic?.best
  if (!semantic || !top) return chosen
  const clear = top.similarity - (semantic.runnerUp?.similarity ?? 0) >= SEMANTIC.margin
  if (lexical.confidence === 'high') {
    // The model clearly prefers another entry: staff look before the guest is told.
    const ofLexical = chosen.entryId ? (semantic.similarityOf.get(chosen.entryId) ?? 0) : 0
    return top.entryId !== chosen.entryId && clear && top.similarity - ofLexical >= 2 * SEMANTIC.margin ? { ...chosen, confidence: 'medium' } : chosen
  }
  if (lexical.confidence === 'medium')
    return top.entryId === chosen.entryId && clear && top.similarity >= SEMANTIC.agree ? { ...chosen, confidence: 'high' } : chosen
  return clear && top.similarity >= SEMANTIC.alone ? { entryId: top.entryId, confidence: 'medium' } : chosen
}
