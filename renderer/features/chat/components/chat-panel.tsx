import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '@/api/client'
import { QueryFailure } from '@/components/query-failure'
import { SkeletonLines } from '@/components/skeleton'
import { useFailureShown } from '@/lib/use-failure-shown'
import { useConversation } from '@/queries/conversation'
import { useMarkRead, usePrefetchMessages } from '../api/messages'
import { readInTranslation, useMessageTranslations } from '../api/translations'
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
      <section className="chat-panel chat-empty" aria-labelledby="chat-pick-title">
        <PickIllustration />
        <h2 id="chat-pick-title">{t('layout.pickTitle')}</h2>
        <p>{t('layout.pickHint')}</p>
      </section>
    )
  }
  return <OpenChat key={conversationId} conversationId={conversationId} canEditKnowledge={canEditKnowledge} />
}

function OpenChat({ conversationId, canEditKnowledge }: { conversationId: string; canEditKnowledge: boolean }) {
  const { t, i18n } = useTranslation()
  const conversation = useConversation(conversationId)
  // The guest's words in the reader's language, where the property translates (else none come):
  // each message by its own language, so an Italian message of a guest who now writes English is too.
  const uiLanguage = i18n.resolvedLanguage ?? 'en'
  const translations = useMessageTranslations(conversationId, uiLanguage)
  const guestLanguage = conversation.data?.language ?? null
  const failure = useFailureShown(conversation)
  usePrefetchMessages(conversationId)
  const markRead = useMarkRead()

  // Looking at a conversation reads it, including what arrives while it is open.
  const unread = conversation.data?.unreadCount ?? 0
  const { mutate } = markRead
  useEffect(() => {
    if (unread > 0) mutate(conversationId)
  }, [unread, conversationId, mutate])

  if (failure && !conversation.data) {
    return (
      <section className="chat-panel chat-empty" aria-label={t('chat.history')}>
        {isApiError(failure, 404) ? (
          <p role="alert">{t('chat.notFound')}</p>
        ) : (
          <QueryFailure error={failure} onRetry={() => conversation.refetch()} retrying={conversation.isFetching} />
        )}
      </section>
    )
  }
  // The history does not wait for the conversation: its first page is often there first.
  return (
    <section className="chat-panel" aria-labelledby={conversation.data ? 'chat-title' : undefined} aria-busy={!conversation.data}>
      {conversation.data ? (
        <ChatHeader conversation={conversation.data} />
      ) : (
        <div className="chat-header">
          <SkeletonLines lines={2} />
        </div>
      )}
      {translations.failed > 0 && (
        <p className="translation-notice" role="status">
          {t('translation.failed')}
        </p>
      )}
      <MessageHistory conversationId={conversationId} translations={translations.byMessage} />
      <SuggestionBar conversationId={conversationId} />
      {canEditKnowledge && <AddToKnowledge conversationId={conversationId} />}
      {conversation.data && (
        <Composer
          conversation={conversation.data}
          translateInto={translations.available && readInTranslation(guestLanguage, uiLanguage) ? guestLanguage : null}
        />
      )}
    </section>
  )
}

/** A desk bell and two speech bubbles: the chat column's picture while no conversation is open. */
function PickIllustration() {
  return (
    <svg className="pick-illustration" viewBox="0 0 120 90" width="160" height="120" aria-hidden="true" focusable="false">
      <rect x="8" y="8" width="62" height="34" rx="10" className="pick-bubble-in" />
      <path d="M20 42 16 52 30 42z" className="pick-bubble-in" />
      <rect x="50" y="30" width="62" height="30" rx="10" className="pick-bubble-out" />
      <path d="M100 60 104 69 90 60z" className="pick-bubble-out" />
      <path d="M20 21h38M20 29h26M62 42h38M62 50h24" className="pick-lines" />
      <path d="M42 82a18 18 0 0 1 36 0z" className="pick-bell" />
      <path d="M36 83h48M60 61v3" className="pick-bell-base" />
    </svg>
  )
}
