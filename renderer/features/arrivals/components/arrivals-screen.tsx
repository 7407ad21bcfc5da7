import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { QueryFailureOf } from '@/components/query-failure'
import { ChannelBadge } from '@/components/channel-badge'
import { AppLink } from '@/components/app-link'
import { conversationPath } from '@/lib/router'
import { useArrivals, type ArrivalDay } from '../api/arrivals'

/** Who walks in today or tomorrow, and what they asked before: unanswered and unread first. */
export function ArrivalsScreen() {
  const { t, i18n } = useTranslation()
  const [day, setDay] = useState<ArrivalDay>('today')
  const arrivals = useArrivals(day)
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
      <QueryFailureOf queries={[arrivals]} />
      {arrivals.data && arrivals.data.arrivals.length === 0 && (
        <p className="muted">
          {t('arrivals.none', { day: new Date(`${arrivals.data.day}T12:00:00Z`).toLocaleDateString(i18n.language, { dateStyle: 'full' }) })}
        </p>
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
