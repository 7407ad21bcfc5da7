import { DETECTABLE_LANGUAGES } from '../domain/guest-language.js'
import type { Db } from './open.js'

/**
 * The languages the desk's guests write (each conversation's, as services/guest-languages.ts told it). The
 * detectable languages are a short closed list: one probe each of conversations_by_language.
 */
export function conversationLanguagesRepository(db: Db) {
  const anyInLanguage = db.prepare('SELECT 1 FROM conversations WHERE language = ? LIMIT 1').pluck()
  const anyInLanguageOfProperty = db.prepare('SELECT 1 FROM conversations WHERE language = ? AND property_id = ? LIMIT 1').pluck()
  return {
    /** Only those of one property when given. */
    inUse(propertyId?: string | null): string[] {
      return DETECTABLE_LANGUAGES.filter(
        (language) => (propertyId ? anyInLanguageOfProperty.get(language, propertyId) : anyInLanguage.get(language)) !== undefined,
      )
    },
  }
}
