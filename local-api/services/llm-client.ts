/** An OpenAI-compatible chat-completions endpoint (a local model server, or a hosted one). */
export interface LlmProvider {
  baseUrl: string
  model: string
  apiKey?: string | null
}

export const LLM_SETTING = 'ai.llmProvider'

/**
 * Asks the provider to word a reply from the facts it is given and nothing else. Throws on any
 * failure (network, status, shape, timeout) so the caller can fall back to the built-in agent.
 */
export async function composeWithLlm(
  provider: LlmProvider,
  input: { guestMessage: string; facts: string[]; language: string | null },
  timeoutMs = 15_000,
): Promise<string> {
  const system = [
    'You are the front-desk assistant of a hotel, answering a guest in a chat.',
    'Answer ONLY from the facts below. If they do not answer the question, say that a colleague will reply shortly.',
    'Never invent prices, times, names or availability. Be brief and friendly.',
    input.language ? `Answer in the guest's language (${input.language}) if you can.` : 'Answer in the language the guest wrote in.',
    '',
    'Facts:',
    ...input.facts.map((fact) => `- ${fact}`),
  ].join('\n')
  const response = await fetch(`${provider.baseUrl.replace(/\/+$/, '')}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(provider.apiKey ? { authorization: `Bearer ${provider.apiKey}` } : {}) },
    body: JSON.stringify({
      model: provider.model,
      temperature: 0.2,
      messages: [
        { role: 'system', content: system },
        { role: 'user', content: input.guestMessage },
      ],
    }),
    signal: AbortSignal.timeout(timeoutMs),
  })
  if (!response.ok) throw new Error(`the LLM provider answered ${response.status}`)
  const body = (await response.json()) as { choices?: { message?: { content?: unknown } }[] }
  const content = body.choices?.[0]?.message?.content
  if (typeof content !== 'string' || content.trim() === '') throw new Error('the LLM provider sent no reply text')
  return content.trim()
}
