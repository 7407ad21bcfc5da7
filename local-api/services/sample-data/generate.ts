/**
 * Deterministic sample data: properties, guests and their conversations, as dialect-1 push bodies.
 * Everything comes from a seeded PRNG (mulberry32), so a seed and a `now` always give the same data.
 * `pushBatches` streams: 2 M messages never sit in memory at once.
 *
 *   for (const body of pushBatches({ conversations: 1_000, messages: 20_000, seed: 7 })) POST(body)
 */
import { isValidPhoneNumber } from 'libphonenumber-js/max'
import type { IncomingMessage } from '../ingest.js'

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a tiny, fast, seedable 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export interface Rng {
  next(): number
  /** An integer in [min, max]. */
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
  chance(probability: number): boolean
  digits(count: number): string
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed)
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (probability) => next() < probability,
    digits: (count) => Array.from({ length: count }, () => int(0, 9)).join(''),
  }
}

// ---------------------------------------------------------------------------------------------
// Nationalities: names, mobile number patterns (country code, national prefixes, digits after
// the prefix), email providers, language.

interface Nationality {
  country: string
  language: string
  callingCode: string
  mobilePrefixes: readonly string[]
  subscriberDigits: number
  firstNames: readonly string[]
  lastNames: readonly string[]
  mailDomains: readonly string[]
  /** How often guests of this nationality write, relative to the others. */
  weight: number
}

