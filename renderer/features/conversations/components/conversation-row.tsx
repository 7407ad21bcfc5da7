import type { TFunction } from 'i18next'
import { memo } from 'react'
import type { Conversation } from '@api-contract'
import { ChannelIcon } from '@/components/channel-icon'
import { guestLabel } from '@/lib/guest-label'
import { relativeTime } from '@/lib/relative-time'
import { conversationPath, navigate } from '@/lib/router'

interface ConversationRowProps {
  conversation: Conversation
  selected: boolean
  highlighted: boolean
  now: number
  /** Words searched for in the messages: the chat highlights them. */
  find?: string
  /** The list's own translation and language: its rows do not each subscribe to language changes. */
  t: TFunction
  language: string
}

/** One line of the list: who, where, the last words, how long ago, how many unread. */
export const ConversationRow = memo(function ConversationRow({ conversation, selected, highlighted, now, find, t, language }: ConversationRowProps) {
  const unread = conversation.unreadCount
  const href = find ? `${conversationPath(conversation.id)}?find=${encodeURIComponent(find)}` : conversationPath(conversation.id)
  return (
    <a
      href={href}
      id={`row-${conversation.id}`}
      className={`conversation-row${selected ? ' selected' : ''}${highlighted ? ' highlighted' : ''}${unread ? ' unread' : ''}`}
      aria-current={selected ? 'page' : undefined}
      data-conversation-id={conversation.id}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return
        event.preventDefault()
        navigate(href)
      }}
    >
      <span className="row-top">
        <span className="row-name">{guestLabel(conversation, t)}</span>
        <time className="row-time" dateTime={conversation.lastMessageAt}>
          {relativeTime(conversation.lastMessageAt, now, t, language)}
        </time>
      </span>
      <span className="row-bottom">
        <ChannelIcon channel={conversation.channel} t={t} />
        {conversation.source.outlet && <span className="row-department">{conversation.source.outlet.name}</span>}
        {conversation.lead && <span className="lead-badge">{t('leads.lead')}</span>}
        {/* One lead marker: a captured lead's badge already says what the "Lead" type would. */}
        {conversation.type && !(conversation.type === 'lead' && conversation.lead) && (
          <span className="type-tag" title={t('layout.conversationType')}>
            {t(`insight.types.${conversation.type}`)}
          </span>
        )}
        {conversation.persona && (
          <span className="persona-tag" title={t('layout.guestPersona')}>
            {t(`insight.personas.${conversation.persona}`)}
          </span>
        )}
        <span className="row-preview">
          {conversation.lastMessageDirection === 'out' ? t('list.you') : ''}
          {conversation.lastMessagePreview}
        </span>
        {unread > 0 && (
          <span className="unread-count" aria-label={t('list.unread', { count: unread })}>
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </span>
    </a>
  )
})
