// What the local API's process tells the desktop shell about the desk (utility process → main).

export type DeskFeedItem =
  | { type: 'unread'; count: number }
  | {
      type: 'guest-message'
      conversationId: string
      guestLabel: string
      preview: string
      mode: 'ai' | 'human'
      assignedAgentId: string | null
    }
  | {
      type: 'agent-notification'
      agentId: string
      kind: 'assigned' | 'handover' | 'queued' | 'snooze_ended' | 'mention' | 'reminder'
      conversationId: string | null
      text: string
    }

/** Messages of the server process to the shell. */
export type ServerProcessMessage =
  | { type: 'listening'; url: string; portProblem: string | null }
  | { type: 'failed'; reason: string }
  | { type: 'feed'; item: DeskFeedItem }
  | { type: 'closed' }

/** Messages of the shell to the server process. */
export type ShellMessage = { type: 'close' }
