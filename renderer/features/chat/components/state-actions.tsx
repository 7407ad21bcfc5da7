import { useTranslation } from 'react-i18next'
import type { Conversation } from '@api-contract'
import { navigate } from '@/lib/router'
import { snoozeEndText } from '@/lib/zoned-time'
import { useMarkUnread, useReopenConversation, useResolveConversation } from '@/queries/conversation-state'
import { SnoozeMenu } from './snooze-menu'

/** Where the conversation stands, as the header says it: "Snoozed until Thu 09:00" on the hotel's clock. */
export function StateLabel({ conversation, timeZone, now }: { conversation: Conversation; timeZone: string; now: number }) {
  const { t, i18n } = useTranslation()
  const text =
    conversation.state === 'open'
      ? t('states.open')
      : conversation.state === 'resolved'
        ? t('states.resolved')
        : conversation.snoozedUntil
          ? t('states.snoozedUntil', { time: snoozeEndText(Date.parse(conversation.snoozedUntil), now, i18n.language, timeZone) })
          : t('states.snoozedUntilGuest')
  return <span className={`state-label state-${conversation.state}`}>{text}</span>
}

/** Resolve or reopen, snooze, mark as unread (which leaves the chat: looking at it would read it again). */
export function StateActions({ conversation, timeZone }: { conversation: Conversation; timeZone: string }) {
  const { t } = useTranslation()
  const resolve = useResolveConversation()
  const reopen = useReopenConversation()
  const markUnread = useMarkUnread()
  const error = resolve.error ?? reopen.error ?? markUnread.error
  return (
    <div className="state-actions" role="group" aria-label={t('states.label')} title={t('states.keys')}>
      {conversation.state !== 'resolved' && (
        <button type="button" className="button" aria-keyshortcuts="e" disabled={resolve.isPending} onClick={() => resolve.mutate(conversation.id)}>
          {t('states.resolve')}
        </button>
      )}
      {conversation.state !== 'open' && (
        <button
          type="button"
          className="button"
          aria-keyshortcuts={conversation.state === 'resolved' ? 'e' : undefined}
          disabled={reopen.isPending}
          onClick={() => reopen.mutate(conversation.id)}
        >
          {t('states.reopen')}
        </button>
      )}
      <SnoozeMenu conversation={conversation} timeZone={timeZone} />
      <button
        type="button"
        className="button"
        aria-keyshortcuts="u"
        disabled={markUnread.isPending}
        onClick={() => {
          navigate('/')
          markUnread.mutate(conversation.id)
        }}
      >
        {t('states.markUnread')}
      </button>
      {error && (
        <p className="form-error" role="alert">
          {t('states.failed', { reason: error.message })}
        </p>
      )}
    </div>
  )
}
