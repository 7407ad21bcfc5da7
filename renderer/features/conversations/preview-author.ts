import type { Conversation } from '../../../api-contract/index.js'

/** Who the list's preview names before the last words: you, a colleague, the AI agent, the property (a local system's reply), or no one (the guest). */
export type PreviewAuthor = { kind: 'you' } | { kind: 'agent'; name: string } | { kind: 'ai' } | { kind: 'property' } | null

export function previewAuthor(lastMessageBy: Conversation['lastMessageBy'], signedInAgentId: string | null): PreviewAuthor {
  if (!lastMessageBy) return null
  if (lastMessageBy.type === 'guest') return null
  if (lastMessageBy.type === 'bot') return { kind: 'ai' }
  if (lastMessageBy.type !== 'agent' || lastMessageBy.agentId === null) return { kind: 'property' }
  return lastMessageBy.agentId === signedInAgentId ? { kind: 'you' } : { kind: 'agent', name: lastMessageBy.name ?? '' }
}
