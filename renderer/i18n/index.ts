import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'
import { messagesOf, regionalTag, type UiLanguage } from './languages'

/** Every string of the UI goes through here; each language is one more resource beside `en`. */
void i18next.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
  // Some strings are empty on purpose (a word order that needs no text before a value).
  returnEmptyString: true,
})

/**
 * Shows the inbox in `language`: its strings are loaded first (a chunk of their own), then every
 * string and every Intl format switches at once, in the desk's region (see regionalTag).
 */
export async function showLanguage(language: UiLanguage): Promise<void> {
  const tag = regionalTag(language, navigator.languages)
  if (i18next.language === tag) return
  if (!i18next.hasResourceBundle(language, 'translation')) i18next.addResourceBundle(language, 'translation', await messagesOf(language))
  await i18next.changeLanguage(tag)
  document.documentElement.lang = tag
}

export default i18next
