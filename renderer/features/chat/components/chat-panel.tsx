import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '@/api/client'
import { useConversation } from '@/queries/conversation'
import { useMarkRead, usePrefetchMessages } from '../api/messages'
import { AddToKnowledge } from './add-to-knowledge'
import { ChatHeader } from './chat-header'
import { Composer } from './composer'
import { MessageHistory } from './message-history'
import { SuggestionBar } from './suggestion-bar'

/** The right-hand chat: the header with its tools, the history, and the composer. */
export function ChatPanel({ conversationId, canEditKnowledge = false }: { conversationId: string | null; canEditKnowledge?: boolean }) {
  const { t } = useTranslation()
  if (!conversationId) {
    return (
      <section className="chat-panel chat-empty" aria-label={t('chat.none')}>
        <h2>{t('chat.none')}</h2>
        <p>{t('chat.noneHint')}</p>
      </section>
    )
  }
  return <OpenChat key={conversationId} conversationId={conversationId} canEditKnowledge={canEditKnowledge} />
}

function OpenChat({ conversationId, canEditKnowledge }: { conversationId: string; canEditKnowledge: boolean }) {
  const { t } = useTranslation()
  const conversation = useConversation(conversationId)
  usePrefetchMessages(conversationId)
  const markRead = useMarkRead()

  // Looking at a conversation reads it, including what arrives while it is open.
  const unread = conversation.data?.unreadCount ?? 0
  const { mutate } = markRead
  useEffect(() => {
    if (unread > 0) mutate(conversationId)
  }, [unread, conversationId, mutate])

  if (conversation.isError) {
    return (
      <section className="chat-panel chat-empty">
        <p role="alert">{isApiError(conversation.error, 404) ? t('chat.notFound') : conversation.error.message}</p>
      </section>
    )
  }
  // The history does not wait for the conversation: its first page is often there first.
  return (
    <section className="chat-panel" aria-labelledby={conversation.data ? 'chat-title' : undefined} aria-busy={!conversation.data}>
      {conversation.data && <ChatHeader conversation={conversation.data} />}
      <MessageHistory conversationId={conversationId} />
      <SuggestionBar conversationId={conversationId} />
      {canEditKnowledge && <AddToKnowledge conversationId={conversationId} />}
      {conversation.data && <Composer conversation={conversation.data} />}
    </section>
  )
}
