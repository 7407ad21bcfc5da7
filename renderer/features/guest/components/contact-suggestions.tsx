import { useTranslation } from 'react-i18next'
import type { ContactSuggestion } from '@api-contract'
import { useDecideSuggestion, useSuggestions } from '../api/contact-suggestions'

/**
 * Contacts the guest wrote, for staff to decide on: never identities by themselves. A value that
 * belongs to another guest's profile can be linked (a guest merge, shown in the timeline with its
 * Undo); one nobody owns can be added to this guest's profile; either can be dismissed.
 */
export function ContactSuggestions({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation()
  const suggestions = useSuggestions(conversationId)
  const decide = useDecideSuggestion(conversationId)
  const shown = (suggestions.data ?? []).filter((suggestion) => suggestion.status !== 'dismissed')
  if (!shown.length) return null
  return (
    <section className="contact-suggestions" aria-labelledby="contact-suggestions-title">
      <h3 id="contact-suggestions-title">{t('suggestions.title')}</h3>
      <ul className="plain">
        {shown.map((suggestion) => (
          <li key={suggestion.id} className="contact-suggestion" aria-label={suggestion.value}>
            <p>
              <SuggestionText suggestion={suggestion} />
            </p>
            {suggestion.status === 'new' && (
              <div className="actions">
                <button
                  type="button"
                  className="button primary"
                  disabled={decide.isPending}
                  onClick={() => decide.mutate({ suggestionId: suggestion.id, decision: 'link' })}
                >
                  {suggestion.matchedGuest || suggestion.otherConversation ? t('suggestions.link') : t('suggestions.add')}
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={decide.isPending}
                  onClick={() => decide.mutate({ suggestionId: suggestion.id, decision: 'dismiss' })}
                >
                  {t('suggestions.dismiss')}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <p className="muted">{t('suggestions.hint')}</p>
      {decide.isError && <p role="alert">{t('suggestions.failed', { reason: decide.error.message })}</p>}
    </section>
  )
}

function SuggestionText({ suggestion }: { suggestion: ContactSuggestion }) {
  const { t } = useTranslation()
  const value = <strong className="mono">{suggestion.value}</strong>
  if (suggestion.status === 'linked')
    return (
      <>
        {t('suggestions.linkedBefore')}
        {value}
        {t('suggestions.linkedAfter')}
      </>
    )
  const owner = suggestion.matchedGuest
  if (!owner && suggestion.otherConversation)
    return (
      <>
        {t('suggestions.wrote')}
        {value}
        {t('suggestions.otherConversation')}
      </>
    )
  if (!owner)
    return (
      <>
        {t('suggestions.wrote')}
        {value}
        {t('suggestions.end')}
      </>
    )
  const name = owner.name ?? t('suggestions.unnamed')
  const booking = owner.confirmationNumbers.length ? ` (${owner.confirmationNumbers.join(', ')})` : ''
  return (
    <>
      {t('suggestions.wrote')}
      {value}
      {t('suggestions.belongsTo')}
      <strong>{name}</strong>
      {booking}
      {t('suggestions.end')}
    </>
  )
}
