import { createHash } from 'node:crypto'
import type { ContactKind } from './identity.js'

/** What staff decided about a contact the guest wrote: nothing yet, linked to a profile, or dismissed. */
export type SuggestionStatus = 'new' | 'linked' | 'dismissed'

/**
 * A suggestion's id: the same on every desk for one conversation and value, so a desk that reads the
 * conversation itself and one that learns of it by sync agree on it (and on a staff decision about it).
 * Migration 0090 computes the same ids (it repeats this formula; never change it).
 */
export function suggestionId(conversationId: string, kind: ContactKind, value: string): string {
  return `sug_${createHash('sha256').update(`${conversationId}\n${kind}\n${value}`).digest('hex').slice(0, 24)}`
}
