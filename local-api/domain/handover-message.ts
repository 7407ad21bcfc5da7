/**
 * What the guest is told when the AI agent leaves their message to staff: never silence. In the
 * guest's language when the property has (or the product ships) words for it, else in English.
 */
export const DEFAULT_HANDOVER_MESSAGES: Readonly<Record<string, string>> = {
  en: "I've passed this to our front desk; a colleague will reply shortly.",
  de: 'Ich habe Ihre Nachricht an unsere Rezeption weitergegeben; eine Kollegin oder ein Kollege antwortet Ihnen in Kürze.',
  fr: "J'ai transmis votre message à notre réception ; un collègue vous répondra très prochainement.",
  it: 'Ho inoltrato il suo messaggio alla nostra reception; un collega le risponderà a breve.',
  es: 'He pasado su mensaje a nuestra recepción; un compañero le responderá en breve.',
}

/** What a guest asking about their booking is told when the conversation is not verifiably theirs. */
const BOOKING_CHECK: Readonly<Record<string, string>> = {
  en: "I'll ask a colleague to check your booking.",
  de: 'Ich bitte eine Kollegin oder einen Kollegen, Ihre Buchung zu prüfen.',
  fr: 'Je demande à un collègue de vérifier votre réservation.',
  it: 'Chiedo a un collega di verificare la sua prenotazione.',
  es: 'Pido a un compañero que revise su reserva.',
}

export const bookingCheckMessage = (language: string | null): string => BOOKING_CHECK[language?.toLowerCase().split('-')[0] ?? 'en'] ?? BOOKING_CHECK.en!

/** The handover message in `language`: the property's own words first, then the product's, then English. */
export function handoverMessage(language: string | null, own: Readonly<Record<string, string>> = {}): string {
  const base = language?.toLowerCase().split('-')[0] ?? 'en'
  return own[base] ?? DEFAULT_HANDOVER_MESSAGES[base] ?? own.en ?? DEFAULT_HANDOVER_MESSAGES.en!
}

/** When the front desk is staffed, in the property's time zone ("07:00"–"23:00"; closes before opens: overnight). */
export interface DeskHours {
  opens: string
  closes: string
}

const OUTSIDE_HOURS: Readonly<Record<string, (hours: DeskHours) => string>> = {
  en: (h) => `Our front desk is staffed from ${h.opens} to ${h.closes}; we will reply then.`,
  de: (h) => `Unsere Rezeption ist von ${h.opens} bis ${h.closes} Uhr besetzt; wir antworten Ihnen dann.`,
  fr: (h) => `Notre réception est ouverte de ${h.opens} à ${h.closes} ; nous vous répondrons à ce moment-là.`,
  it: (h) => `La nostra reception è presidiata dalle ${h.opens} alle ${h.closes}; le risponderemo allora.`,
  es: (h) => `Nuestra recepción está atendida de ${h.opens} a ${h.closes}; le responderemos entonces.`,
}

/** The time of day at `at` in `timeZone`, as HH:MM. */
const clockAt = (at: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(at)

/** Whether the desk is staffed at `at` (no hours set: always). */
export function deskOpen(hours: DeskHours | null, at: number, timeZone: string): boolean {
  if (!hours) return true
  const now = clockAt(at, timeZone)
  return hours.opens <= hours.closes ? now >= hours.opens && now < hours.closes : now >= hours.opens || now < hours.closes
}

/** The handover message, with the desk's hours when it is not staffed now. */
export function handoverMessageAt(
  language: string | null,
  own: Readonly<Record<string, string>>,
  hours: DeskHours | null,
  at: number,
  timeZone: string,
): string {
  const message = handoverMessage(language, own)
  if (deskOpen(hours, at, timeZone)) return message
  const base = language?.toLowerCase().split('-')[0] ?? 'en'
  return `${message} ${(OUTSIDE_HOURS[base] ?? OUTSIDE_HOURS.en!)(hours!)}`
}
