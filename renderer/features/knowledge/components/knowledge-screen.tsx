import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { KnowledgeEntry, KnowledgeUsage } from '@api-contract'
import { QueryFailureOf } from '@/components/query-failure'
import { AppLink } from '@/components/app-link'
import { conversationPath, navigate, useLocation } from '@/lib/router'
import { useAddKnowledgeEntry, useKnowledge, useKnowledgeUsage, useRemoveKnowledgeEntry, useUpdateKnowledgeEntry } from '../api/knowledge'

type Draft = Pick<KnowledgeEntry, 'question' | 'answer' | 'tags' | 'language' | 'phrasings' | 'answers'>
const EMPTY: Draft = { question: '', answer: '', tags: '', language: 'en', phrasings: [], answers: {} }
/** The languages the product's agent reads; an entry may hold its answer in each. */
const ANSWER_LANGUAGES = ['en', 'de', 'fr', 'it', 'es'] as const
type Uses = Omit<KnowledgeUsage['entries'][number], 'entryId' | 'question'>

/**
 * The FAQ the AI agent answers from: add, edit, remove (admins); how often each entry was used; and
 * the guest questions that found nothing. `?question=…&answer=…` starts a new entry with them (the
 * inbox's "Add to the knowledge base").
 */
export function KnowledgeScreen() {
  const { t, i18n } = useTranslation()
  // A new entry starts in the agent's own language, where the AI agent reads it (else English).
  const uiLanguage = (i18n.resolvedLanguage ?? 'en').split('-')[0]!
  const writtenIn = (ANSWER_LANGUAGES as readonly string[]).includes(uiLanguage) ? uiLanguage : 'en'
  const entries = useKnowledge()
  const usageQuery = useKnowledgeUsage()
  const usage = usageQuery.data
  const add = useAddKnowledgeEntry()
  const { search } = useLocation()
  const prefilled: Draft = { ...EMPTY, language: writtenIn, question: search.get('question') ?? '', answer: search.get('answer') ?? '' }
  const uses = new Map(usage?.entries.map((entry) => [entry.entryId, entry]))
  return (
    <main className="page" aria-labelledby="knowledge-title">
      <h1 id="knowledge-title">{t('knowledge.title')}</h1>
      <p className="muted">{t('knowledge.intro')}</p>
      <QueryFailureOf queries={[entries, usageQuery]} />
      <EntryForm
        key={`${prefilled.question}\n${prefilled.answer}`}
        title={t('knowledge.add')}
        submitLabel={t('knowledge.add')}
        initial={prefilled}
        pending={add.isPending}
        error={add.error}
        onSubmit={(draft, reset) =>
          add.mutate(draft, {
            onSuccess: () => {
              reset()
              if (search.has('question')) navigate('/knowledge', { replace: true })
            },
          })
        }
      />
      {usage && <Gaps gaps={usage.gaps} />}
      {entries.isSuccess && entries.data.length === 0 && <p className="muted">{t('knowledge.empty')}</p>}
      {(entries.data ?? []).map((entry) => (
        <ExistingEntry key={entry.id} entry={entry} uses={uses.get(entry.id)} />
      ))}
    </main>
  )
}

function Gaps({ gaps }: { gaps: KnowledgeUsage['gaps'] }) {
  const { t } = useTranslation()
  return (
    <section className="card knowledge-gaps" aria-labelledby="knowledge-gaps-title">
      <h2 id="knowledge-gaps-title">{t('knowledge.gaps')}</h2>
      <p className="muted">{t('knowledge.gapsIntro')}</p>
      {gaps.length === 0 && <p className="muted">{t('knowledge.noGaps')}</p>}
      <ul>
        {gaps.slice(0, 20).map((gap) => (
          <li key={`${gap.conversationId}-${gap.createdAt}`}>
            <q lang={gap.language ?? undefined}>{gap.question}</q>{' '}
            <AppLink href={conversationPath(gap.conversationId)}>{t('knowledge.openConversation')}</AppLink>{' '}
            <AppLink href={`/knowledge?${new URLSearchParams({ question: gap.question })}`}>{t('knowledge.answerThis')}</AppLink>
          </li>
        ))}
      </ul>
    </section>
  )
}

function ExistingEntry({ entry, uses }: { entry: KnowledgeEntry; uses: Uses | undefined }) {
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
      usage={uses && t('knowledge.usage', uses)}
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
  usage?: string
  extra?: React.ReactNode
}

function EntryForm({ title, submitLabel, initial, pending, error, onSubmit, usage, extra }: EntryFormProps) {
  const { t, i18n } = useTranslation()
  const [draft, setDraft] = useState<Draft>({
    question: initial.question,
    answer: initial.answer,
    tags: initial.tags,
    language: initial.language,
    phrasings: initial.phrasings,
    answers: initial.answers,
  })
  const [phrasings, setPhrasings] = useState(initial.phrasings.join('\n'))
  const set = (changes: Partial<Draft>) => setDraft((current) => ({ ...current, ...changes }))
  const languageName = (code: string) => new Intl.DisplayNames([i18n.language], { type: 'language' }).of(code) ?? code
  function submit(event: FormEvent) {
    event.preventDefault()
    const answers = Object.fromEntries(Object.entries(draft.answers).filter(([language, text]) => language !== draft.language && text.trim()))
    const lines = phrasings
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean)
    onSubmit({ ...draft, answers, phrasings: lines }, () => {
      setDraft({ ...EMPTY, language: initial.language })
      setPhrasings('')
    })
  }
  return (
    <form className="card form-grid knowledge-entry" onSubmit={submit} aria-label={title}>
      <label className="wide">
        {t('knowledge.question')}
        <input required maxLength={500} value={draft.question} onChange={(e) => set({ question: e.target.value })} />
      </label>
      <label className="wide">
        {t('knowledge.phrasings')}
        <textarea rows={2} value={phrasings} onChange={(e) => setPhrasings(e.target.value)} />
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
      <details className="wide">
        <summary>{t('knowledge.answerIn', { language: t('knowledge.otherLanguages') })}</summary>
        {ANSWER_LANGUAGES.filter((language) => language !== draft.language).map((language) => (
          <label key={language} className="wide">
            {t('knowledge.answerIn', { language: languageName(language) })}
            <textarea
              rows={2}
              maxLength={5000}
              lang={language}
              value={draft.answers[language] ?? ''}
              onChange={(e) => set({ answers: { ...draft.answers, [language]: e.target.value } })}
            />
          </label>
        ))}
      </details>
      {usage && <p className="muted wide">{usage}</p>}
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
