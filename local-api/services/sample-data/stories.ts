/**
 * The first run's sample conversations: short, coherent stories of a hotel's week, each written
 * around one guest's stay. Dates, rooms, prices and confirmation numbers in the messages are the
 * stay's own (the reservation the sample makes says the same); dates lie around today in the
 * property's time zone; phone calls read as what was said on the phone.
 */
import { createGuestFactory, createRng, type GeneratedGuest, type Rng } from './generate.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

interface RoomType {
  name: string
  price: number
  rooms: readonly string[]
}

const floor = (first: number, count: number) => Array.from({ length: count }, (_, index) => String(first + index))

// Enough rooms that no two sample stays share one.
const ROOM_TYPES: readonly RoomType[] = [
  { name: 'double room', price: 190, rooms: floor(201, 12) },
  { name: 'twin room', price: 180, rooms: floor(301, 8) },
  { name: 'junior suite', price: 320, rooms: floor(401, 6) },
  { name: 'family room', price: 260, rooms: floor(501, 6) },
  { name: 'single room', price: 140, rooms: floor(101, 8) },
]

/** A stay a story is about; its reservation is made with the same dates, room and number. */
export interface StoryStay {
  confirmationNumber: string
  arrival: string
  departure: string
  room: string
  status: 'confirmed' | 'checked_in' | 'checked_out'
}

export interface StoryLine {
  /** The guest, the desk's answer, or an internal note staff left for each other (never sent). */
  from: 'guest' | 'desk' | 'note'
  text: string
  at: number
}

export interface SampleStory {
  guest: GeneratedGuest
  channel: 'web_chat' | 'phone'
  identity: 'phone' | 'email'
  lines: StoryLine[]
  /** The reservation to make for the guest (none for an enquiry that did not book yet). */
  stay: StoryStay | null
  /** The desk captured the guest as a lead. */
  lead: boolean
  /** What the desk did with it afterwards: took it on (assigned to the admin), or was done with it (resolved). */
  outcome: 'assign' | 'resolve' | null
}

interface Calendar {
  /** YYYY-MM-DD of the property's day `offset` days from today. */
  isoDay(offset: number): string
  /** "Thursday, 3 December": a date for a person to read. */
  spoken(offset: number): string
}

function calendarOf(now: number, timeZone: string): Calendar {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
  const midnightUtc = Date.parse(`${today}T00:00:00Z`)
  const format = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' })
  return {
    isoDay: (offset) => new Date(midnightUtc + offset * DAY).toISOString().slice(0, 10),
    spoken: (offset) => format.format(midnightUtc + offset * DAY),
  }
}

const CURRENCY: Record<string, string> = { CH: 'CHF', GB: 'GBP', US: 'USD', JP: 'JPY', SE: 'SEK' }

interface StoryContext {
  rng: Rng
  guest: GeneratedGuest
  now: number
  calendar: Calendar
  money: (amount: number) => string
  confirmation: string
  /** A room of a type, each room given once while any is left. */
  room: (type: RoomType) => string
}

interface StoryPlan {
  channel: SampleStory['channel']
  identity?: SampleStory['identity']
  /** When its last line was written, before now. */
  lastAgo: number
  /** Lines with the time each comes after the one before. */
  lines: [from: StoryLine['from'], text: string, gap: number][]
  stay?: { arrivalOffset: number; nights: number; room: string; status: StoryStay['status'] }
  lead?: boolean
  outcome?: SampleStory['outcome']
}

type Story = (context: StoryContext) => StoryPlan

const sec = (n: number) => n * 1000

