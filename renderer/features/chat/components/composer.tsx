import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Conversation, ReplyRule, Template } from '@api-contract'
import { useTemplates } from '@/queries/templates'
import { COMPOSER_ID, CONVERSATION_LIST_ID, focusElement } from '@/lib/dom'
import { useNow } from '@/lib/use-now'
import { languageName } from '@/lib/language-name'
import { useSendReply } from '../api/messages'
import { translateReply } from '../api/translations'
import { fetchFilledTemplate } from '../api/workflow'
import { offeredTemplates, replyRuleAt } from '../reply-window'
import { useComposerActions, useComposerMode, useDraft } from '../stores/composer-store'
import { ComposerModeToggle } from './composer-mode-toggle'
import { NoteComposer } from './note-composer'
import { TemplatePicker } from './template-picker'

/** The box holding a reply's translation for review. */
const REVIEW_ID = 'composer-review'

/** The chat's composer: a reply to the guest or an internal note for colleagues, as the toggle says. */
export function Composer({ conversation, translateInto = null }: { conversation: Conversation; translateInto?: string | null }) {
  const mode = useComposerMode(conversation.id)
  return (
    <>
      <ComposerModeToggle conversationId={conversation.id} mode={mode} />
      {mode === 'note' ? <NoteComposer conversationId={conversation.id} /> : <ReplyComposer conversation={conversation} translateInto={translateInto} />}
    </>
  )
}

/**
 * The reply box, as the server's reply policy allows: a phone-call transcript gets a call-back link
 * instead; after the 24 h window, WhatsApp takes only approved templates and Messenger/Instagram
 * nothing, as the platforms require.
 */
