/** A language's strings: the nesting of English (renderer/i18n/en.ts), every leaf a string. */
export interface Messages {
  readonly [key: string]: string | Messages
}

/**
 * The keys of `messages`, dotted (`list.unread_one`). A plural's forms are separate keys: each
 * language has those its plural rules use (Intl.PluralRules), whatever English has.
 */
export function keysOf(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`)))
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/

/**
 * The keys `language` must have for English's keys: the same ones, except that each English plural
 * (`x_one`, `x_other`) becomes the plural forms of `language` (German `x_one`, `x_other`; French
 * `x_one`, `x_many`, `x_other`; Chinese `x_other` only).
 */
export function expectedKeys(english: Messages, language: string): string[] {
  const forms = new Intl.PluralRules(language).resolvedOptions().pluralCategories
  const keys = new Set<string>()
  for (const key of keysOf(english)) {
    const plural = PLURAL_SUFFIX.exec(key)
    if (!plural) keys.add(key)
    else for (const form of forms) keys.add(`${key.slice(0, plural.index)}_${form}`)
  }
  return [...keys].sort()
}

/** The `{{placeholders}}` of a string, sorted: a translation keeps every one of its English string's. */
export const placeholdersOf = (text: string): string[] => [...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((match) => match[1]!).sort()
