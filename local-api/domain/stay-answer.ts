import { formatGuestDay } from './guest-dates.js'

/** What the stay answer tells of the guest's reservation. */
interface Stay {
  confirmationNumber: string
  /** YYYY-MM-DD */
  arrival: string
  departure: string
  room: string | null
}

type Phrase = (stay: { number: string; arrival: string; departure: string; room: string | null }) => string

const PHRASES: Readonly<Record<string, Phrase>> = {
  en: (s) => `Your reservation ${s.number}: arrival ${s.arrival}, departure ${s.departure}, ${s.room ? `room ${s.room}` : 'your room is not assigned yet'}.`,
  de: (s) => `Ihre Reservierung ${s.number}: Anreise ${s.arrival}, Abreise ${s.departure}, ${s.room ? `Zimmer ${s.room}` : 'Ihr Zimmer wird noch zugeteilt'}.`,
  fr: (s) =>
    `Votre réservation ${s.number} : arrivée le ${s.arrival}, départ le ${s.departure}, ${s.room ? `chambre ${s.room}` : 'votre chambre n’est pas encore attribuée'}.`,
  it: (s) =>
    `La sua prenotazione ${s.number}: arrivo ${s.arrival}, partenza ${s.departure}, ${s.room ? `camera ${s.room}` : 'la camera non è ancora assegnata'}.`,
  es: (s) =>
    `Su reserva ${s.number}: llegada el ${s.arrival}, salida el ${s.departure}, ${s.room ? `habitación ${s.room}` : 'su habitación aún no está asignada'}.`,
}

/**
 * The guest's own reservation in their language, its dates written for a person ("Thursday
 * 3 December", the year only when it is not this one's). English for a language it has no words for.
 */
export function stayAnswer(stay: Stay, language: string | null, today: string): string {
  const base = language?.toLowerCase().split('-')[0] ?? 'en'
  const phrase = PHRASES[base] ?? PHRASES.en!
  const locale = PHRASES[base] && base !== 'en' ? base : 'en-GB'
  const date = (day: string) => formatGuestDay(day, locale, today)
  return phrase({ number: stay.confirmationNumber, arrival: date(stay.arrival), departure: date(stay.departure), room: stay.room })
}
