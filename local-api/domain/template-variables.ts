/** What a template's or knowledge answer's variables can name. */
export interface TemplateContext {
  guest: { firstName: string | null; lastName: string | null; name: string | null; language: string | null }
  reservation: { confirmationNumber: string; arrival: string; departure: string; room: string | null; status: string } | null
  property: { name: string }
  agent: { name: string } | null
}

const VARIABLE = /\{\{\s*([a-zA-Z]+)\.([a-zA-Z]+)\s*(?:\|([^}]*))?\}\}/g

/**
 * Fills `{{guest.firstName}}`, `{{reservation.arrival}}`, `{{property.name}}`, `{{agent.name}}`…
 * `{{guest.firstName|there}}` falls back to "there". A variable with neither a value nor a
 * fallback is left out and reported, so nothing made up ever reaches a guest.
 */
export function fillTemplate(body: string, context: TemplateContext): { text: string; missing: string[] } {
  const missing: string[] = []
  const text = body.replace(VARIABLE, (_whole, group: string, field: string, fallback: string | undefined) => {
    const source = (context as unknown as Record<string, Record<string, unknown> | null>)[group]
    const value = source?.[field]
    if (value !== null && value !== undefined && value !== '') return String(value)
    if (fallback !== undefined) return fallback.trim()
    missing.push(`${group}.${field}`)
    return ''
  })
  // What a left-out variable leaves behind: doubled spaces, a space or comma before punctuation.
  const tidy = text
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/[ \t]+([,.!?:;])/g, '$1')
    .replace(/,([.!?:;])/g, '$1')
    .trim()
  return { text: tidy, missing }
}

/** The variables a body uses, e.g. ['guest.firstName', 'reservation.arrival']. */
export function templateVariables(body: string): string[] {
  return [...new Set([...body.matchAll(VARIABLE)].map((match) => `${match[1]}.${match[2]}`))]
}