const NATIONALITIES: readonly Nationality[] = [
  {
    country: 'CH',
    language: 'de',
    callingCode: '41',
    mobilePrefixes: ['75', '76', '77', '78', '79'],
    subscriberDigits: 7,
    weight: 6,
    firstNames: ['Luca', 'Noah', 'Lena', 'Mia', 'Elias', 'Laura', 'Reto', 'Ursula', 'Beat', 'Céline', 'Jürg', 'Nadia'],
    lastNames: ['Müller', 'Meier', 'Schmid', 'Keller', 'Weber', 'Huber', 'Brunner', 'Frei', 'Zürcher', 'Gerber', 'Baumann', 'Rochat'],
    mailDomains: ['bluewin.ch', 'gmx.ch', 'sunrise.ch', 'gmail.com'],
  },
  {
    country: 'DE',
    language: 'de',
    callingCode: '49',
    mobilePrefixes: ['151', '152', '157', '160', '170', '171', '176'],
    subscriberDigits: 8,
    weight: 6,
    firstNames: ['Jonas', 'Leonie', 'Felix', 'Hannah', 'Maximilian', 'Sophie', 'Björn', 'Katrin', 'Jörg', 'Anja'],
    lastNames: ['Schneider', 'Fischer', 'Wagner', 'Becker', 'Schäfer', 'Hoffmann', 'Koch', 'Richter', 'Klein', 'Wolf', 'Groß'],
    mailDomains: ['web.de', 'gmx.de', 't-online.de', 'gmail.com'],
  },
  {
    country: 'FR',
    language: 'fr',
    callingCode: '33',
    mobilePrefixes: ['6', '7'],
    subscriberDigits: 8,
    weight: 5,
    firstNames: ['Camille', 'Louis', 'Chloé', 'Hugo', 'Élodie', 'Théo', 'Margaux', 'Antoine', 'Inès', 'Gaëlle'],
    lastNames: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Petit', 'Durand', 'Lefèvre', 'Moreau', 'Girard'],
    mailDomains: ['orange.fr', 'free.fr', 'laposte.net', 'gmail.com'],
  },
  {
    country: 'IT',
    language: 'it',
    callingCode: '39',
    mobilePrefixes: ['320', '328', '333', '338', '340', '347', '349', '366'],
    subscriberDigits: 7,
    weight: 4,
    firstNames: ['Giulia', 'Marco', 'Francesca', 'Alessandro', 'Chiara', 'Lorenzo', 'Niccolò', 'Federica'],
    lastNames: ['Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Colombo', 'Ricci', 'Marino', 'Greco'],
    mailDomains: ['libero.it', 'alice.it', 'tiscali.it', 'gmail.com'],
  },
  {
    country: 'ES',
    language: 'es',
    callingCode: '34',
    mobilePrefixes: ['6', '7'],
    subscriberDigits: 8,
    weight: 3,
    firstNames: ['Lucía', 'Pablo', 'Martina', 'Álvaro', 'Carmen', 'Javier', 'Sofía', 'Íñigo'],
    lastNames: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Núñez'],
    mailDomains: ['telefonica.net', 'hotmail.es', 'gmail.com'],
  },
  {
    country: 'GB',
    language: 'en',
    callingCode: '44',
    mobilePrefixes: ['73', '74', '75', '77', '78', '79'],
    subscriberDigits: 8,
    weight: 5,
    firstNames: ['Oliver', 'Amelia', 'Harry', 'Isla', 'George', 'Ava', 'Siobhan', 'Rhys', 'Eleanor', 'Callum'],
    lastNames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Evans', "O'Brien", 'Davies', 'Hughes'],
    mailDomains: ['btinternet.com', 'outlook.com', 'yahoo.co.uk', 'gmail.com'],
  },
  {
    country: 'US',
    language: 'en',
    callingCode: '1',
    mobilePrefixes: ['212', '310', '312', '415', '617', '646', '305', '512'],
    subscriberDigits: 7,
    weight: 5,
    firstNames: ['James', 'Emily', 'Michael', 'Madison', 'Tyler', 'Ashley', 'DeShawn', 'Brittany', 'Connor', 'Olivia'],
    lastNames: ['Johnson', 'Miller', 'Davis', 'Garcia', 'Anderson', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark'],
    mailDomains: ['gmail.com', 'yahoo.com', 'icloud.com', 'outlook.com'],
  },
  {
    country: 'NL',
    language: 'nl',
    callingCode: '31',
    mobilePrefixes: ['6'],
    subscriberDigits: 8,
    weight: 2,
    firstNames: ['Daan', 'Sanne', 'Bram', 'Fleur', 'Joris', 'Anouk'],
    lastNames: ['de Jong', 'Jansen', 'de Vries', 'van den Berg', 'Bakker', 'Visser', 'Smit'],
    mailDomains: ['ziggo.nl', 'kpnmail.nl', 'gmail.com'],
  },
  {
    country: 'JP',
    language: 'ja',
    callingCode: '81',
    mobilePrefixes: ['70', '80', '90'],
    subscriberDigits: 8,
    weight: 3,
    firstNames: ['Haruto', 'Yui', 'Sota', 'Aoi', 'Ren', 'Hina', 'Kenji', 'Yuki'],
    lastNames: ['Sato', 'Suzuki', 'Takahashi', 'Tanaka', 'Watanabe', 'Ito', 'Yamamoto', 'Nakamura'],
    mailDomains: ['docomo.ne.jp', 'yahoo.co.jp', 'gmail.com'],
  },
  {
    country: 'CN',
    language: 'zh',
    callingCode: '86',
    mobilePrefixes: ['135', '138', '139', '150', '158', '186', '188'],
    subscriberDigits: 8,
    weight: 3,
    firstNames: ['Wei', 'Fang', 'Jing', 'Lei', 'Xiaoming', 'Yan', 'Hao', 'Mei'],
    lastNames: ['Wang', 'Li', 'Zhang', 'Liu', 'Chen', 'Yang', 'Huang', 'Zhao', 'Zhou'],
    mailDomains: ['qq.com', '163.com', '126.com'],
  },
  {
    country: 'TW',
    language: 'zh',
    callingCode: '886',
    mobilePrefixes: ['91', '93', '95', '97', '98'],
    subscriberDigits: 7,
    weight: 2,
    firstNames: ['Yi-Ting', 'Chia-Hao', 'Hsin-Yi', 'Chun-Chieh', 'Ya-Wen'],
    lastNames: ['Chen', 'Lin', 'Huang', 'Chang', 'Lee', 'Wang', 'Wu'],
    mailDomains: ['gmail.com', 'yahoo.com.tw', 'hotmail.com'],
  },
  {
    country: 'BR',
    language: 'pt',
    callingCode: '55',
    mobilePrefixes: ['119', '219', '319', '419'],
    subscriberDigits: 8,
    weight: 2,
    firstNames: ['João', 'Ana', 'Gabriel', 'Beatriz', 'Thiago', 'Larissa'],
    lastNames: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Conceição', 'Araújo', 'Gonçalves'],
    mailDomains: ['uol.com.br', 'bol.com.br', 'gmail.com'],
  },
  {
    country: 'IN',
    language: 'en',
    callingCode: '91',
    mobilePrefixes: ['70', '81', '90', '91', '98', '99'],
    subscriberDigits: 8,
    weight: 2,
    firstNames: ['Aarav', 'Priya', 'Rohan', 'Ananya', 'Vikram', 'Kavya'],
    lastNames: ['Sharma', 'Patel', 'Gupta', 'Iyer', 'Reddy', 'Nair', 'Singh'],
    mailDomains: ['rediffmail.com', 'gmail.com', 'yahoo.in'],
  },
  {
    country: 'AU',
    language: 'en',
    callingCode: '61',
    mobilePrefixes: ['4'],
    subscriberDigits: 8,
    weight: 1,
    firstNames: ['Charlotte', 'Jack', 'Matilda', 'Lachlan', 'Ruby'],
    lastNames: ['Nguyen', 'Kelly', 'Ryan', 'Walker', 'Mitchell'],
    mailDomains: ['bigpond.com', 'optusnet.com.au', 'gmail.com'],
  },
  {
    country: 'SE',
    language: 'sv',
    callingCode: '46',
    mobilePrefixes: ['70', '72', '73', '76'],
    subscriberDigits: 7,
    weight: 1,
    firstNames: ['Astrid', 'Oskar', 'Linnéa', 'Måns', 'Elsa'],
    lastNames: ['Andersson', 'Johansson', 'Karlsson', 'Nilsson', 'Löfgren', 'Åberg'],
    mailDomains: ['telia.com', 'gmail.com'],
  },
]

const TOTAL_WEIGHT = NATIONALITIES.reduce((sum, n) => sum + n.weight, 0)

function pickNationality(rng: Rng): Nationality {
  let roll = rng.next() * TOTAL_WEIGHT
  for (const nationality of NATIONALITIES) {
    roll -= nationality.weight
    if (roll < 0) return nationality
  }
  return NATIONALITIES[0]!
}

/** A valid mobile number of the nationality, E.164; retried until libphonenumber accepts it. */
export function generatePhone(rng: Rng, country: string): string {
  const nationality = NATIONALITIES.find((n) => n.country === country)
  if (!nationality) throw new RangeError(`no phone pattern for ${country}`)
  for (let attempt = 0; attempt < 1000; attempt++) {
    const phone = `+${nationality.callingCode}${rng.pick(nationality.mobilePrefixes)}${rng.digits(nationality.subscriberDigits)}`
    if (isValidPhoneNumber(phone)) return phone
  }
  throw new Error(`no valid ${country} phone number after 1000 attempts: fix its pattern`)
}

/** Lower-case ASCII for the local part of an email address. */
const asciiSlug = (text: string) =>
  text
    .replace(/ß/g, 'ss')
    .replace(/[øØ]/g, 'o')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')

// ---------------------------------------------------------------------------------------------
// Properties and guests

export interface GeneratedProperty {
  name: string
  defaultCountry: string
  timeZone: string
}

const PROPERTIES: readonly GeneratedProperty[] = [
  { name: 'Hotel Alpenblick', defaultCountry: 'CH', timeZone: 'Europe/Zurich' },
  { name: 'Seehotel Bellevue', defaultCountry: 'CH', timeZone: 'Europe/Zurich' },
  { name: 'Hôtel du Lac', defaultCountry: 'FR', timeZone: 'Europe/Paris' },
  { name: 'Parkhotel am Schlossgarten', defaultCountry: 'DE', timeZone: 'Europe/Berlin' },
  { name: 'Albergo Stella Marina', defaultCountry: 'IT', timeZone: 'Europe/Rome' },
  { name: 'The Harbour Inn', defaultCountry: 'GB', timeZone: 'Europe/London' },
  { name: 'Mission Street Lodge', defaultCountry: 'US', timeZone: 'America/Los_Angeles' },
]

export function generateProperties(count: number, seed = 1): GeneratedProperty[] {
  const rng = createRng(seed)
  return Array.from({ length: count }, (_, index) => {
    const base = PROPERTIES[index % PROPERTIES.length]!
    return index < PROPERTIES.length ? { ...base } : { ...base, name: `${base.name} ${rng.pick(['Nord', 'Süd', 'City', 'Resort', 'Annex'])} ${index}` }
  })
}

export interface GeneratedGuest {
  firstName: string
  lastName: string
  /** ISO 3166 country of the guest's phone and names. */
  country: string
  language: string
  /** E.164, valid per libphonenumber-js/max. */
  phone: string
  email: string
}

/**
 * Makes guests whose phone numbers and email addresses are unique among those it made, so that
 * every guest has their own conversations.
 */
export function createGuestFactory(rng: Rng) {
  const phones = new Set<string>()
  const emails = new Set<string>()
  return function nextGuest(): GeneratedGuest {
    const nationality = pickNationality(rng)
    const firstName = rng.pick(nationality.firstNames)
    const lastName = rng.pick(nationality.lastNames)
    let phone = generatePhone(rng, nationality.country)
    while (phones.has(phone)) phone = generatePhone(rng, nationality.country)
    phones.add(phone)
    const first = asciiSlug(firstName)
    const last = asciiSlug(lastName)
    const local = rng.pick([`${first}.${last}`, `${first}${last}`, `${first[0]}.${last}`, `${last}.${first}`])
    const domain = rng.pick(nationality.mailDomains)
    let email = `${local}@${domain}`
    for (let n = 2; emails.has(email); n++) email = `${local}${n}@${domain}`
    emails.add(email)
    return { firstName, lastName, country: nationality.country, language: nationality.language, phone, email }
  }
}

export function generateGuests(count: number, seed = 1): GeneratedGuest[] {
  const nextGuest = createGuestFactory(createRng(seed))
  return Array.from({ length: count }, nextGuest)
}

// ---------------------------------------------------------------------------------------------
// Message text: short guest/staff exchanges on what guests ask hotels about.

type Fill = (rng: Rng, guest: GeneratedGuest) => string
const ROOMS = ['double room', 'twin room', 'junior suite', 'single room', 'family room', 'room with lake view']
const MONTHS = ['March', 'April', 'May', 'June', 'July', 'August', 'September', 'October']
const date: Fill = (rng) => `${rng.int(1, 28)} ${rng.pick(MONTHS)}`
const time: Fill = (rng) => `${rng.int(6, 23)}:${rng.pick(['00', '15', '30', '45'])}`
const slots: Record<string, Fill> = {
  room: (rng) => rng.pick(ROOMS),
  nights: (rng) => String(rng.int(1, 7)),
  adults: (rng) => String(rng.int(1, 4)),
  date,
  time,
  price: (rng) => String(rng.int(9, 39) * 5),
  room_no: (rng) => `${rng.int(1, 6)}${rng.pick(['01', '04', '08', '12', '15', '21'])}`,
  conf: (rng) => `${rng.pick(['AB', 'KX', 'HM', 'ZT'])}${rng.digits(6)}`,
  first: (_rng, guest) => guest.firstName,
  last: (_rng, guest) => guest.lastName,
}

/** Each topic is an exchange: guest lines (RECEIVED) and staff lines (SENT), alternating. */
const TOPICS: readonly (readonly [guest: string, staff: string][])[] = [
  [
    [
      'Hi, I would like to book a {room} for {nights} nights from {date}.',
      'Hello {first}, thank you for your request! A {room} is available from {date} at {price} per night, breakfast included. Shall I reserve it for you?',
    ],
    [
      'Yes please, book it under the name {last}. Is the rate refundable?',
      'Done, your confirmation number is {conf}. You can cancel free of charge until 48 hours before arrival.',
    ],
    ['Perfect, thank you!', 'You are welcome, we look forward to welcoming you!'],
  ],
  [
    [
      'Do you have availability for {adults} adults from {date} to {date}?',
      'Good morning! We have a {room} left for those dates at {price} per night. Would you like me to hold it?',
    ],
    ['Could we get a baby cot in the room?', 'Of course, a cot is free of charge. I have added it to your booking {conf}.'],
  ],
  [
    ['Is there parking at the hotel? We arrive by car.', 'Yes, our underground garage has 40 spaces at {price} per day. No reservation needed.'],
    ['Is there a charging station for electric cars?', 'We have four 11 kW chargers in the garage; charging is billed to your room.'],
  ],
  [
    ['What time is breakfast served?', 'Breakfast is served from 6:30 to 10:30 in the restaurant on the ground floor, on weekends until 11:00.'],
    ['Do you have gluten-free options?', 'Yes, there is a gluten-free corner at the buffet, and the kitchen can prepare eggs to order.'],
  ],
  [
    [
      'Hello, what time can we check in? Our flight lands at {time}.',
      'Check-in is from 3 pm. If your room is ready earlier we will let you know, and you can leave your luggage with us at any time.',
    ],
    ['And until when is check-out?', 'Check-out is at 11 am; a late check-out until 2 pm costs {price} and depends on availability.'],
  ],
  [['Could we have a late check-out tomorrow? We are in room {room_no}.', 'Certainly, {first}: your room is yours until 1 pm at no extra charge.']],
  [
    ['The air conditioning in room {room_no} is not working and it is very hot.', 'We are very sorry! A technician is on his way to room {room_no} now.'],
    ['It is still not fixed after an hour.', 'Our apologies, {first}. We have prepared another room for you; a colleague will help you move right away.'],
  ],
  [
    [
      'There is a lot of noise from the street, we could not sleep last night.',
      'I am sorry to hear that. We can move you to a quiet room facing the courtyard from tonight.',
    ],
    ['Yes please, that would be great.', 'All set: your new room is {room_no}. The key is ready at reception.'],
  ],
  [
    [
      'The wifi keeps disconnecting in our room.',
      'Sorry for the trouble. Please use the network "Guest-Premium", password on your key card sleeve. It is more stable on upper floors.',
    ],
  ],
  [
    ['Do you offer an airport transfer? We land on {date} at {time}.', 'Yes, our driver can pick you up for {price}. Please send us your flight number.'],
    ['It is LX {room_no}.', 'Thank you, the transfer is booked. The driver will wait at arrivals with a sign with your name.'],
  ],
  [['Are dogs allowed? We would travel with our small dog.', 'Dogs are welcome! We charge {price} per night, bowls and a blanket are provided.']],
  [
    [
      'Could you reserve a table for {adults} at the restaurant tonight at {time}?',
      'With pleasure, your table for {adults} is booked at {time}. Enjoy your dinner!',
    ],
  ],
  [
    ['Can you send me the invoice for my stay? Booking {conf}.', 'Of course, the invoice has been sent to {email}.'],
    ['I need the company name on it, please.', 'Please send us the company name and address and we will issue a corrected invoice.'],
  ],
]

const GUEST_FOLLOW_UPS = ['Hello?', 'Thanks!', 'Great, thank you.', 'One more question.', 'Sorry, I forgot to ask something.', '👍']

function fill(template: string, rng: Rng, guest: GeneratedGuest): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'email' ? guest.email : (slots[name]?.(rng, guest) ?? name)))
}

