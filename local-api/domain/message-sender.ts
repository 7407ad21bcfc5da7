/**
 * Who wrote a message: the guest (every inbound message), the AI agent, a staff member, or the
 * property's own systems (a reply pushed by a local system, no one named). Each API names these
 * its own way; this is the one rule they all read.
 */
export type SenderKind = 'guest' | 'ai-agent' | 'agent' | 'property'

export function senderKind(message: { direction: 'in' | 'out'; author: 'bot' | null; senderAgent: unknown }): SenderKind {
  if (message.direction === 'in') return 'guest'
  if (message.author === 'bot') return 'ai-agent'
  return message.senderAgent ? 'agent' : 'property'
}
