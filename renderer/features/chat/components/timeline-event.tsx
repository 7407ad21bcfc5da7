import { useTranslation } from 'react-i18next'
import { useAgents } from '@/api/agents'
import type { ConversationEvent } from '@/api/dto'

/** A line in the chat for what happened besides messages: "Anna took over from the AI agent". */
export function TimelineEvent({ event }: { event: ConversationEvent }) {
  const { t, i18n } = useTranslation()
  const agents = useAgents()
  const who = event.agent?.name ?? t('timeline.desk')
  const text = (() => {
    switch (event.type) {
      case 'mode_changed':
        return event.data.mode === 'human' ? t('timeline.tookOver', { who }) : t('timeline.handedBack', { who })
      case 'handover':
        return t('timeline.handover', { reason: t(`timeline.reasons.${String(event.data.reason)}`, { defaultValue: String(event.data.reason ?? '') }) })
      case 'assigned': {
        const assignee = agents.data?.find((agent) => agent.id === event.data.assignedAgentId)?.name
        return assignee ? t('timeline.assigned', { who, assignee }) : t('timeline.unassigned', { who })
      }
      case 'lead_captured':
        return t('timeline.leadCaptured', { who })
      case 'lead_status':
        return t('timeline.leadStatus', { who, status: t(`leads.statuses.${String(event.data.status)}`) })
    }
  })()
  return (
    <div className="timeline-event" role="note">
      <span>
        {text} · {new Date(event.createdAt).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' })}
      </span>
    </div>
  )
}
