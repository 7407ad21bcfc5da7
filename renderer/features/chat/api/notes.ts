import { useMutation, useQueryClient } from '@tanstack/react-query'
import { apiFetch } from '@/api/client'
import type { Message, Note } from '@api-contract'
import { refreshMessages } from '@/queries/messages'

/** Writes an internal note (with the agents it mentions); the chat shows it at once. */
export function useWriteNote(conversationId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (note: Note) => apiFetch<Message>(`/v1/conversations/${encodeURIComponent(conversationId)}/notes`, { method: 'POST', body: note }),
    onSuccess: () => refreshMessages(queryClient, conversationId),
  })
}
