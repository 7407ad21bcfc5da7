import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { en } from './en'

/** Every string of the UI goes through here; a language is one more resource beside `en`. */
void i18next.use(initReactI18next).init({
  resources: { en: { translation: en } },
  lng: 'en',
  fallbackLng: 'en',
  interpolation: { escapeValue: false },
  returnNull: false,
  // Some strings are empty on purpose (a word order that needs no text before a value).
  returnEmptyString: true,
})

export default i18next
