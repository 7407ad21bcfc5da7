import { useTranslation } from 'react-i18next'
import { useAgents } from '@/queries/agents'
import type { Conversation, LeadStatus } from '@api-contract'
import { ChannelBadge } from '@/components/channel-badge'
import { guestLabel } from '@/lib/guest-label'
import { useNow } from '@/lib/use-now'
import { useProperties } from '@/queries/properties'
import { useAssign, useMarkLead, useSetMode, useUpdateLeadStatus } from '../api/workflow'
import { GuestDrawerToggle } from './guest-drawer-toggle'
import { windowLeft } from '../reply-window'
import { StateActions, StateLabel } from './state-actions'
import { languageName } from '@/lib/language-name'

const LOCAL_TIME_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone

const LEAD_STATUSES: readonly LeadStatus[] = ['new', 'contacted', 'follow_up', 'converted', 'lost']

/** Who and where, the session window, and what staff do with the conversation: take over, assign, mark as lead. */
export function ChatHeader({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation()
  const now = useNow(30_000)
  const left = windowLeft(conversation.replyPolicy, now)
  // Snoozes are set and told on the hotel's clock.
  const timeZone = useProperties().data?.find((property) => property.id === conversation.propertyId)?.timeZone ?? LOCAL_TIME_ZONE
  return (
    <header className="chat-header">
      <div className="chat-heading">
        <div className="chat-heading-top">
          <h2 id="chat-title">{guestLabel(conversation, t)}</h2>
          <ChannelBadge channel={conversation.channel} />
          <span className={`status status-${conversation.status}`}>
            {left === null ? t('chat.expired') : t('chat.activeFor', { hours: Math.floor(left / 3_600_000), minutes: Math.floor((left % 3_600_000) / 60_000) })}
          </span>
          <StateLabel conversation={conversation} timeZone={timeZone} now={now} />
        </div>
        <ChatMeta conversation={conversation} />
      </div>
      <div className="chat-tools">
        <StateActions conversation={conversation} timeZone={timeZone} />
        <ModeToggle conversation={conversation} />
        <AssignSelect conversation={conversation} />
        <LeadControl conversation={conversation} />
        <GuestDrawerToggle />
      </div>
    </header>
  )
}

function ModeToggle({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation()
  const setMode = useSetMode(conversation.id)
  return (
    <div className="mode-toggle" role="group" aria-label={t('chat.mode')}>
      {(['ai', 'human'] as const).map((mode) => (
        <button
          key={mode}
          type="button"
          aria-pressed={conversation.mode === mode}
          disabled={setMode.isPending}
          onClick={() => conversation.mode !== mode && setMode.mutate(mode)}
        >
          {t(mode === 'ai' ? 'chat.aiAgent' : 'chat.humanAgent')}
        </button>
      ))}
    </div>
  )
}

function AssignSelect({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation()
  const agents = useAgents()
  const assign = useAssign(conversation.id)
  return (
    <label>
      <span className="visually-hidden">{t('chat.assignee')}</span>
      <select value={conversation.routing.assignedAgentId ?? ''} onChange={(event) => assign.mutate(event.target.value || null)} disabled={assign.isPending}>
        <option value="">{t('chat.unassigned')}</option>
        {(agents.data ?? [])
          .filter((agent) => agent.active || agent.id === conversation.routing.assignedAgentId)
          .map((agent) => (
            <option key={agent.id} value={agent.id}>
              {agent.name}
            </option>
          ))}
      </select>
    </label>
  )
}

function LeadControl({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation()
  const mark = useMarkLead(conversation.id)
  const update = useUpdateLeadStatus(conversation.id)
  if (!conversation.lead) {
    return (
      <button type="button" className="button" onClick={() => mark.mutate()} disabled={mark.isPending}>
        {t('chat.markLead')}
      </button>
    )
  }
  const leadId = conversation.lead.id
  return (
    <label className="lead-control">
      <span className="lead-badge">{t('leads.lead')}</span>
      <span className="visually-hidden">{t('leads.status')}</span>
      <select
        value={conversation.lead.status}
        onChange={(event) => update.mutate({ leadId, status: event.target.value as LeadStatus })}
        disabled={update.isPending}
      >
        {LEAD_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`leads.statuses.${status}`)}
          </option>
        ))}
      </select>
    </label>
  )
}

/** The language the guest writes, where the conversation came from (account, department, order) and where it waits (queue). */
function ChatMeta({ conversation }: { conversation: Conversation }) {
  const { t, i18n } = useTranslation()
  const { channelAccount, outlet, orderCode } = conversation.source
  const parts = [
    conversation.language && t('chat.writes', { language: languageName(conversation.language, i18n.language) }),
    channelAccount && t('chat.via', { account: channelAccount.name }),
    outlet && t('chat.department', { name: outlet.name }),
    orderCode && t('chat.order', { code: orderCode }),
    conversation.routing.queueState && t(`chat.${conversation.routing.queueState}`),
  ].filter((part): part is string => Boolean(part))
  if (!parts.length) return null
  return (
    <p className="chat-meta">
      {parts.map((part) => (
        <span key={part}>{part}</span>
      ))}
    </p>
  )
}