const STORIES: readonly Story[] = [
  // A booking by chat, weeks ahead: the numbers the desk quotes are the reservation's.
  ({ rng, guest, calendar, money, confirmation, room }) => {
    const type = rng.pick(ROOM_TYPES)
    const arrival = rng.int(7, 40)
    const nights = rng.int(2, 5)
    const [from, to] = [calendar.spoken(arrival), calendar.spoken(arrival + nights)]
    return {
      channel: 'web_chat',
      lastAgo: rng.int(1, 6) * DAY + rng.int(0, 8) * HOUR,
      lines: [
        ['guest', `Hi, I'd like to book a ${type.name} from ${from} to ${to}, for ${type.name === 'single room' ? 'one adult' : 'two adults'}.`, 0],
        [
          'desk',
          `Hello ${guest.firstName}, with pleasure: a ${type.name} from ${from} to ${to} (${nights} nights) is ${money(type.price)} per night, breakfast included, ${money(type.price * nights)} in all. Shall I book it for you?`,
          rng.int(4, 20) * MINUTE,
        ],
        ['guest', `Yes please, book it under ${guest.lastName}.`, rng.int(5, 40) * MINUTE],
        ['desk', `Done: your confirmation number is ${confirmation}. You can cancel free of charge until 48 hours before arrival.`, rng.int(2, 10) * MINUTE],
      ],
      stay: { arrivalOffset: arrival, nights, room: room(type), status: 'confirmed' },
      outcome: 'resolve',
    }
  },
  // An enquiry that has not booked yet: a lead.
  ({ rng, guest, calendar, money }) => {
    const type = rng.pick(ROOM_TYPES.slice(0, 4))
    const arrival = rng.int(14, 60)
    const nights = rng.int(2, 7)
    return {
      channel: 'web_chat',
      identity: 'email',
      lastAgo: rng.int(1, 4) * DAY + rng.int(0, 10) * HOUR,
      lines: [
        ['guest', `Hello, do you have a ${type.name} from ${calendar.spoken(arrival)} to ${calendar.spoken(arrival + nights)}?`, 0],
        [
          'desk',
          `Hello ${guest.firstName}, yes: a ${type.name} is free for those ${nights} nights at ${money(type.price)} per night, breakfast included (${money(type.price * nights)} in all). Shall I hold it for you until tomorrow evening?`,
          rng.int(5, 30) * MINUTE,
        ],
        ['guest', 'Thank you, I need to check with my family first and will let you know.', rng.int(1, 5) * HOUR],
        ['desk', 'Of course. I have noted the offer for you; just write here when you have decided.', rng.int(5, 30) * MINUTE],
      ],
      lead: true,
      outcome: 'resolve',
    }
  },
  // Arriving today or tomorrow by car: assigned to the admin, answered.
  ({ rng, money, confirmation, room }) => {
    const arrival = rng.int(0, 1)
    const when = arrival === 0 ? 'today' : 'tomorrow'
    return {
      channel: 'web_chat',
      lastAgo: rng.int(20, 180) * MINUTE,
      lines: [
        ['guest', `Hello, we arrive ${when} by car (booking ${confirmation}). Is there parking at the hotel?`, 0],
        ['desk', `Yes, our garage has spaces at ${money(25)} per day, no reservation needed. See you ${when}!`, rng.int(3, 15) * MINUTE],
        [
          'note',
          `The garage is almost full ${when === 'today' ? 'tonight' : 'tomorrow night'}: I kept a space for booking ${confirmation}.`,
          rng.int(2, 10) * MINUTE,
        ],
      ],
      stay: { arrivalOffset: arrival, nights: rng.int(2, 4), room: room(rng.pick(ROOM_TYPES)), status: 'confirmed' },
      outcome: 'assign',
    }
  },
  // A late arrival, by phone: what was said on the call.
  ({ rng, guest, confirmation, room }) => {
    const type = rng.pick(ROOM_TYPES)
    const late = `23:${rng.pick(['15', '30', '45'])}`
    return {
      channel: 'phone',
      identity: 'phone',
      lastAgo: rng.int(1, 5) * HOUR,
      lines: [
        [
          'guest',
          `Hello, this is ${guest.firstName} ${guest.lastName}, I have a booking for tonight, ${confirmation}. Our flight is delayed, we will only get there around ${late}.`,
          0,
        ],
        ['desk', `No problem at all. Our night porter is at the desk all night, so your ${type.name} will be ready whenever you arrive.`, sec(rng.int(8, 20))],
        ['guest', 'Great, thank you. See you later then.', sec(rng.int(5, 12))],
        ['desk', 'You are welcome. Safe travels!', sec(rng.int(3, 6))],
      ],
      stay: { arrivalOffset: 0, nights: rng.int(1, 3), room: room(type), status: 'confirmed' },
      outcome: 'resolve',
    }
  },
  // In house, a problem that is not solved yet: the guest waits for an answer now.
  ({ rng, guest, room }) => {
    const number = room(rng.pick(ROOM_TYPES))
    const [problem, help, still] = rng.pick([
      [`The air conditioning in room ${number} is not working and it is very warm.`, 'A technician is on his way', 'It is still not working after an hour.'],
      [
        `The shower in room ${number} only runs cold.`,
        'Our maintenance colleague is on his way',
        'Still only cold water, and we have to leave for dinner soon.',
      ],
      [
        `The safe in room ${number} is locked and we cannot open it. Our passports are inside.`,
        'Our duty manager is on his way',
        'Nobody has come yet. Could you please check?',
      ],
    ] as const)
    return {
      channel: 'web_chat',
      lastAgo: rng.int(3, 25) * MINUTE,
      lines: [
        ['guest', problem, 0],
        ['desk', `I am sorry, ${guest.firstName}! ${help} to room ${number} now.`, rng.int(3, 8) * MINUTE],
        [
          'note',
          `Maintenance has room ${number}. If it is not sorted within the hour, offer ${guest.firstName} another room and a drink at the bar.`,
          2 * MINUTE,
        ],
        ['guest', still, HOUR],
      ],
      stay: { arrivalOffset: -rng.int(1, 2), nights: rng.int(3, 5), room: number, status: 'checked_in' },
      outcome: 'assign',
    }
  },
  // In house: a late check-out, granted.
  ({ rng, guest, room }) => {
    const number = room(rng.pick(ROOM_TYPES))
    const nights = rng.int(2, 4)
    return {
      channel: 'web_chat',
      lastAgo: rng.int(2, 10) * HOUR,
      lines: [
        ['guest', `Could we have a late check-out tomorrow? We are in room ${number}.`, 0],
        ['desk', `Certainly, ${guest.firstName}: room ${number} is yours until 1 pm tomorrow at no extra charge.`, rng.int(4, 20) * MINUTE],
        ['guest', 'Wonderful, thank you!', rng.int(2, 10) * MINUTE],
      ],
      stay: { arrivalOffset: 1 - nights, nights, room: number, status: 'checked_in' },
      outcome: 'resolve',
    }
  },
  // In house: the wifi, just asked, nobody has answered yet.
  ({ rng, room }) => {
    const number = room(rng.pick(ROOM_TYPES))
    return {
      channel: 'web_chat',
      identity: 'phone',
      lastAgo: rng.int(2, 12) * MINUTE,
      lines: [
        [
          'guest',
          rng.pick([
            `The wifi keeps disconnecting in room ${number}. Is there another network we can use?`,
            `Could we have two more pillows in room ${number}, please?`,
            `Is there an iron we could borrow? We are in room ${number}.`,
          ]),
          0,
        ],
      ],
      stay: { arrivalOffset: -1, nights: rng.int(2, 4), room: number, status: 'checked_in' },
    }
  },
  // After the stay: the invoice, with the stay's own total.
  ({ rng, guest, money, confirmation, room }) => {
    const type = rng.pick(ROOM_TYPES)
    const nights = rng.int(2, 5)
    const departed = rng.int(2, 10)
    const company = rng.pick(['Alpina Consulting AG', 'Nordlicht GmbH', 'Bright Harbour Ltd', 'Studio Rossi Srl'])
    return {
      channel: 'web_chat',
      identity: 'email',
      lastAgo: (departed - 1) * DAY + rng.int(1, 8) * HOUR,
      lines: [
        ['guest', `Could you send me the invoice for my stay, booking ${confirmation}?`, 0],
        [
          'desk',
          `Of course, the invoice for your ${nights} nights in our ${type.name} (${money(type.price * nights)}) is on its way to ${guest.email}.`,
          rng.int(10, 60) * MINUTE,
        ],
        ['guest', `Thank you. I need our company name on it, please: ${company}.`, rng.int(1, 4) * HOUR],
        ['desk', `Done: a corrected invoice made out to ${company} has been sent to ${guest.email}.`, rng.int(10, 40) * MINUTE],
      ],
      stay: { arrivalOffset: -departed - nights, nights, room: room(type), status: 'checked_out' },
      outcome: 'resolve',
    }
  },
  // A question for the desk, answered.
  ({ rng, money }) => {
    const [question, answer] = rng.pick([
      ['What time is breakfast served?', 'Breakfast is served from 6:30 to 10:30 in the restaurant on the ground floor, on weekends until 11:00.'],
      ['Are dogs allowed? We would come with our small dog.', `Dogs are welcome! We charge ${money(20)} per night; a bowl and a blanket are in the room.`],
      ['Is there a spa or a pool?', 'Our spa with an indoor pool and a sauna is open from 7 am to 9 pm, free for hotel guests.'],
      ['Can I leave my luggage after check-out?', 'Of course, our luggage room is at your disposal all day, free of charge.'],
    ] as const)
    return {
      channel: 'web_chat',
      lastAgo: rng.int(1, 20) * DAY + rng.int(0, 12) * HOUR,
      lines: [
        ['guest', question, 0],
        ['desk', answer, rng.int(3, 25) * MINUTE],
        ['guest', 'Perfect, thanks!', rng.int(1, 15) * MINUTE],
      ],
      outcome: 'resolve',
    }
  },
  // A booking enquiry by phone: the desk sends the offer by email afterwards; a lead.
  ({ rng, guest, calendar, money }) => {
    const type = rng.pick(ROOM_TYPES.slice(0, 4))
    const arrival = rng.int(10, 45)
    return {
      channel: 'phone',
      identity: 'phone',
      lastAgo: rng.int(1, 8) * DAY + rng.int(0, 8) * HOUR,
      lines: [
        ['guest', `Good morning, I am calling about a room for two people from ${calendar.spoken(arrival)}, two nights.`, 0],
        ['desk', `Good morning! For those two nights we have a ${type.name} at ${money(type.price)} per night, breakfast included.`, sec(rng.int(10, 25))],
        ['guest', 'That sounds good. Could you send me the offer? I would like to think about it.', sec(rng.int(6, 15))],
        ['desk', `Of course, I will send it to you by email right after this call, ${guest.firstName}.`, sec(rng.int(4, 10))],
      ],
      lead: true,
      outcome: 'resolve',
    }
  },
  // A table for tonight, by phone.
  ({ rng }) => {
    const people = rng.int(2, 6)
    const time = rng.pick(['7 pm', '7:30 pm', '8 pm', '8:30 pm'])
    return {
      channel: 'phone',
      identity: 'phone',
      lastAgo: rng.int(2, 30) * DAY,
      lines: [
        ['guest', `Hello, could I book a table for ${people} tonight at ${time}?`, 0],
        ['desk', `Of course, a table for ${people} at ${time} is booked under your name. Enjoy your evening!`, sec(rng.int(8, 20))],
      ],
      outcome: 'resolve',
    }
  },
  // An airport transfer for a coming stay.
  ({ rng, calendar, money, room }) => {
    const arrival = rng.int(2, 6)
    const landing = `${rng.int(9, 18)}:${rng.pick(['05', '20', '35', '50'])}`
    const flight = `${rng.pick(['LX', 'LH', 'BA', 'AF'])} ${rng.int(100, 999)}`
    return {
      channel: 'web_chat',
      lastAgo: rng.int(5, 40) * HOUR,
      lines: [
        ['guest', `Do you offer an airport transfer? We land on ${calendar.spoken(arrival)} at ${landing}, flight ${flight}.`, 0],
        ['desk', `Yes, our driver can pick you up for ${money(90)}. He will wait at arrivals with a sign with your name.`, rng.int(5, 30) * MINUTE],
        ['guest', 'Perfect, please book it.', rng.int(10, 90) * MINUTE],
        ['desk', `Booked: the driver meets you on ${calendar.spoken(arrival)} at ${landing} (${flight}).`, rng.int(3, 20) * MINUTE],
        ['note', `Transfer booked with the driver for ${calendar.spoken(arrival)}, ${landing}; the ${money(90)} go on the room bill.`, rng.int(1, 5) * MINUTE],
      ],
      stay: { arrivalOffset: arrival, nights: rng.int(3, 6), room: room(rng.pick(ROOM_TYPES)), status: 'confirmed' },
      outcome: 'resolve',
    }
  },
]

