import { useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAgents } from '@/queries/agents'
import { COMPOSER_ID, CONVERSATION_LIST_ID, focusElement } from '@/lib/dom'
import { useWriteNote } from '../api/notes'
import { insertMention, matchingAgents, mentionedIds, mentionQueryAt } from '../mentions'
import { useComposerActions, useNoteDraft } from '../stores/composer-store'

/**
 * The internal-note box: never sent to the guest. Typing `@` offers the desk's active agents (arrows
 * move, Enter or Tab picks, Esc closes); the note carries the ids of the agents picked, which the
 * server notifies, never names guessed from the text.
 */
export function NoteComposer({ conversationId }: { conversationId: string }) {
  const { t } = useTranslation()
  const draft = useNoteDraft(conversationId)
  const { noteTyped, noteSaved } = useComposerActions()
  const write = useWriteNote(conversationId)
  const agents = (useAgents().data ?? []).filter((agent) => agent.active)
  const [picked, setPicked] = useState<Map<string, string>>(() => new Map())
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null)
  const [highlighted, setHighlighted] = useState(0)
  const [failure, setFailure] = useState<string | null>(null)
  const box = useRef<HTMLTextAreaElement>(null)
  const listId = useId()
  const options = query ? matchingAgents(agents, query.query) : []
  const open = options.length > 0
  const active = open ? options[Math.min(highlighted, options.length - 1)] : undefined

  function follow(text: string, caret: number) {
    setQuery(mentionQueryAt(text, caret))
    setHighlighted(0)
  }

  function pick(agent: { id: string; name: string }) {
    if (!query) return
    const next = insertMention(draft, query, agent.name)
    noteTyped(conversationId, next.text)
    setPicked((current) => new Map(current).set(agent.id, agent.name))
    setQuery(null)
    requestAnimationFrame(() => {
      box.current?.focus()
      box.current?.setSelectionRange(next.caret, next.caret)
    })
  }

  function submit() {
    const text = draft.trim()
    if (!text || write.isPending) return
    setFailure(null)
    write.mutate(
      { text, mentions: mentionedIds(text, picked) },
      {
        onSuccess: () => {
          noteSaved(conversationId)
          setPicked(new Map())
        },
        onError: (error) => setFailure(error.message),
      },
    )
  }

  return (
    <form
      className="composer composer-note"
      onSubmit={(event) => {
        event.preventDefault()
        submit()
      }}
    >
      <label className="visually-hidden" htmlFor={COMPOSER_ID}>
        {t('notes.label')}
      </label>
      <textarea
        id={COMPOSER_ID}
        dir="auto"
        ref={box}
        rows={2}
        maxLength={5000}
        placeholder={t('notes.placeholder')}
        value={draft}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={active ? `${listId}-${active.id}` : undefined}
        onChange={(event) => {
          noteTyped(conversationId, event.target.value)
          follow(event.target.value, event.target.selectionStart)
        }}
        onSelect={(event) => follow(event.currentTarget.value, event.currentTarget.selectionStart)}
        onKeyDown={(event) => {
          if (open && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
            event.preventDefault()
            const step = event.key === 'ArrowDown' ? 1 : -1
            setHighlighted((current) => (current + step + options.length) % options.length)
          } else if (open && active && (event.key === 'Enter' || event.key === 'Tab') && !event.nativeEvent.isComposing) {
            event.preventDefault()
            pick(active)
          } else if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
            event.preventDefault()
            submit()
          } else if (event.key === 'Escape') {
            event.preventDefault()
            if (open) {
              setQuery(null)
              return
            }
            event.currentTarget.blur()
            focusElement(CONVERSATION_LIST_ID)
          }
        }}
      />
      {open && (
        <ul className="mention-options" id={listId} role="listbox" aria-label={t('notes.mentionList')}>
          {options.map((agent) => (
            <li
              key={agent.id}
              id={`${listId}-${agent.id}`}
              role="option"
              aria-selected={agent.id === active?.id}
              className={agent.id === active?.id ? 'active' : undefined}
              // Keeps the focus in the box while the pointer picks.
              onMouseDown={(event) => {
                event.preventDefault()
                pick(agent)
              }}
            >
              {agent.name}
            </li>
          ))}
        </ul>
      )}
      <button type="submit" className="button note-save" disabled={!draft.trim() || write.isPending}>
        {write.isPending ? t('notes.saving') : t('notes.save')}
      </button>
      {failure && (
        <p className="form-error" role="alert">
          {t('notes.failed', { reason: failure })}
        </p>
      )}
    </form>
  )
}
