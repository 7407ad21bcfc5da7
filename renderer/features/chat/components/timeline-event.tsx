import { useTranslation } from 'react-i18next'
import { formatDate } from '@/lib/relative-time'
import { useAgents } from '@/queries/agents'
import type { ConversationEvent } from '@api-contract'
import { useUndoGuestMerge } from '../api/workflow'

/**
 * A line in the chat for what happened besides messages: "Anna took over from the AI agent".
 * `undone`: for a guest merge, whether the timeline also holds its undo (no Undo offered then).
 */
export function TimelineEvent({ event, undone = false }: { event: ConversationEvent; undone?: boolean }) {
  const { t, i18n } = useTranslation()
  const agents = useAgents()
  const undo = useUndoGuestMerge()
  const tokenName = typeof event.data.tokenName === 'string' ? event.data.tokenName : null
  const who = event.agent?.name ?? (tokenName ? t('timeline.byToken', { name: tokenName }) : t('timeline.desk'))
  const other = typeof event.data.otherName === 'string' && event.data.otherName ? event.data.otherName : t('timeline.unnamedProfile')
  const reason = typeof event.data.reason === 'string' && event.data.reason ? t('timeline.mergeReason', { reason: event.data.reason }) : ''
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
      case 'guest_merged':
        return t('timeline.guestMerged', { who, other }) + reason
      case 'guest_merge_undone':
        return t('timeline.guestMergeUndone', { who, other })
      case 'resolved':
        return t('stateEvents.resolved', { who })
      case 'snoozed':
        return typeof event.data.until === 'string'
          ? t('stateEvents.snoozedUntil', { who, time: formatDate(new Date(event.data.until), i18n.language, 'dateTime') })
          : t('stateEvents.snoozedUntilGuest', { who })
      case 'reopened':
        if (event.data.reason === 'guest wrote') return t('stateEvents.reopenedGuestWrote')
        if (event.data.reason === 'snooze ended') return t('stateEvents.reopenedSnoozeEnded')
        return t('stateEvents.reopenedByStaff', { who })
    }
  })()
  const mergeId = event.type === 'guest_merged' && !undone && typeof event.data.mergeId === 'string' ? event.data.mergeId : null
  return (
    <div className="timeline-event" role="note">
      <span>
        {text} · {formatDate(new Date(event.createdAt), i18n.language, 'clock')}
        {mergeId && !undo.isSuccess && (
          <>
            {' · '}
            <button type="button" className="link-button" onClick={() => undo.mutate(mergeId)} disabled={undo.isPending}>
              {undo.isPending ? t('timeline.undoing') : t('timeline.undoMerge')}
            </button>
          </>
        )}
      </span>
      {undo.isError && (
        <span role="alert" className="timeline-event-error">
          {t('timeline.undoFailed', { reason: undo.error.message })}
        </span>
      )}
    </div>
  )
}
