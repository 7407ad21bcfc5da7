import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useDismissSuggestion, useSendSuggestion, useSuggestion } from '../api/suggestion'

/**
 * The AI agent's proposed reply above the composer, when it was not sure enough to answer the guest
 * itself: staff send it as it is, edit it first, or dismiss it.
 */
export function SuggestionBar({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation()
  const suggestion = useSuggestion(conversationId).data
  const send = useSendSuggestion(conversationId)
  const dismiss = useDismissSuggestion(conversationId)
  const [editing, setEditing] = useState<string | null>(null)
  if (!suggestion) return null
  const failure = send.error ?? dismiss.error
  const busy = send.isPending || dismiss.isPending

  return (
    <section className="suggestion-bar" aria-label={t('suggestion.label')}>
      <p className="suggestion-title">{t('suggestion.title')}</p>
      {editing === null ? (
        <p className="suggestion-text">{suggestion.text}</p>
      ) : (
        <>
          <label className="visually-hidden" htmlFor="suggestion-edit">
            {t('suggestion.editLabel')}
          </label>
          <textarea id="suggestion-edit" rows={3} value={editing} onChange={(event) => setEditing(event.target.value)} />
        </>
      )}
      <div className="suggestion-actions">
        <button
          type="button"
          className="button primary"
          disabled={busy || editing?.trim() === ''}
          onClick={() => send.mutate(editing === null ? undefined : editing.trim(), { onSuccess: () => setEditing(null) })}
        >
          {t('suggestion.send')}
        </button>
        {editing === null && (
          <button type="button" className="button" disabled={busy} onClick={() => setEditing(suggestion.text)}>
            {t('suggestion.edit')}
          </button>
        )}
        <button type="button" className="button" disabled={busy} onClick={() => dismiss.mutate()}>
          {t('suggestion.dismiss')}
        </button>
      </div>
      {failure && (
        <p className="form-error" role="alert">
          {failure.message}
        </p>
      )}
    </section>
  )
}
