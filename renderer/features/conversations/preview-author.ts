import type { Conversation } from '../../../api-contract/index.js'

/** Who the list's preview names before the last words: you, a colleague, the AI agent, or no one (the guest, a local system). */
export type PreviewAuthor = { kind: 'you' } | { kind: 'agent'; name: string } | { kind: 'ai' } | null

export function previewAuthor(lastMessageBy: Conversation['lastMessageBy'], signedInAgentId: string | null): PreviewAuthor {
  if (!lastMessageBy) return null
  if (lastMessageBy.type === 'bot') return { kind: 'ai' }
  if (lastMessageBy.type !== 'agent' || lastMessageBy.agentId === null) return null
  return lastMessageBy.agentId === signedInAgentId ? { kind: 'you' } : { kind: 'agent', name: lastMessageBy.name ?? '' }
}
