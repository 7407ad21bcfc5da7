import { useTranslation } from 'react-i18next'
import { COMPOSER_ID, focusElement } from '@/lib/dom'
import { useComposerActions, type ComposerMode } from '../stores/composer-store'

const MODES: readonly ComposerMode[] = ['reply', 'note']

/** Reply to the guest, or write an internal note: two buttons, one pressed (Tab and Enter or Space). */
export function ComposerModeToggle({ conversationId, mode }: { conversationId: string; mode: ComposerMode }) {
  const { t } = useTranslation()
  const { modeChosen } = useComposerActions()
  return (
    <div className={`composer-mode composer-mode-${mode}`} role="group" aria-label={t('notes.mode')}>
      {MODES.map((option) => (
        <button
          key={option}
          type="button"
          className={`composer-mode-button${option === mode ? ' active' : ''}`}
          aria-pressed={option === mode}
          onClick={() => {
            modeChosen(conversationId, option)
            // The box of the chosen mode takes the same place: typing goes on there.
            requestAnimationFrame(() => focusElement(COMPOSER_ID))
          }}
        >
          {t(option === 'reply' ? 'notes.reply' : 'notes.note')}
        </button>
      ))}
      {mode === 'note' && <span className="composer-mode-hint">{t('notes.hint')}</span>}
    </div>
  )
}
