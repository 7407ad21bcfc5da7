// Internal notes: staff write them for staff in a conversation's chat, naming colleagues to notify.
// Who may be mentioned and who is told are decided here; the note service applies it.

/** What the rules read of an agent a note names. */
export interface MentionableAgent {
  id: string
  active: boolean
}

export interface MentionProblem {
  field: 'mentions'
  message: string
}

/**
 * The problems with the agents a note names: each must be an active agent of this desk. The composer
 * sends the ids the author picked; nothing is ever guessed from the text.
 */
export function mentionProblems(mentions: readonly string[], agentOf: (id: string) => MentionableAgent | undefined): MentionProblem[] {
  const problems: MentionProblem[] = []
  for (const id of new Set(mentions)) {
    const agent = agentOf(id)
    if (!agent) problems.push({ field: 'mentions', message: `${id} is no agent of this desk` })
    else if (!agent.active) problems.push({ field: 'mentions', message: `${id} is a deactivated agent` })
  }
  return problems
}

/** Whom a note's mentions notify: each mentioned agent once, never its author. */
export function mentionRecipients(mentions: readonly string[], authorId: string): string[] {
  return [...new Set(mentions)].filter((id) => id !== authorId)
}

const NOTIFICATION_EXCERPT = 120

/** The notification a mentioned agent gets: who wrote, about which guest, and the start of the note. */
export function mentionNotificationText(authorName: string, guest: string, noteText: string): string {
  const flat = noteText.replace(/\s+/g, ' ').trim()
  const excerpt = flat.length > NOTIFICATION_EXCERPT ? `${flat.slice(0, NOTIFICATION_EXCERPT - 1)}…` : flat
  return `${authorName} mentioned you in a note on the conversation with ${guest}: “${excerpt}”`
}
