/** What a template's or knowledge answer's variables can name. */
export interface TemplateContext {
  guest: { firstName: string | null; lastName: string | null; name: string | null; language: string | null }
  reservation: { confirmationNumber: string; arrival: string; departure: string; room: string | null; status: string } | null
  property: { name: string }
  agent: { name: string } | null
}

const VARIABLE = /\{\{\s*([a-zA-Z]+)\.([a-zA-Z]+)\s*\}\}/g

/**
 * Fills `{{guest.firstName}}`, `{{reservation.arrival}}`, `{{property.name}}`, `{{agent.name}}`…
 * A variable without a value is left out and reported, so nothing made up ever reaches a guest.
 */
export function fillTemplate(body: string, context: TemplateContext): { text: string; missing: string[] } {
  const missing: string[] = []
  const text = body.replace(VARIABLE, (whole, group: string, field: string) => {
    const source = (context as unknown as Record<string, Record<string, unknown> | null>)[group]
    const value = source?.[field]
    if (value === null || value === undefined || value === '') {
      missing.push(`${group}.${field}`)
      return ''
    }
    return String(value)
  })
  return { text: text.replace(/ {2,}/g, ' ').replace(/ ([,.!?])/g, '$1').trim(), missing }
}

/** The variables a body uses, e.g. ['guest.firstName', 'reservation.arrival']. */
export function templateVariables(body: string): string[] {
  return [...body.matchAll(VARIABLE)].map((match) => `${match[1]}.${match[2]}`)
}
