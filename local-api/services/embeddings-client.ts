/** An OpenAI-compatible embeddings endpoint (e.g. a local Ollama on the hotel's network). */
export interface EmbeddingsProvider {
  baseUrl: string
  model: string
  apiKey?: string | null
}

/**
 * The vectors of `texts`, in order. Throws on any failure (network, status, shape, timeout): the
 * agent then goes by its lexical retrieval alone.
 */
export async function embed(provider: EmbeddingsProvider, texts: readonly string[], timeoutMs = 5_000): Promise<Float32Array[]> {
  const response = await fetch(`${provider.baseUrl.replace(/\/+$/, '')}/embeddings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(provider.apiKey ? { authorization: `Bearer ${provider.apiKey}` } : {}) },
    body: JSON.stringify({ model: provider.model, input: texts }),
    signal: AbortSignal.timeout(timeoutMs),
  })
  if (!response.ok) throw new Error(`the embeddings provider answered ${response.status}`)
  const body = (await response.json()) as { data?: { index?: unknown; embedding?: unknown }[] }
  const data = body.data
  if (!Array.isArray(data) || data.length !== texts.length) throw new Error('the embeddings provider sent no vector for every text')
  const vectors = new Array<Float32Array>(texts.length)
  data.forEach((item, position) => {
    const index = typeof item.index === 'number' ? item.index : position
    if (!Array.isArray(item.embedding) || item.embedding.length === 0 || !item.embedding.every((x) => typeof x === 'number' && Number.isFinite(x)))
      throw new Error('the embeddings provider sent a malformed vector')
    vectors[index] = Float32Array.from(item.embedding as number[])
  })
  if (vectors.some((vector) => vector === undefined || vector.length !== vectors[0]!.length))
    throw new Error('the embeddings provider sent vectors of different sizes')
  return vectors
}

/** Cosine similarity of two vectors of one size. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0
  let na = 0
  let nb = 0
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!
    na += a[i]! * a[i]!
    nb += b[i]! * b[i]!
  }
  return na && nb ? dot / Math.sqrt(na * nb) : 0
}
