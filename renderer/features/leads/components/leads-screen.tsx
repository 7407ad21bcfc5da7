import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { QueryFailure } from '@/components/query-failure'
import { useFailureShown } from '@/lib/use-failure-shown'
import type { LeadDetail, LeadStatus } from '@api-contract'
import { ChannelBadge } from '@/components/channel-badge'
import { AppLink } from '@/components/app-link'
import { conversationPath } from '@/lib/router'
import { useLeads, useUpdateLead } from '../api/leads'

const STATUSES: readonly LeadStatus[] = ['new', 'contacted', 'follow_up', 'converted', 'lost']

/** Every lead, filterable by status; status and notes editable in place. */
export function LeadsScreen() {
  const { t } = useTranslation()
  const [status, setStatus] = useState<LeadStatus | 'all'>('all')
  const leads = useLeads(status)
  const failure = useFailureShown(leads)
  return (
    <main className="page" aria-labelledby="leads-title">
      <h1 id="leads-title">{t('leads.title')}</h1>
      <label>
        <span className="visually-hidden">{t('leads.status')}</span>
        <select value={status} onChange={(event) => setStatus(event.target.value as LeadStatus | 'all')}>
          <option value="all">{t('leads.all')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`leads.statuses.${s}`)}
            </option>
          ))}
        </select>
      </label>
      {failure && <QueryFailure error={failure} onRetry={() => leads.refetch()} retrying={leads.isFetching} />}
      <table className="agents leads">
        <thead>
          <tr>
            <th scope="col">{t('leads.guest')}</th>
            <th scope="col">{t('leads.channel')}</th>
            <th scope="col">{t('leads.status')}</th>
            <th scope="col">{t('leads.notes')}</th>
            <th scope="col">{t('leads.updated')}</th>
          </tr>
        </thead>
        <tbody>
          {(leads.data ?? []).map((lead) => (
            <LeadRow key={lead.id} lead={lead} />
          ))}
        </tbody>
      </table>
      {leads.isSuccess && leads.data.length === 0 && <p className="muted">{t('leads.empty')}</p>}
    </main>
  )
}

function LeadRow({ lead }: { lead: LeadDetail }) {
  const { t, i18n } = useTranslation()
  const [notes, setNotes] = useState(lead.notes)
  const update = useUpdateLead(lead.id)
  const name = lead.guestName ?? t('guest.unknown')
  return (
    <tr>
      <td>
        <AppLink href={conversationPath(lead.conversationId)}>{name}</AppLink>
        {lead.reservationId && <span className="muted"> · {t('leads.reservation')}</span>}
      </td>
      <td>
        <ChannelBadge channel={lead.channel} />
      </td>
      <td>
        <select
          aria-label={`${t('leads.status')}: ${name}`}
          value={lead.status}
          onChange={(event) => update.mutate({ status: event.target.value as LeadStatus })}
        >
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`leads.statuses.${s}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <form
          className="inline-form"
          onSubmit={(event) => {
            event.preventDefault()
            update.mutate({ notes })
          }}
        >
          <input aria-label={`${t('leads.notes')}: ${name}`} value={notes} maxLength={10_000} onChange={(event) => setNotes(event.target.value)} />
          <button type="submit" className="button" disabled={notes === lead.notes}>
            {t('leads.saveNotes')}
          </button>
        </form>
      </td>
      <td>{new Date(lead.updatedAt).toLocaleString(i18n.language, { dateStyle: 'short', timeStyle: 'short' })}</td>
    </tr>
  )
}
