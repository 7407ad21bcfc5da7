import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { AppLink } from '@/components/app-link'
import { useMessages } from '../api/messages'
import { useConversationEvents } from '../api/workflow'
import { learnableAnswer } from '../learn-from-reply'

/**
 * After staff answered a question the AI agent handed over: a link to the knowledge page with the
 * guest's question and the staff reply filled in, to review and add (never added by itself).
 */
export function AddToKnowledge({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation()
  const messages = useMessages(conversationId).data
  const events = useConversationEvents(conversationId).data
  const learnable = useMemo(
    () =>
      messages && events
        ? learnableAnswer(
            messages.pages.flatMap((page) => page.items),
            events,
          )
        : null,
    [messages, events],
  )
  if (!learnable) return null
  return (
    <p className="add-to-knowledge">
      <span className="muted">{t('knowledge.fromChatHint')}</span>{' '}
      <AppLink className="button" href={`/knowledge?${new URLSearchParams(learnable)}`}>
        {t('knowledge.fromChat')}
      </AppLink>
    </p>
  )
}
