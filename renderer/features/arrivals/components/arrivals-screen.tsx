import { queryOptions, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { apiFetch, queryString } from '@/api/client'
import type { Arrival } from '@api-contract'
import { arrivalKeys } from '@/api/query-keys'
import { ChannelBadge } from '@/components/channel-badge'
import { AppLink } from '@/components/app-link'
import { conversationPath } from '@/lib/router'

const arrivalsOptions = (day: 'today' | 'tomorrow') =>
  queryOptions({
    queryKey: arrivalKeys.day(day),
    queryFn: ({ signal }) => apiFetch<{ day: string; arrivals: Arrival[] }>(`/v1/arrivals${queryString({ day })}`, { signal }),
  })

/** Who walks in today or tomorrow, and what they asked before: unanswered and unread first. */
export function ArrivalsScreen() {
  const { t, i18n } = useTranslation()
  const [day, setDay] = useState<'today' | 'tomorrow'>('today')
  const arrivals = useQuery(arrivalsOptions(day))
  return (
    <main className="page" aria-labelledby="arrivals-title">
      <h1 id="arrivals-title">{t('arrivals.title')}</h1>
      <div className="channel-tabs" role="group" aria-label={t('arrivals.title')}>
        {(['today', 'tomorrow'] as const).map((choice) => (
          <button key={choice} type="button" className="chip" aria-pressed={day === choice} onClick={() => setDay(choice)}>
            {t(`arrivals.${choice}`)}
          </button>
        ))}
      </div>
      {arrivals.data && arrivals.data.arrivals.length === 0 && (
        <p className="muted">{t('arrivals.none', { day: new Date(`${arrivals.data.day}T12:00:00Z`).toLocaleDateString(i18n.language, { dateStyle: 'full' }) })}</p>
      )}
      {(arrivals.data?.arrivals ?? []).map((arrival) => (
        <section key={arrival.reservation.id} className="card arrival" aria-label={arrival.guestName ?? arrival.reservation.confirmationNumber}>
          <header className="arrival-head">
            <h2>{arrival.guestName ?? t('guest.unknown')}</h2>
            <span className="mono">{arrival.reservation.confirmationNumber}</span>
            <span>{arrival.reservation.room ? t('arrivals.room', { room: arrival.reservation.room }) : t('arrivals.noRoom')}</span>
            {arrival.openQuestions > 0 && <span className="open-badge">{t('arrivals.open', { count: arrival.openQuestions })}</span>}
            {arrival.unread > 0 && <span className="unread-count">{t('arrivals.unread', { count: arrival.unread })}</span>}
          </header>
          {arrival.conversations.length === 0 ? (
            <p className="muted">{t('arrivals.noConversations')}</p>
          ) : (
            <ul className="touchpoints">
              {arrival.conversations.map((conversation) => (
                <li key={conversation.id}>
                  <AppLink href={conversationPath(conversation.id)}>
                    <ChannelBadge channel={conversation.channel} />
                    <span className="touchpoint-preview">{conversation.lastMessagePreview}</span>
                  </AppLink>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </main>
  )
}
