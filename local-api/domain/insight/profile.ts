/** A reading of what kind of guest this is, and how ready to book, each with the evidence for it. */

export type Persona = 'business' | 'family' | 'couple' | 'group' | 'long_stay'
export type IntentLevel = 'high' | 'medium' | 'low'
/** Why the intent is what it is, as a code the inbox words in each language (`reason` says it in English). */
export type IntentReason = 'reservation' | 'bookWithDates' | 'bookWithDetails' | 'book' | 'dates' | 'questions'
export type ConversationKind = 'booking' | 'lead' | 'faq' | 'mixed'

interface Cue {
  persona: Persona
  pattern: RegExp
}

// Each cue's match becomes part of the explanation, so staff see why.
const CUES: readonly Cue[] = [
  {
    persona: 'family',
    pattern:
      /\b(children|child|kids?|baby|babies|toddler|son|daughter|family room|family|cot|crib|extra bed|kinder|kind|familienzimmer|familie|enfants?|bébé|famille|bambini|bambino|famiglia|niños|niño|familia|bebé)\b/giu,
  },
  {
    persona: 'business',
    pattern:
      /\b(business|meeting|conference|congress|company|invoice|corporate|colleagues?|work trip|client|firma|geschäftsreise|rechnung|konferenz|entreprise|facture|réunion|azienda|fattura|riunione|empresa|factura|reunión)\b/giu,
  },
  {
    persona: 'couple',
    pattern:
      /\b(honeymoon|anniversary|romantic|my (?:wife|husband|partner|girlfriend|boyfriend|fiancée?)|two adults|for two|flitterwochen|hochzeitstag|meine frau|mein mann|lune de miel|ma femme|mon mari|luna di miele|mia moglie|mio marito|luna de miel|mi esposa|mi marido)\b/giu,
  },
  {
    persona: 'group',
    pattern:
      /\b(group|wedding|event|seminar|team|tour|\d{2,} (?:people|guests|persons|rooms)|gruppe|hochzeit|veranstaltung|groupe|mariage|événement|gruppo|matrimonio|evento|grupo|boda)\b/giu,
  },
  {
    persona: 'long_stay',
    pattern:
      /\b(long stay|extended stay|(?:several|two|three|four|\d+) (?:weeks|months)|a month|monthly|for weeks|langzeit|mehrere wochen|un mois|plusieurs semaines|un mese|diverse settimane|un mes|varias semanas)\b/giu,
  },
]

/** The persona with the most evidence, and a one-line explanation quoting it; undefined without evidence. */
export function buyerPersona(texts: readonly string[]): { persona: Persona; evidence: string; mentions: string[] } | undefined {
  const all = texts.join('\n')
  let best: { persona: Persona; hits: string[] } | undefined
  for (const cue of CUES) {
    const hits = [...new Set([...all.matchAll(cue.pattern)].map((match) => match[0].toLowerCase()))]
    if (hits.length && (!best || hits.length > best.hits.length)) best = { persona: cue.persona, hits }
  }
  return (
    best && {
      persona: best.persona,
      mentions: best.hits.slice(0, 3),
      evidence: `mentions ${best.hits
        .slice(0, 3)
        .map((hit) => `"${hit}"`)
        .join(', ')}`,
    }
  )
}

/**
 * How ready to book the guest seems. High: booking intent with dates, or with party or room details;
 * medium: booking intent, or dates of interest; low: questions only.
 */
export function intentLevel(input: { bookingIntent: boolean; dates: number; details: boolean; hasReservation: boolean }): {
  level: IntentLevel
  reason: string
  code: IntentReason
} {
  if (input.hasReservation) return { level: 'high', reason: 'has a reservation', code: 'reservation' }
  if (input.bookingIntent && input.dates > 0) return { level: 'high', reason: 'wants to book and names dates', code: 'bookWithDates' }
  if (input.bookingIntent && input.details) return { level: 'high', reason: 'wants to book and gives party or room details', code: 'bookWithDetails' }
  if (input.bookingIntent) return { level: 'medium', reason: 'asks about booking, without dates yet', code: 'book' }
  if (input.dates > 0) return { level: 'medium', reason: 'names dates, without asking to book', code: 'dates' }
  return { level: 'low', reason: 'asks questions only', code: 'questions' }
}

const DETAILS =
  /\b(\d+|two|three|four|five|six)\s+(adults?|people|persons|guests|rooms?|nights?|children|kids)\b|\b(double|twin|single|suite|sea view|lake view)\b/i
export const givesStayDetails = (text: string) => DETAILS.test(text)

/** What the conversation is: about booking, a captured lead, questions the AI agent answered — or several. */
export function conversationKind(facts: { bookingIntent: boolean; lead: boolean; faqAnswered: boolean }): ConversationKind | null {
  const kinds: ConversationKind[] = []
  if (facts.bookingIntent) kinds.push('booking')
  if (facts.lead) kinds.push('lead')
  if (facts.faqAnswered) kinds.push('faq')
  if (kinds.length > 1) return 'mixed'
  return kinds[0] ?? null
}
