/**
 * The AI agent's rules, as pure functions over the guest's words: when to hand over to a person,
 * when a question is about the guest's own stay, when they show booking intent, and which words
 * to look up in the knowledge base. Several languages, since guests write in theirs.
 */

const PERSON = new RegExp(
  [
    String.raw`\b(talk|speak|chat|write)\s+(to|with)\s+(a|an|the|some|your)?\s*(real\s+)?(person|human|agent|someone|somebody|staff|receptionist|manager|people)\b`,
    String.raw`\b(real|actual)\s+(person|human)\b`,
    String.raw`\b(human|operator|representative)\b`,
    String.raw`\b(mitarbeiter|mitarbeiterin|mensch|rezeption)\b`,
    String.raw`\b(une personne|un humain|conseiller|conseillère)\b`,
    String.raw`\b(una persona|operatore|operatrice)\b`,
    String.raw`\b(un humano|persona real|agente humano)\b`,
  ].join('|'),
  'i',
)

const COMPLAINT = new RegExp(
  [
    String.raw`\b(complain|complaint|complaining|unacceptable|terrible|awful|horrible|disgusting|dirty|filthy|rude|refund|worst|disappointed|disappointing|furious|angry|outrageous|scandal)\b`,
    String.raw`\bnot\s+(happy|acceptable|satisfied)\b`,
    String.raw`\b(beschwerde|unzufrieden|unverschämt|schmutzig|enttäuscht)\b`,
    String.raw`\b(plainte|inacceptable|sale|déçu|déçue|remboursement)\b`,
    String.raw`\b(reclamo|lamentela|sporco|deluso|delusa|rimborso)\b`,
    String.raw`\b(queja|reclamación|sucio|decepcionado|reembolso)\b`,
  ].join('|'),
  'i',
)

const OWN_STAY = new RegExp(
  [
    String.raw`\b(my|our)\s+(reservation|booking|room|stay|arrival|departure|check[- ]?in|check[- ]?out|dates?)\b`,
    String.raw`\bwhen\s+(do|does|can)\s+(i|we)\s+(arrive|check[- ]?in|check[- ]?out|leave)\b`,
    String.raw`\b(which|what)\s+room\s+(am|are|is)\s+(i|we)\b`,
    String.raw`\bconfirmation\s+number\b`,
    String.raw`\b(meine|unsere)\s+(buchung|reservierung|anreise|abreise|zimmer)\b`,
    String.raw`\b(ma|notre)\s+(réservation|chambre|arrivée)\b`,
    String.raw`\b(la mia|la nostra)\s+(prenotazione|camera)\b`,
    String.raw`\b(mi|nuestra)\s+(reserva|habitación)\b`,
  ].join('|'),
  'i',
)

const BOOKING = new RegExp(
  [
    String.raw`\b(book|booking|reserve|reservation|availability|available|vacancy|vacancies|rooms?\s+for|price|prices|rate|rates|offer|quote)\b`,
    String.raw`\b(buchen|verfügbar|zimmer frei|angebot|preis)\b`,
    String.raw`\b(réserver|disponible|disponibilité|tarif|prix)\b`,
    String.raw`\b(prenotare|disponibile|disponibilità|prezzo|offerta)\b`,
    String.raw`\b(reservar|disponible|disponibilidad|precio|oferta)\b`,
  ].join('|'),
  'i',
)

export type HandoverReason = 'asked for a person' | 'complaint' | 'nothing relevant found' | 'booking not verified'

/** Why the AI agent must leave this message to staff, if it must. */
export function handoverReason(text: string): HandoverReason | undefined {
  if (PERSON.test(text)) return 'asked for a person'
  if (COMPLAINT.test(text)) return 'complaint'
  return undefined
}

export const asksAboutOwnStay = (text: string) => OWN_STAY.test(text)
export const showsBookingIntent = (text: string) => BOOKING.test(text) && !OWN_STAY.test(text)

const STOPWORDS = new Set(
  (
    'the and for are but not you your yours our ours can could would should will shall have has had with without what when where which who whom ' +
    'how why this that these those there here from into onto about please thank thanks hello hi hey dear does did doing done any some much many ' +
    'also just like want wanted would need know tell let get got make made still very really able there their them they then than was were been ' +
    "being its it's i'm we're is am do to of in on at by an or if so my me we us be as a i " +
    'der die das und ist ein eine ich wir sie ihr mit für auf bei von zum zur wie was wann gibt haben habe bitte danke hallo ' +
    'le la les des une un est et pour avec sur dans que qui quoi quand comment vous nous avez bonjour merci ' +
    'il lo gli una uno per con che chi come quando avete siete buongiorno grazie ' +
    'el los las con por para que como cuando tienen hola gracias'
  ).split(/\s+/),
)

/**
 * An FTS5 query for the knowledge base: the message's meaningful words (stemmed by the index's
 * porter tokenizer), any of which must match an entry's question or tags — an answer that merely
 * mentions a word is not relevant. bm25 ranks entries matching more, and rarer, words first.
 * Undefined when the message has no meaningful word.
 */
export function knowledgeQuery(text: string): string | undefined {
  const words = text
    .toLowerCase()
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length >= 3 && !STOPWORDS.has(word))
  const unique = [...new Set(words)].slice(0, 12)
  return unique.length ? `{question tags} : (${unique.map((word) => `"${word}"`).join(' OR ')})` : undefined
}
