/** A language's name in the inbox's language ("it" → "Italienisch" in German); the code itself where Intl has none. */
export function languageName(code: string, inLanguage: string): string {
  try {
    return new Intl.DisplayNames([inLanguage, 'en'], { type: 'language' }).of(code) ?? code
  } catch {
    return code
  }
}
