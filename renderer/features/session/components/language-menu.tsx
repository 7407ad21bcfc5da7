import { useTranslation } from 'react-i18next'
import type { Agent, UiLanguage } from '@api-contract'
import { browserUiLanguage, UI_LANGUAGES } from '@/i18n/languages'
import { useChooseUiLanguage } from '../api/ui-language'

/** The inbox's language, each named in itself; the agent's choice, else the browser's. */
export function LanguageMenu({ agent }: { agent: Agent }) {
  const { t } = useTranslation()
  const choose = useChooseUiLanguage()
  const shown = choose.isPending ? choose.variables : (agent.uiLanguage ?? browserUiLanguage(navigator.languages))
  return (
    <select
      className="language-menu"
      aria-label={t('app.language')}
      value={shown}
      disabled={choose.isPending}
      onChange={(event) => choose.mutate(event.target.value as UiLanguage)}
    >
      {UI_LANGUAGES.map((language) => (
        <option key={language.code} value={language.code} lang={language.code}>
          {language.name}
        </option>
      ))}
    </select>
  )
}
