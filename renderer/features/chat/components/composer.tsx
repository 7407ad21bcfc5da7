import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Conversation, ReplyRule, Template } from '@api-contract'
import { useTemplates } from '@/queries/templates'
import { COMPOSER_ID, CONVERSATION_LIST_ID, focusElement } from '@/lib/dom'
import { useNow } from '@/lib/use-now'
import { useSendReply } from '../api/messages'
import { fetchFilledTemplate } from '../api/workflow'
import { offeredTemplates, replyRuleAt } from '../reply-window'
import { useComposerActions, useComposerMode, useDraft } from '../stores/composer-store'
import { ComposerModeToggle } from './composer-mode-toggle'
import { NoteComposer } from './note-composer'
import { TemplatePicker } from './template-picker'

/** The chat's composer: a reply to the guest or an internal note for colleagues, as the toggle says. */
export function Composer({ conversation }: { conversation: Conversation }) {
  const mode = useComposerMode(conversation.id)
  return (
    <>
      <ComposerModeToggle conversationId={conversation.id} mode={mode} />
      {mode === 'note' ? <NoteComposer conversationId={conversation.id} /> : <ReplyComposer conversation={conversation} />}
    </>
  )
}

/**
 * The reply box, as the server's reply policy allows: a phone-call transcript gets a call-back link
 * instead; after the 24 h window, WhatsApp takes only approved templates and Messenger/Instagram
 * nothing, as the platforms require.
 */
function ReplyComposer({ conversation }: { conversation: Conversation }) {
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
  return <ReplyBox conversation={conversation} rule={rule} />
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

function ReplyBox({ conversation, rule }: { conversation: Conversation; rule: ReplyRule }) {
  const { t } = useTranslation()
  const conversationId = conversation.id
  const draft = useDraft(conversationId)
  const { draftTyped, replySent } = useComposerActions()
  const send = useSendReply(conversationId)
  const templates = offeredTemplates(useTemplates().data ?? [], conversation.channel, rule)
  const [failure, setFailure] = useState<string | null>(null)
  const [picker, setPicker] = useState<{ search: string } | null>(null)
  const [missing, setMissing] = useState<string[]>([])

  function submit() {
    const text = draft.trim()
    if (!text || send.isPending) return
    setFailure(null)
    send.mutate(
      { text },
      {
        onSuccess: () => {
          replySent(conversationId)
          setMissing([])
        },
        onError: (error) => setFailure(error.message),
      },
    )
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
        submit()
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
            submit()
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
      <button type="submit" className="button primary" disabled={!draft.trim() || draft.startsWith('/') || send.isPending}>
        {send.isPending ? t('composer.sending') : t('composer.send')}
      </button>
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
