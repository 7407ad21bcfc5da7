import { en } from './en.js'
import type { Messages } from './messages.js'

/** The languages the inbox speaks, each named in itself (as the language menu lists them). */
export const UI_LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'de', name: 'Deutsch' },
  { code: 'fr', name: 'Français' },
  { code: 'it', name: 'Italiano' },
  { code: 'es', name: 'Español' },
  { code: 'zh-Hant', name: '繁體中文' },
] as const

export type UiLanguage = (typeof UI_LANGUAGES)[number]['code']

/** Each language but English is a chunk of its own, loaded when chosen: an English desk loads none. */
const LOADERS: Record<Exclude<UiLanguage, 'en'>, () => Promise<Messages>> = {
  de: () => import('./locales/de.js').then((module) => module.de),
  fr: () => import('./locales/fr.js').then((module) => module.fr),
  it: () => import('./locales/it.js').then((module) => module.it),
  es: () => import('./locales/es.js').then((module) => module.es),
  'zh-Hant': () => import('./locales/zh-Hant.js').then((module) => module.zhHant),
}

/** The strings of `language`. */
export const messagesOf = (language: UiLanguage): Promise<Messages> => (language === 'en' ? Promise.resolve(en) : LOADERS[language]())

const codes: readonly string[] = UI_LANGUAGES.map((language) => language.code)

/** The UI language a browser tag asks for: 'de-CH' → 'de', 'zh-TW' and 'zh-Hant' → 'zh-Hant'; undefined for one the inbox does not speak ('zh-CN', 'pt'). */
function uiLanguageOfTag(tag: string): { language: UiLanguage; region: string | undefined } | undefined {
  let locale: Intl.Locale
  try {
    locale = new Intl.Locale(tag).maximize()
  } catch {
    return undefined
  }
  const language = locale.language === 'zh' ? (locale.script === 'Hant' ? 'zh-Hant' : undefined) : locale.language
  return language && codes.includes(language) ? { language: language as UiLanguage, region: new Intl.Locale(tag).region } : undefined
}

/** The first of the browser's (the system's) languages that the inbox speaks; English when none is. */
export function browserUiLanguage(preferred: readonly string[]): UiLanguage {
  for (const tag of preferred) {
    const found = uiLanguageOfTag(tag)
    if (found) return found.language
  }
  return 'en'
}

/**
 * The tag the inbox runs `language` under, so that dates, times and numbers (Intl) follow the desk's
 * region as well as its words: the browser's own tag for that language when it has one ('de-CH'),
 * else the language in the browser's first region ('en' on a Swiss desk → 'en-CH': 24-hour clock,
 * day before month), else the language alone. i18next finds the words under the language ('de').
 */
export function regionalTag(language: UiLanguage, preferred: readonly string[]): string {
  const regions = preferred.map((tag) => ({ tag, found: uiLanguageOfTag(tag) }))
  const same = regions.find(({ found }) => found?.language === language && found.region)
  const region = same?.found?.region ?? preferred.map(regionOf).find(Boolean)
  if (!region) return language
  const tag = `${language}-${region}`
  return Intl.DateTimeFormat.supportedLocalesOf([tag]).length ? tag : language
}

function regionOf(tag: string): string | undefined {
  try {
    return new Intl.Locale(tag).region
  } catch {
    return undefined
  }
}
