import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Conversation } from '@/api/dto'
import { COMPOSER_ID, CONVERSATION_LIST_ID, focusElement } from '@/lib/dom'
import { useSendReply } from '../api/messages'
import { useComposerActions, useDraft } from '../stores/composer-store'

/** The reply box; a phone-call transcript gets a call-back link instead, since it has no reply channel. */
export function Composer({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation()
  if (conversation.channel === 'phone') {
    const phone = conversation.guest.identity?.type === 'phone' ? conversation.guest.identity.value : null
    return (
      <div className="composer composer-readonly" role="note">
        <p>{t('composer.phoneReadOnly')}</p>
        {phone ? (
          <a className="button" href={`tel:${phone}`}>
            {t('composer.callBack', { phone })}
          </a>
        ) : (
          <p>{t('composer.noPhone')}</p>
        )}
      </div>
    )
  }
  return <ReplyBox conversationId={conversation.id} />
}

function ReplyBox({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation()
  const draft = useDraft(conversationId)
  const { draftTyped, replySent } = useComposerActions()
  const send = useSendReply(conversationId)
  const [failure, setFailure] = useState<string | null>(null)

  function submit() {
    const text = draft.trim()
    if (!text || send.isPending) return
    setFailure(null)
    send.mutate(text, {
      onSuccess: () => replySent(conversationId),
      onError: (error) => setFailure(error.message),
    })
  }

  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault()
        submit()
      }}
    >
      <label className="visually-hidden" htmlFor={COMPOSER_ID}>
        {t('composer.label')}
      </label>
      <textarea
        id={COMPOSER_ID}
        rows={2}
        maxLength={5000}
        placeholder={t('composer.placeholder')}
        value={draft}
        onChange={(event) => draftTyped(conversationId, event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault()
            submit()
          } else if (event.key === 'Escape') {
            event.preventDefault()
            event.currentTarget.blur()
            focusElement(CONVERSATION_LIST_ID)
          }
        }}
      />
      <button type="submit" className="button primary" disabled={!draft.trim() || send.isPending}>
        {send.isPending ? t('composer.sending') : t('composer.send')}
      </button>
      {failure && (
        <p className="form-error" role="alert">
          {t('composer.failed', { reason: failure })}
        </p>
      )}
    </form>
  )
}
