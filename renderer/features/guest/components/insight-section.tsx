import { useTranslation } from 'react-i18next'
import { useConversation } from '@/queries/conversation'

/** What the guest's words tell: type, intent, persona (each with its evidence), dates, contact data. */
export function InsightSection({ conversationId }: { conversationId: string }) {
  const { t, i18n } = useTranslation()
  const conversation = useConversation(conversationId).data
  if (!conversation) return null
  const insight = conversation.insight
  const day = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString(i18n.language, { day: 'numeric', month: 'short', year: 'numeric' })
  return (
    <section aria-labelledby="insight-title">
      <h3 id="insight-title">{t('insight.title')}</h3>
      {!insight ? (
        <p className="muted">{t('insight.none')}</p>
      ) : (
        <dl className="facts">
          <dt>{t('insight.type')}</dt>
          <dd>{conversation.type ? t(`insight.types.${conversation.type}`) : t('guest.none')}</dd>
          <dt>{t('insight.intent')}</dt>
          <dd>
            <span className={`intent intent-${insight.intent.level}`}>{t(`insight.intents.${insight.intent.level}`)}</span>
            <span className="muted"> · {insight.intent.code ? t(`insight.intentReasons.${insight.intent.code}`) : insight.intent.reason}</span>
          </dd>
          <dt>{t('insight.persona')}</dt>
          <dd>
            {insight.persona ? (
              <>
                {t(`insight.personas.${insight.persona.tag}`)}
                <span className="muted">
                  {' · '}
                  {insight.persona.mentions
                    ? t('insight.mentions', { words: insight.persona.mentions.map((word) => `“${word}”`).join(', ') })
                    : insight.persona.evidence}
                </span>
              </>
            ) : (
              t('guest.none')
            )}
          </dd>
          <dt>{t('insight.dates')}</dt>
          <dd>
            {insight.dates.length ? (
              <ul className="plain">
                {insight.dates.map((date) => (
                  <li key={`${date.start}-${date.end}`}>
                    {date.end ? `${day(date.start)} – ${day(date.end)}` : day(date.start)} <span className="muted">“{date.text}”</span>
                  </li>
                ))}
              </ul>
            ) : (
              t('guest.none')
            )}
          </dd>
          <dt>{t('insight.captured')}</dt>
          <dd>
            {[...insight.captured.emails, ...insight.captured.phones].join(', ') || (!insight.captured.name && t('guest.none'))}
            {(insight.captured.emails.length > 0 || insight.captured.phones.length > 0) && <span className="muted"> ({t('insight.unverified')})</span>}
            {/* A name the guest writes is a claim: shown as theirs, never made the profile's name. */}
            {insight.captured.name && <div className="muted">{t('insight.saysName', { name: insight.captured.name })}</div>}
          </dd>
        </dl>
      )}
    </section>
  )
}
