import type { TFunction } from 'i18next'
import { memo } from 'react'
import type { Conversation, ReplyTargets } from '@api-contract'
import { ChannelIcon } from '@/components/channel-icon'
import { guestLabel } from '@/lib/guest-label'
import { relativeTime } from '@/lib/relative-time'
import { waitedText, waitingLevel } from '@/lib/waiting-time'
import { conversationPath, navigate } from '@/lib/router'
import { useSignedInAgentId } from '@/queries/signed-in-agent'
import { previewAuthor } from '../preview-author'

interface ConversationRowProps {
  conversation: Conversation
  selected: boolean
  highlighted: boolean
  now: number
  /** The property's reply targets: when the waiting badge turns amber and red. */
  replyTargets: ReplyTargets
  /** Words searched for in the messages: the chat highlights them. */
  find?: string
  /** Tag the snoozed and resolved rows (in the All view, where they sit among the open ones). */
  stateShown?: boolean
  /** The list's own translation and language: its rows do not each subscribe to language changes. */
  t: TFunction
  language: string
}

/** One line of the list: who, where, the last words, how long ago, how many unread. */
export const ConversationRow = memo(function ConversationRow({
  conversation,
  selected,
  highlighted,
  now,
  replyTargets,
  find,
  stateShown = false,
  t,
  language,
}: ConversationRowProps) {
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
        <span className="row-name" dir="auto">
          {guestLabel(conversation, t)}
        </span>
        {conversation.state === 'open' && conversation.waitingSince && (
          <WaitingBadge waitedMs={now - Date.parse(conversation.waitingSince)} replyTargets={replyTargets} t={t} />
        )}
        {stateShown && conversation.state !== 'open' && (
          <span className={`state-tag state-${conversation.state}`}>{t(`states.${conversation.state === 'resolved' ? 'resolved' : 'snoozed'}`)}</span>
        )}
        <time className="row-time" dateTime={conversation.lastMessageAt}>
          {relativeTime(conversation.lastMessageAt, now, language)}
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
          <PreviewPrefix conversation={conversation} t={t} />
          {/* The guest's own words run in their own direction (Arabic, Hebrew right to left), whatever the inbox's. */}
          <bdi>{conversation.lastMessagePreview}</bdi>
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

/** "You:" for the signed-in agent's own replies, a colleague's name for theirs, "AI:" for the AI agent's. */
function PreviewPrefix({ conversation, t }: { conversation: Conversation; t: TFunction }) {
  const author = previewAuthor(conversation.lastMessageBy, useSignedInAgentId())
  if (!author) return null
  return (
    <span className="row-preview-author">{author.kind === 'agent' ? t('notes.preview.agent', { name: author.name }) : t(`notes.preview.${author.kind}`)}</span>
  )
}

/** How long the guest has waited for a reply, amber past the warning target and red past the late one, told in words too. */
function WaitingBadge({ waitedMs, replyTargets, t }: { waitedMs: number; replyTargets: ReplyTargets; t: TFunction }) {
  const level = waitingLevel(waitedMs, replyTargets)
  const time = waitedText(waitedMs, t)
  const label = t(`waiting.label_${level}`, { time, minutes: level === 'late' ? replyTargets.lateMinutes : replyTargets.warnMinutes })
  return (
    <span className={`waiting-badge waiting-${level}`} title={label}>
      <span aria-hidden="true">{time}</span>
      <span className="visually-hidden">{label}</span>
    </span>
  )
}
