import type { ConversationEvent, Message } from '../../../api-contract/index.js'

/** Handovers for want of an answer (not a request for a person, a complaint or an unverified booking). */
const LEARNABLE = ['nothing relevant found', 'a suggested reply awaits review']

/**
 * What staff may add to the knowledge base from a chat: the guest's question the AI agent handed
 * over (its last handover for want of an answer) and the first staff reply after it. Null when the
 * agent did not hand over for that reason, or staff have not answered yet.
 */
export function learnableAnswer(newestFirst: readonly Message[], events: readonly ConversationEvent[]): { question: string; answer: string } | null {
  const handover = events.findLast((event) => event.type === 'handover' && LEARNABLE.includes(String(event.data.reason)))
  if (!handover) return null
  const at = Date.parse(handover.createdAt)
  const oldestFirst = [...newestFirst].reverse()
  const question = oldestFirst.findLast((m) => m.sender.type === 'guest' && Date.parse(m.createdAt) <= at && m.content.type === 'text')
  const answer = oldestFirst.find((m) => m.sender.type === 'agent' && !m.internal && Date.parse(m.createdAt) >= at && m.content.type === 'text')
  if (!question || !answer || question.content.type !== 'text' || answer.content.type !== 'text') return null
  return { question: question.content.text, answer: answer.content.text }
}
