import type { Conversation } from '@/api/dto'

/** What to call the guest of a conversation: their name, else the phone or email they wrote from. */
export function guestLabel(conversation: Pick<Conversation, 'guest'>, unknown: string): string {
  return conversation.guest.name ?? conversation.guest.identity?.value ?? unknown
}
