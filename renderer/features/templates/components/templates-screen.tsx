import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Channel, Template } from '@api-contract'
import { QueryFailureOf } from '@/components/query-failure'
import { useTemplates } from '@/queries/templates'
import { useAddTemplate, useRemoveTemplate, useUpdateTemplate } from '../api/templates'

const CHANNELS: readonly Channel[] = ['web_chat', 'whatsapp', 'facebook', 'instagram', 'sms', 'email', 'guest_app']
type Draft = Pick<Template, 'name' | 'shortcut' | 'body' | 'language' | 'channel' | 'approval'>
const EMPTY: Draft = { name: '', shortcut: '', body: '', language: 'en', channel: null, approval: null }

/** Quick-reply templates (admins): name, shortcut, text with variables, language, channel, WhatsApp approval. */
export function TemplatesScreen() {
  const { t, i18n } = useTranslation()
  // A new template starts in the agent's own language.
  const writtenIn = (i18n.resolvedLanguage ?? 'en').split('-')[0]!
  const templates = useTemplates()
  const add = useAddTemplate()
  return (
    <main className="page" aria-labelledby="templates-title">
      <h1 id="templates-title">{t('templates.title')}</h1>
      <p className="muted">{t('templates.intro', { example: '{{guest.firstName}}' })}</p>
      <QueryFailureOf queries={[templates]} />
      <TemplateForm
        title={t('templates.add')}
        submitLabel={t('templates.add')}
        initial={{ ...EMPTY, language: writtenIn }}
        pending={add.isPending}
        error={add.error}
        onSubmit={(draft, reset) => add.mutate(draft, { onSuccess: reset })}
      />
      {(templates.data ?? []).map((template) => (
        <ExistingTemplate key={template.id} template={template} />
      ))}
    </main>
  )
}

function ExistingTemplate({ template }: { template: Template }) {
  const { t } = useTranslation()
  const save = useUpdateTemplate(template.id)
  const remove = useRemoveTemplate(template.id)
  return (
    <TemplateForm
      title={template.name}
      submitLabel={t('templates.save')}
      initial={template}
      pending={save.isPending}
      error={save.error ?? remove.error}
      onSubmit={(draft) => save.mutate(draft)}
      extra={
        <button type="button" className="button" onClick={() => remove.mutate()} disabled={remove.isPending}>
          {t('templates.delete')}
        </button>
      }
    />
  )
}

interface TemplateFormProps {
  title: string
  submitLabel: string
  initial: Draft
  pending: boolean
  error: Error | null
  onSubmit(draft: Draft, reset: () => void): void
  extra?: React.ReactNode
}

function TemplateForm({ title, submitLabel, initial, pending, error, onSubmit, extra }: TemplateFormProps) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<Draft>({
    name: initial.name,
    shortcut: initial.shortcut,
    body: initial.body,
    language: initial.language,
    channel: initial.channel,
    approval: initial.approval,
  })
  const set = (changes: Partial<Draft>) => setDraft((current) => ({ ...current, ...changes }))
  function submit(event: FormEvent) {
    event.preventDefault()
    onSubmit(draft, () => setDraft({ ...EMPTY, language: initial.language }))
  }
  return (
    <form className="card form-grid" onSubmit={submit} aria-label={title}>
      <label>
        {t('templates.name')}
        <input required maxLength={100} value={draft.name} onChange={(e) => set({ name: e.target.value })} />
      </label>
      <label>
        {t('templates.shortcut')}
        {/* Chromium compiles `pattern` with the v flag, where a bare `-` in a class is an error and the whole pattern is ignored. */}
        <input
          required
          maxLength={40}
          pattern="[a-z0-9_\-]+"
          title={t('templates.shortcutHint')}
          value={draft.shortcut}
          onChange={(e) => set({ shortcut: e.target.value })}
        />
      </label>
      <label className="wide">
        {t('templates.body')}
        <textarea required maxLength={5000} rows={3} value={draft.body} onChange={(e) => set({ body: e.target.value })} />
      </label>
      <label>
        {t('templates.language')}
        <input required minLength={2} maxLength={35} value={draft.language} onChange={(e) => set({ language: e.target.value })} />
      </label>
      <label>
        {t('templates.channel')}
        <select value={draft.channel ?? ''} onChange={(e) => set({ channel: (e.target.value || null) as Channel | null })}>
          <option value="">{t('templates.anyChannel')}</option>
          {CHANNELS.map((channel) => (
            <option key={channel} value={channel}>
              {t(`channel.${channel}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('templates.approval')}
        <select value={draft.approval ?? ''} onChange={(e) => set({ approval: (e.target.value || null) as Draft['approval'] })}>
          <option value="">{t('templates.approvalNone')}</option>
          {(['pending', 'approved', 'rejected'] as const).map((approval) => (
            <option key={approval} value={approval}>
              {t(`templates.approvals.${approval}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="row-actions">
        <button type="submit" className="button primary" disabled={pending}>
          {submitLabel}
        </button>
        {extra}
      </div>
      {error && (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      )}
    </form>
  )
}
