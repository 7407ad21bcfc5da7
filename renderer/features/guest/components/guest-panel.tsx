import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { languageName } from '@/lib/language-name'
import { conversationOptions } from '@/queries/conversation'
import type { GuestPanel as GuestPanelData, Reservation } from '@api-contract'
import { ChannelBadge } from '@/components/channel-badge'
import { QueryFailure } from '@/components/query-failure'
import { SkeletonLines } from '@/components/skeleton'
import { guestLabel } from '@/lib/guest-label'
import { relativeTime } from '@/lib/relative-time'
import { AppLink } from '@/components/app-link'
import { conversationPath } from '@/lib/router'
import { useFailureShown } from '@/lib/use-failure-shown'
import { useNow } from '@/lib/use-now'
import { useGuestPanel } from '../api/guest-panel'
import { ContactSuggestions } from './contact-suggestions'
import { GuestAside } from './guest-aside'
import { InsightSection } from './insight-section'
import { ServiceRecordSection } from './service-record-form'

/** The guest beside the chat: contact details, reservations, and every other touchpoint. */
export function GuestPanel({ conversationId }: { conversationId: string | null }) {
  if (!conversationId) return null
  return <GuestDetails key={conversationId} conversationId={conversationId} />
}

function GuestDetails({ conversationId }: { conversationId: string }) {
  const { t, i18n } = useTranslation()
  const panel = useGuestPanel(conversationId)
  const conversation = useQuery({ ...conversationOptions(conversationId ?? ''), enabled: conversationId !== null })
  const failure = useFailureShown(panel)
  if (!panel.data) {
    return (
      <GuestAside busy={panel.isPending}>
        {failure ? (
          <QueryFailure error={failure} onRetry={() => panel.refetch()} retrying={panel.isFetching} />
        ) : (
          <>
            <SkeletonLines lines={1} />
            <SkeletonLines lines={4} />
            <SkeletonLines lines={3} />
          </>
        )}
      </GuestAside>
    )
  }
  const { profile, identity, reservations, otherConversations } = panel.data
  const identities = profile?.identities ?? (identity ? [identity] : [])
  const email = identities.find((i) => i.type === 'email')?.value
  const phone = identities.find((i) => i.type === 'phone')?.value
  const name = profile ? [profile.firstName, profile.lastName].filter(Boolean).join(' ') : ''
  // The profile's language, else the one the guest writes in this conversation (told from their messages).
  const told = profile?.language ?? conversation.data?.language ?? null
  const language = told ? languageName(told, i18n.language) : null

  return (
    <GuestAside>
      <h2>{name || identity?.value || t('guest.unknown')}</h2>
      <dl className="facts">
        <dt>{t('guest.name')}</dt>
        <dd>{name || t('guest.none')}</dd>
        <dt>{t('guest.email')}</dt>
        <dd>{email ? <a href={`mailto:${email}`}>{email}</a> : t('guest.none')}</dd>
        <dt>{t('guest.phone')}</dt>
        <dd>{phone ? <a href={`tel:${phone}`}>{phone}</a> : t('guest.none')}</dd>
        <dt>{t('guest.language')}</dt>
        <dd>{language ?? t('guest.none')}</dd>
      </dl>

      <ContactSuggestions conversationId={conversationId} />

      <h3>{t('guest.reservations')}</h3>
      {reservations.length ? reservations.map((r) => <ReservationCard key={r.id} reservation={r} />) : <p className="muted">{t('guest.noProfile')}</p>}

      <h3>{t('guest.touchpoints')}</h3>
      <Touchpoints conversations={otherConversations} />

      <InsightSection conversationId={conversationId} />

      <ServiceRecordSection conversationId={conversationId} />
    </GuestAside>
  )
}

function ReservationCard({ reservation }: { reservation: Reservation }) {
  const { t, i18n } = useTranslation()
  const day = (date: string) =>
    new Date(`${date}T12:00:00`).toLocaleDateString(i18n.language, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })
  return (
    <section className="reservation" aria-label={`${t('guest.confirmation')} ${reservation.confirmationNumber}`}>
      <dl className="facts">
        <dt>{t('guest.confirmation')}</dt>
        <dd className="mono">{reservation.confirmationNumber}</dd>
        <dt>{t('guest.arrival')}</dt>
        <dd>{day(reservation.arrival)}</dd>
        <dt>{t('guest.departure')}</dt>
        <dd>{day(reservation.departure)}</dd>
        <dt>{t('guest.room')}</dt>
        <dd>{reservation.room ?? t('guest.none')}</dd>
        <dt>{t('guest.status')}</dt>
        <dd>{t(`guest.reservationStatus.${reservation.status}`, { defaultValue: reservation.status })}</dd>
      </dl>
    </section>
  )
}

function Touchpoints({ conversations }: { conversations: GuestPanelData['otherConversations'] }) {
  const { t, i18n } = useTranslation()
  const now = useNow()
  if (!conversations.length) return <p className="muted">{t('guest.noTouchpoints')}</p>
  return (
    <ul className="touchpoints">
      {conversations.map((conversation) => (
        <li key={conversation.id}>
          <AppLink href={conversationPath(conversation.id)}>
            <ChannelBadge channel={conversation.channel} />
            <span className="touchpoint-preview">{conversation.lastMessagePreview || guestLabel(conversation, t)}</span>
            <time dateTime={conversation.lastMessageAt}>{relativeTime(conversation.lastMessageAt, now, i18n.language)}</time>
          </AppLink>
        </li>
      ))}
    </ul>
  )
}
