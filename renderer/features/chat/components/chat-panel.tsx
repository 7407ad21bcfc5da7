import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '@/api/client'
import { useAgents } from '@/api/agents'
import { useConversation } from '@/api/conversations'
import type { Conversation } from '@/api/dto'
import { ChannelBadge } from '@/components/channel-badge'
import { guestLabel } from '@/lib/guest-label'
import { useMarkRead } from '../api/messages'
import { Composer } from './composer'
import { MessageHistory } from './message-history'

/** The right-hand chat: who and where in the header, the history, and the composer. */
export function ChatPanel({ conversationId }: { conversationId: string | null }) {
  const { t } = useTranslation()
  if (!conversationId) {
    return (
      <section className="chat-panel chat-empty" aria-label={t('chat.none')}>
        <h2>{t('chat.none')}</h2>
        <p>{t('chat.noneHint')}</p>
      </section>
    )
  }
  return <OpenChat key={conversationId} conversationId={conversationId} />
}

function OpenChat({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation()
  const conversation = useConversation(conversationId)
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
  if (!conversation.data) return <section className="chat-panel" aria-busy="true" />
  const data = conversation.data
  return (
    <section className="chat-panel" aria-labelledby="chat-title">
      <header className="chat-header">
        <div className="chat-heading">
          <div className="chat-heading-top">
            <h2 id="chat-title">{guestLabel(data, t)}</h2>
            <ChannelBadge channel={data.channel} />
          </div>
          <ChatMeta conversation={data} />
        </div>
        <span className={`status status-${data.status}`}>{t(`chat.${data.status}`)}</span>
      </header>
      <MessageHistory conversationId={conversationId} />
      <Composer conversation={data} />
    </section>
  )
}

/** Where the conversation came from (account, department, order) and who has it (queue, assignee). */
function ChatMeta({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation()
  const agents = useAgents({ enabled: conversation.routing.assignedAgentId !== null })
  const { channelAccount, outlet, orderCode } = conversation.source
  const { queueState, assignedAgentId } = conversation.routing
  const assignee = assignedAgentId ? agents.data?.find((agent) => agent.id === assignedAgentId)?.name : undefined
  const parts = [
    channelAccount && t('chat.via', { account: channelAccount.name }),
    outlet && t('chat.department', { name: outlet.name }),
    orderCode && t('chat.order', { code: orderCode }),
  ].filter(Boolean)
  const routing = [queueState && t(`chat.${queueState}`), assignee && t('chat.assignedTo', { name: assignee })].filter(Boolean)
  if (!parts.length && !routing.length) return null
  return (
    <p className="chat-meta">
      {parts.map((part) => (
        <span key={part}>{part}</span>
      ))}
      {routing.map((part) => (
        <span key={part} className="routing">
          {part}
        </span>
      ))}
    </p>
  )
}