/** `count` sample stories for a property (its country's currency, its calendar), the same for the same seed and time. */
export function sampleStories({
  count,
  seed,
  now,
  country,
  timeZone,
}: {
  count: number
  seed: number
  now: number
  country: string
  timeZone: string
}): SampleStory[] {
  const rng = createRng(seed)
  const nextGuest = createGuestFactory(rng)
  const calendar = calendarOf(now, timeZone)
  const currency = CURRENCY[country] ?? 'EUR'
  const money = (amount: number) => `${currency} ${amount}`
  const roomsGiven = new Set<string>()
  const room = (type: RoomType) => {
    const free = type.rooms.filter((number) => !roomsGiven.has(number))
    const chosen = free.length ? rng.pick(free) : rng.pick(type.rooms)
    roomsGiven.add(chosen)
    return chosen
  }
  return Array.from({ length: count }, (_, index) => {
    const guest = nextGuest()
    const confirmation = `HB${String(seed % 1000).padStart(3, '0')}${String(4100 + index)}`
    const plan = STORIES[index % STORIES.length]!({ rng, guest, now, calendar, money, confirmation, room })
    // Lay the lines out backwards from the last one.
    const last = now - plan.lastAgo
    const gaps = plan.lines.map(([, , gap]) => gap)
    let at = last - gaps.slice(1).reduce((sum, gap) => sum + gap, 0)
    const lines = plan.lines.map(([from, text, gap], line) => {
      if (line > 0) at += gap
      return { from, text, at }
    })
    const stay: StoryStay | null = plan.stay
      ? {
          confirmationNumber: confirmation,
          arrival: calendar.isoDay(plan.stay.arrivalOffset),
          departure: calendar.isoDay(plan.stay.arrivalOffset + plan.stay.nights),
          room: plan.stay.room,
          status: plan.stay.status,
        }
      : null
    return {
      guest,
      channel: plan.channel,
      identity: plan.channel === 'phone' ? 'phone' : (plan.identity ?? (rng.chance(0.5) ? 'phone' : 'email')),
      lines,
      stay,
      lead: plan.lead ?? false,
      outcome: plan.outcome ?? null,
    }
  })
}
