/**
 * The AI agent's rules, as pure functions over the guest's words: when to hand over to a person,
 * when a question is about the guest's own stay, when they show booking intent. Several languages,
 * since guests write in theirs. (What the knowledge base answers is domain/retrieval.)
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

// What the guest's own stay is made of, per language (matched on text folded to plain letters). Not
// their room itself: "can we get into our room at noon?", "please don't clean our room today" and "I
// left my charger in the room" are questions for the knowledge base; its number is their stay's.
const STAY_NOUNS = [
  'reservations?|bookings?|room number|stay|arrival|departure|check ?in|check ?out|nights?|bill|invoice|confirmation|dates?',
  'buchung|reservierung|zimmernummer|zimmer ?nummer|aufenthalt|anreise|abreise|check ?in|check ?out|nachte|rechnung|buchungsbestatigung|bestatigung',
  'reservation|numero de chambre|sejour|arrivee|depart|check ?in|check ?out|nuits|facture|confirmation',
  'prenotazione|numero della camera|numero di camera|soggiorno|arrivo|partenza|check ?in|check ?out|notti|conto|fattura|conferma',
  'reserva|numero de habitacion|estancia|llegada|salida|check ?in|check ?out|noches|factura|cuenta|confirmacion',
].join('|')
const POSSESSIVES =
  'my|our|mein|meine|meiner|meinem|meinen|meines|unser|unsere|unserer|unserem|unseren|mon|ma|mes|notre|nos|mio|mia|miei|mie|nostro|nostra|nostri|nostre|mi|mis|nuestro|nuestra|nuestros|nuestras'

const OWN_STAY = new RegExp(
  [
    // "my booking", "meiner Buchung", "mon numéro de chambre", "la mia prenotazione", "mi check-out"
    String.raw`\b(${POSSESSIVES})\s+(\S+\s+){0,2}?(${STAY_NOUNS})\b`,
    // "the number of my room": "numéro de ma chambre", "numero della mia camera", "número de mi habitación"
    String.raw`\b(number|numero)\s+(of|de|della|di)\s+(${POSSESSIVES})\s+(room|chambre|camera|stanza|habitacion)\b`,
    // what the guest did: "how many nights did I book", "habe ich schon bezahlt", "j'ai réservé", "ho già pagato", "he reservado"
    String.raw`\b(did|have)\s+(i|we)\s+(already\s+)?(book|booked|reserve|reserved|pay|paid)\b`,
    String.raw`\b(i|we)\s+(have\s+)?(booked|reserved|paid)\b`,
    String.raw`\b(habe|haben)\s+(ich|wir)\s+(\S+\s+){0,3}?(gebucht|reserviert|bezahlt)\b`,
    String.raw`\b(j'ai|nous avons|on a)\s+(\S+\s+){0,2}?(reserve|paye)\b`,
    String.raw`\b(ho|abbiamo)\s+(\S+\s+){0,2}?(prenotato|pagato)\b`,
    String.raw`\b(he|hemos)\s+(\S+\s+){0,2}?(reservado|pagado)\b`,
    // where the guest sleeps: "which room am I in", "welche Zimmernummer habe ich", "en qué habitación estoy"
    String.raw`\b(which|what)\s+room\s+(number\s+)?(am|are|do|have)\s+(i|we)\b`,
    String.raw`\bwhen\s+(do|does)\s+(i|we)\s+(arrive|check ?in|check ?out|leave)\b`,
    String.raw`\b(welche|welches|welchem|in welchem)\s+(zimmer|zimmernummer)\s+(habe|haben|bin|sind)\s+(ich|wir)\b`,
    String.raw`\b(quelle|dans quelle)\s+chambre\s+(ai-je|avons-nous|suis-je|sommes-nous|j'ai|je suis)\b`,
    String.raw`\b(che|quale|in che|in quale)\s+(camera|stanza)\s+(ho|abbiamo|sono|siamo)\b`,
    String.raw`\b(que|en que|cual)\s+(habitacion)\s+(tengo|tenemos|estoy|estamos)\b`,
    String.raw`\bconfirmation\s+number\b`,
  ].join('|'),
  'i',
)

/** The text as the rules read it: lower case, accents and apostrophe variants folded, hyphens as spaces. */
const folded = (text: string) => text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/[’`´]/g, "'").replace(/-/g, ' ')

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

export type HandoverReason = 'asked for a person' | 'complaint' | 'nothing relevant found' | 'booking not verified' | 'a suggested reply awaits review'

/** Why the AI agent must leave this message to staff, if it must. */
export function handoverReason(text: string): HandoverReason | undefined {
  if (PERSON.test(text)) return 'asked for a person'
  if (COMPLAINT.test(text)) return 'complaint'
  return undefined
}

export const asksAboutOwnStay = (text: string) => OWN_STAY.test(folded(text))
export const showsBookingIntent = (text: string) => BOOKING.test(text) && !asksAboutOwnStay(text)