// ---------------------------------------------------------------------------------------------
// Conversations and push batches

/** One message exactly as POST /api/unified-messaging-service/guest-conversations/messages takes it. */
export interface PushMessage {
  guestIdentifier: { type: 'PHONENUMBER' | 'EMAILADDRESS'; value: string }
  platform: 'WEBSITE_CHAT' | 'PHONE_CALL'
  direction: 'RECEIVED' | 'SENT'
  content: { type: 'text'; text: { text: string } } | { type: 'email'; email: { subject: string; body: string } }
  messageCreatedAt: string
  externalId?: string
}

export interface PushBatch {
  messages: PushMessage[]
}

export interface GeneratedConversation {
  /** 0-based position in the generated stream. */
  index: number
  guest: GeneratedGuest
  platform: PushMessage['platform']
  guestIdentifier: PushMessage['guestIdentifier']
  /** Oldest first. */
  messages: PushMessage[]
}

export interface GenerateOptions {
  /** How many distinct conversations (guest identifier × platform). */
  conversations: number
  /** How many messages in all (at least one per conversation). */
  messages: number
  seed?: number
  /** The reference time; messages lie in the 90 days before it. Default: Date.now(). */
  now?: number
  /** Share of conversations whose last message is in the last 24 h. Default 0.1. */
  recentShare?: number
  /** Prefix of every externalId; default `fx${seed}`. */
  externalIdPrefix?: string
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

/**
 * How many messages each conversation gets: at least one, the rest spread by a skewed random
 * weight (most conversations are short, a few run long), summing exactly to `messages`.
 * One number per conversation: 100 k conversations are 800 kB.
 */
function messageCounts(conversations: number, messages: number, rng: Rng): Uint32Array {
  const weights = new Float64Array(conversations)
  let total = 0
  for (let i = 0; i < conversations; i++) total += weights[i] = (-Math.log(1 - rng.next())) ** 1.5
  const counts = new Uint32Array(conversations)
  const extra = messages - conversations
  let cumulative = 0
  let given = 0
  for (let i = 0; i < conversations; i++) {
    cumulative += weights[i]!
    const upTo = Math.round((extra * cumulative) / total)
    counts[i] = 1 + upTo - given
    given = upTo
  }
  return counts
}

/** Gaps between consecutive messages: mostly minutes, sometimes hours or days. */
function gap(rng: Rng, sameSpeaker: boolean): number {
  const roll = rng.next()
  if (sameSpeaker && roll < 0.7) return rng.int(5, 90) * 1000
  if (roll < 0.75) return rng.int(1, 25) * MINUTE
  if (roll < 0.95) return rng.int(1, 10) * HOUR
  return rng.int(1, 5) * DAY
}

/** The conversations, one at a time, each with its messages oldest first. */
export function* generateConversations(options: GenerateOptions): Generator<GeneratedConversation> {
  const { conversations, messages } = options
  if (!(conversations >= 1 && messages >= conversations)) {
    throw new RangeError(`need 1 <= conversations <= messages (got ${conversations}, ${messages})`)
  }
  const seed = options.seed ?? 1
  const now = options.now ?? Date.now()
  const recentShare = options.recentShare ?? 0.1
  const prefix = options.externalIdPrefix ?? `fx${seed}`
  const rng = createRng(seed)
  const counts = messageCounts(conversations, messages, createRng(seed ^ 0x5bd1e995))
  const nextGuest = createGuestFactory(rng)
  let previous: GeneratedConversation | undefined
  let previousWasSibling = false

  for (let index = 0; index < conversations; index++) {
    // Some guests who wrote by phone call as well (or the other way round): same number, other platform.
    // Only one sibling each, so every (guest identifier, platform) pair stays unique.
    const sibling: GeneratedConversation | undefined =
      !previousWasSibling && previous?.guestIdentifier.type === 'PHONENUMBER' && rng.chance(0.15) ? previous : undefined
    const guest = sibling?.guest ?? nextGuest()
    const platform: PushMessage['platform'] = sibling
      ? sibling.platform === 'PHONE_CALL'
        ? 'WEBSITE_CHAT'
        : 'PHONE_CALL'
      : rng.chance(0.3)
        ? 'PHONE_CALL'
        : 'WEBSITE_CHAT'
    const guestIdentifier: PushMessage['guestIdentifier'] =
      platform === 'PHONE_CALL' || sibling || rng.chance(0.35) ? { type: 'PHONENUMBER', value: guest.phone } : { type: 'EMAILADDRESS', value: guest.email }

    // Pick the time of the last message first, then lay the messages out before it.
    const count = counts[index]!
    const last = rng.chance(recentShare) ? now - rng.int(1, 23 * 60) * MINUTE : now - DAY - Math.floor(rng.next() * 89 * DAY)
    const texts: { direction: PushMessage['direction']; text: string }[] = []
    let topic = rng.pick(TOPICS)
    let line = 0
    while (texts.length < count) {
      if (line >= topic.length) {
        topic = rng.pick(TOPICS)
        line = 0
      }
      const [guestLine, staffLine] = topic[line++]!
      texts.push({ direction: 'RECEIVED', text: fill(guestLine, rng, guest) })
      if (rng.chance(0.1) && texts.length < count) texts.push({ direction: 'RECEIVED', text: rng.pick(GUEST_FOLLOW_UPS) })
      if (texts.length < count) texts.push({ direction: 'SENT', text: fill(staffLine, rng, guest) })
    }
    const times: number[] = new Array(count)
    times[count - 1] = last
    for (let j = count - 2; j >= 0; j--) {
      times[j] = Math.max(times[j + 1]! - gap(rng, texts[j]!.direction === texts[j + 1]!.direction), now - 90 * DAY)
    }
    const useEmailContent = guestIdentifier.type === 'EMAILADDRESS' && rng.chance(0.1)
    const conversation: GeneratedConversation = {
      index,
      guest,
      platform,
      guestIdentifier,
      messages: texts.map(({ direction, text }, j) => ({
        guestIdentifier,
        platform,
        direction,
        content: useEmailContent ? { type: 'email', email: { subject: j === 0 ? 'Enquiry' : 'Re: Enquiry', body: text } } : { type: 'text', text: { text } },
        messageCreatedAt: new Date(times[j]!).toISOString(),
        externalId: `${prefix}-${index}-${j}`,
      })),
    }
    previous = conversation
    previousWasSibling = sibling !== undefined
    yield conversation
  }
}

/**
 * Dialect-1 push bodies of up to `batchSize` messages (default 100, the API's limit), in the order
 * a chat backend would flush them: conversation after conversation, a batch mixing several guests.
 */
export function* pushBatches(options: GenerateOptions & { batchSize?: number }): Generator<PushBatch> {
  const batchSize = options.batchSize ?? 100
  let messages: PushMessage[] = []
  for (const conversation of generateConversations(options)) {
    for (const message of conversation.messages) {
      messages.push(message)
      if (messages.length === batchSize) {
        yield { messages }
        messages = []
      }
    }
  }
  if (messages.length) yield { messages }
}

/** A generated push message as the ingest service takes it (what dialect 1 would hand over). */
export function toIncomingMessage(message: PushMessage): IncomingMessage & Required<Pick<IncomingMessage, 'identity'>> {
  return {
    channel: message.platform === 'PHONE_CALL' ? 'phone' : 'web_chat',
    identity: { kind: message.guestIdentifier.type === 'PHONENUMBER' ? 'phone' : 'email', value: message.guestIdentifier.value },
    direction: message.direction === 'RECEIVED' ? 'in' : 'out',
    content: message.content.type === 'text' ? { type: 'text', text: message.content.text.text } : { type: 'email', ...message.content.email },
    createdAt: Date.parse(message.messageCreatedAt),
    externalId: message.externalId,
  }
}
