import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { KnowledgeEntry } from '@api-contract'
import { useAddKnowledgeEntry, useKnowledge, useRemoveKnowledgeEntry, useUpdateKnowledgeEntry } from '../api/knowledge'

type Draft = Pick<KnowledgeEntry, 'question' | 'answer' | 'tags' | 'language'>
const EMPTY: Draft = { question: '', answer: '', tags: '', language: 'en' }

/** The FAQ the AI agent answers from: add, edit, remove (admins). */
export function KnowledgeScreen() {
  const { t } = useTranslation()
  const entries = useKnowledge()
  const add = useAddKnowledgeEntry()
  return (
    <main className="page" aria-labelledby="knowledge-title">
      <h1 id="knowledge-title">{t('knowledge.title')}</h1>
      <p className="muted">{t('knowledge.intro')}</p>
      <EntryForm
        title={t('knowledge.add')}
        submitLabel={t('knowledge.add')}
        initial={EMPTY}
        pending={add.isPending}
        error={add.error}
        onSubmit={(draft, reset) => add.mutate(draft, { onSuccess: reset })}
      />
      {entries.isSuccess && entries.data.length === 0 && <p className="muted">{t('knowledge.empty')}</p>}
      {(entries.data ?? []).map((entry) => (
        <ExistingEntry key={entry.id} entry={entry} />
      ))}
    </main>
  )
}

function ExistingEntry({ entry }: { entry: KnowledgeEntry }) {
  const { t } = useTranslation()
  const save = useUpdateKnowledgeEntry(entry.id)
  const remove = useRemoveKnowledgeEntry(entry.id)
  return (
    <EntryForm
      title={entry.question}
      submitLabel={t('knowledge.save')}
      initial={entry}
      pending={save.isPending}
      error={save.error ?? remove.error}
      onSubmit={(draft) => save.mutate(draft)}
      extra={
        <button type="button" className="button" onClick={() => remove.mutate()} disabled={remove.isPending}>
          {t('knowledge.delete')}
        </button>
      }
    />
  )
}

interface EntryFormProps {
  title: string
  submitLabel: string
  initial: Draft
  pending: boolean
  error: Error | null
  onSubmit(draft: Draft, reset: () => void): void
  extra?: React.ReactNode
}

function EntryForm({ title, submitLabel, initial, pending, error, onSubmit, extra }: EntryFormProps) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<Draft>({ question: initial.question, answer: initial.answer, tags: initial.tags, language: initial.language })
  const set = (changes: Partial<Draft>) => setDraft((current) => ({ ...current, ...changes }))
  function submit(event: FormEvent) {
    event.preventDefault()
    onSubmit(draft, () => setDraft(EMPTY))
  }
  return (
    <form className="card form-grid knowledge-entry" onSubmit={submit} aria-label={title}>
      <label className="wide">
        {t('knowledge.question')}
        <input required maxLength={500} value={draft.question} onChange={(e) => set({ question: e.target.value })} />
      </label>
      <label className="wide">
        {t('knowledge.answer')}
        <textarea required maxLength={5000} rows={3} value={draft.answer} onChange={(e) => set({ answer: e.target.value })} />
      </label>
      <label>
        {t('knowledge.tags')}
        <input maxLength={500} value={draft.tags} onChange={(e) => set({ tags: e.target.value })} />
      </label>
      <label>
        {t('knowledge.language')}
        <input required minLength={2} maxLength={35} value={draft.language} onChange={(e) => set({ language: e.target.value })} />
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
