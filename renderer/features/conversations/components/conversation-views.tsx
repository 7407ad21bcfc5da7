import { useTranslation } from 'react-i18next'
import type { ConversationFilters, ConversationView } from '@api-contract'
import { useConversationCounts } from '../api/conversation-counts'
import { useFilterActions, useUnreadOnlyFilter, useViewFilter } from '../stores/filters-store'

const VIEWS: readonly ConversationView[] = ['needs_reply', 'open', 'snoozed', 'resolved', 'all']

/** Needs reply · Open · Snoozed · Resolved · All, each with how many it holds, and the unread-only switch. */
export function ConversationViews({ filters }: { filters: ConversationFilters }) {
  const { t, i18n } = useTranslation()
  const view = useViewFilter()
  const unreadOnly = useUnreadOnlyFilter()
  const { viewChosen, unreadOnlyToggled } = useFilterActions()
  const { view: _view, ...countFilters } = filters
  const counts = useConversationCounts(countFilters).data
  const number = new Intl.NumberFormat(i18n.language, { notation: 'compact' })
  return (
    <div className="views-bar">
      <div className="views" role="group" aria-label={t('views.label')}>
        {VIEWS.map((choice) => (
          <button key={choice} type="button" className={`view view-${choice}`} aria-pressed={view === choice} onClick={() => viewChosen(choice)}>
            <span className="view-name">{t(`views.${choice}`)}</span> <span className="view-count">{counts ? number.format(counts[choice]) : '…'}</span>
          </button>
        ))}
      </div>
      <button type="button" className="view unread-only" aria-pressed={unreadOnly} onClick={unreadOnlyToggled}>
        <span className="unread-dot" aria-hidden="true" />
        <span className="view-name">{t('views.unreadOnly')}</span>
      </button>
    </div>
  )
}