/** `translateInto`: the guest's language, when the property translates and the guest reads another than staff write. */
function ReplyComposer({ conversation, translateInto }: { conversation: Conversation; translateInto: string | null }) {
  const { t } = useTranslation()
  const now = useNow(30_000)
  const rule = replyRuleAt(conversation.replyPolicy, now)
  if (rule.reason === 'no-reply-channel') {
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
  if (!rule.canReply) {
    return (
      <div className="composer composer-readonly" role="note">
        <p>{t('composer.windowClosed', { channel: t(`channel.${conversation.channel}`) })}</p>
      </div>
    )
  }
  if (rule.templatesOnly) return <TemplatesOnly conversation={conversation} rule={rule} />
  return <ReplyBox conversation={conversation} rule={rule} translateInto={translateInto} />
}

function TemplatesOnly({ conversation, rule }: { conversation: Conversation; rule: ReplyRule }) {
  const { t } = useTranslation()
  const templates = offeredTemplates(useTemplates().data ?? [], conversation.channel, rule)
  const send = useSendReply(conversation.id)
  return (
    <div className="composer composer-templates" role="note">
      <p>{t('composer.whatsappWindow')}</p>
      <TemplatePicker templates={templates} action="send" onChoose={(template) => send.mutate({ templateId: template.id })} onClose={() => undefined} />
      {send.isError && (
        <p className="form-error" role="alert">
          {t('composer.failed', { reason: send.error.message })}
        </p>
      )}
    </div>
  )
}

function ReplyBox({ conversation, rule, translateInto }: { conversation: Conversation; rule: ReplyRule; translateInto: string | null }) {
  const { t, i18n } = useTranslation()
  const writtenIn = i18n.resolvedLanguage ?? 'en'
  // Translated for the guest before sending, unless staff choose to send their own words.
  const [translating, setTranslating] = useState(true)
  const [review, setReview] = useState<{ original: string; text: string } | null>(null)
  const [asking, setAsking] = useState(false)
  // The translation in, the keyboard goes on in its box: Enter sends it.
  const reviewing = review !== null
  useEffect(() => {
    if (reviewing) focusElement(REVIEW_ID)
  }, [reviewing])
  const conversationId = conversation.id
  const draft = useDraft(conversationId)
  const { draftTyped, replySent } = useComposerActions()
  const send = useSendReply(conversationId)
  const templates = offeredTemplates(useTemplates().data ?? [], conversation.channel, rule)
  const [failure, setFailure] = useState<string | null>(null)
  const [picker, setPicker] = useState<{ search: string } | null>(null)
  const [missing, setMissing] = useState<string[]>([])

  async function submit() {
    const text = draft.trim()
    if (!text || send.isPending || asking) return
    setFailure(null)
    if (translateInto && translating && !review) {
      // First the translation, shown for review; nothing is sent yet.
      setAsking(true)
      try {
        setReview({ original: text, text: (await translateReply(conversationId, text, writtenIn, translateInto)).text })
      } catch (error) {
        setFailure(t('composer.translationFailed', { reason: (error as Error).message }))
      } finally {
        setAsking(false)
      }
      return
    }
    const reply = review ? { text: review.text.trim(), original: { text: review.original, language: writtenIn } } : { text }
    send.mutate(reply, {
      onSuccess: () => {
        replySent(conversationId)
        setReview(null)
        setMissing([])
      },
      onError: (error) => setFailure(error.message),
    })
  }

  async function applyTemplate(template: Template) {
    setPicker(null)
    try {
      const filled = await fetchFilledTemplate(conversationId, template.id)
      draftTyped(conversationId, filled.text)
      setMissing(filled.missing)
    } catch (error) {
      setFailure((error as Error).message)
    }
    focusElement(COMPOSER_ID)
  }

  return (
    <form
      className="composer"
      onSubmit={(event) => {
        event.preventDefault()
        void submit()
      }}
    >
      {rule.reason === 'window-closed-with-warning' && (
        <p className="composer-warning" role="status">
          {t('composer.expiredWarning')}
        </p>
      )}
      {picker && (
        <TemplatePicker
          templates={templates}
          initialSearch={picker.search}
          action="use"
          onChoose={(tpl) => void applyTemplate(tpl)}
          onClose={() => setPicker(null)}
        />
      )}
      <button
        type="button"
        className="button"
        aria-label={t('templates.open')}
        title={t('templates.open')}
        onClick={() => setPicker(picker ? null : { search: '' })}
      >
        ⚡
      </button>
      <label className="visually-hidden" htmlFor={COMPOSER_ID}>
        {t('composer.label')}
      </label>
      <textarea
        id={COMPOSER_ID}
        dir="auto"
        rows={2}
        maxLength={5000}
        placeholder={t('composer.placeholder')}
        value={draft}
        onChange={(event) => {
          const text = event.target.value
          draftTyped(conversationId, text)
          // "/" at the start opens the picker, searching what follows it.
          if (text.startsWith('/') && !text.includes(' ') && !text.includes('\n')) setPicker({ search: text.slice(1) })
          else if (picker && text !== '') setPicker(null)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault()
            if (picker && draft.startsWith('/')) {
              const first = templates.find((tpl) => tpl.shortcut.startsWith(draft.slice(1)) || tpl.name.toLowerCase().includes(draft.slice(1).toLowerCase()))
              if (first) void applyTemplate(first)
              return
            }
            void submit()
          } else if (event.key === 'Escape') {
            event.preventDefault()
            if (picker) {
              setPicker(null)
              return
            }
            event.currentTarget.blur()
            focusElement(CONVERSATION_LIST_ID)
          }
        }}
      />
      <button type="submit" className="button primary" disabled={!draft.trim() || draft.startsWith('/') || send.isPending || asking || review !== null}>
        {send.isPending ? t('composer.sending') : asking ? t('composer.translating') : t('composer.send')}
      </button>
      {translateInto && (
        <label className="checkbox composer-translate">
          <input type="checkbox" checked={translating} onChange={() => setTranslating(!translating)} disabled={review !== null} />
          {t('composer.translateBefore', { language: languageName(translateInto, i18n.language) })}
        </label>
      )}
      {review && translateInto && (
        <div className="composer-review" role="group" aria-label={t('composer.review', { language: languageName(translateInto, i18n.language) })}>
          <p>{t('composer.review', { language: languageName(translateInto, i18n.language) })}</p>
          <textarea
            id={REVIEW_ID}
            dir="auto"
            lang={translateInto}
            rows={2}
            maxLength={5000}
            aria-label={t('composer.reviewBox')}
            value={review.text}
            onChange={(event) => setReview({ ...review, text: event.target.value })}
            onKeyDown={(event) => {
              // As in the reply box: Enter sends (Shift+Enter a new line); Escape goes back to the text.
              if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
                event.preventDefault()
                void submit()
              } else if (event.key === 'Escape') {
                event.preventDefault()
                setReview(null)
                focusElement(COMPOSER_ID)
              }
            }}
          />
          <div className="composer-review-actions">
            <button type="button" className="button primary" disabled={!review.text.trim() || send.isPending} onClick={() => void submit()}>
              {send.isPending ? t('composer.sending') : t('composer.sendTranslation')}
            </button>
            <button type="button" className="button" onClick={() => setReview(null)}>
              {t('composer.backToEdit')}
            </button>
          </div>
        </div>
      )}
      {missing.length > 0 && (
        <p className="composer-warning" role="status">
          {t('templates.missing', { variables: missing.join(', ') })}
        </p>
      )}
      {failure && (
        <p className="form-error" role="alert">
          {t('composer.failed', { reason: failure })}
        </p>
      )}
    </form>
  )
}
