import { openStore } from '../../local-api/db/store.js'
import type { Channel } from '../../local-api/domain/channels.js'
import { createServices } from '../../local-api/services/index.js'
import type { IncomingMessage } from '../../local-api/services/ingest.js'
import { createProperty } from '../../local-api/services/properties.js'

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

export interface SeededConversation {
  id: string
  label: string
  channel: Channel
  property: 'alpenblick' | 'edelweiss'
  lastMessageAt: number
  active: boolean
  lead: boolean
}

export interface SeededDesk {
  admin: { email: string; password: string; name: string }
  properties: { alpenblick: string; edelweiss: string }
  conversations: Record<'anna' | 'annaCall' | 'whatsapp' | 'instagram' | 'facebook' | 'james' | 'old' | 'longStay', SeededConversation>
}

type Line = [minutesAgo: number, direction: 'in' | 'out', text: string]

/**
 * A small desk with one of everything the inbox shows, written through the product's own services
 * before the server starts: two properties, guests on five channels, a guest with a reservation and
 * a phone call besides her chat, sessions more than 24 h apart, a captured lead, an old conversation.
 */
export async function seedDesk(dataDir: string, now: number): Promise<SeededDesk> {
  const store = openStore(dataDir)
  try {
    const services = createServices(store, { clock: () => now })
    const ingest = services.ingest
    const alpenblick = createProperty(store, { name: 'Hotel Alpenblick', defaultCountry: 'CH', timeZone: 'Europe/Zurich' }, now)
    const edelweiss = createProperty(store, { name: 'Chalet Edelweiss', defaultCountry: 'CH', timeZone: 'Europe/Zurich' }, now)
    const admin = { name: 'Anna Keller', email: 'admin@alpenblick.ch', password: 'front desk 2026' }
    const created = await services.agents.create({ ...admin, role: 'admin' })
    if (!created.ok) throw new Error(JSON.stringify(created.problems))

    const conversation = (
      property: typeof alpenblick,
      channel: Channel,
      identity: IncomingMessage['identity'],
      label: string,
      lines: Line[],
    ): SeededConversation => {
      const outcome = ingest.ingest(
        property,
        lines.map(([ago, direction, text]) => ({ channel, identity, direction, content: { type: 'text', text }, createdAt: now - ago * MINUTE })),
      )
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems))
      const lastGuest = Math.min(...lines.filter(([, direction]) => direction === 'in').map(([ago]) => ago))
      return {
        id: outcome.value[0]!.conversationId,
        label,
        channel,
        property: property === alpenblick ? 'alpenblick' : 'edelweiss',
        lastMessageAt: now - Math.min(...lines.map(([ago]) => ago)) * MINUTE,
        active: lastGuest * MINUTE < DAY,
        lead: false,
      }
    }

    const conversations: SeededDesk['conversations'] = {
      anna: conversation(alpenblick, 'web_chat', { kind: 'phone', value: '+41791110001' }, 'Anna Muster', [
        [3 * 24 * 60, 'in', 'Hello, do you have a double room in March?'],
        [3 * 24 * 60 - 5, 'out', 'Yes, from 1 to 4 March we have a lake-view double.'],
        [12, 'in', 'Is breakfast included?'],
      ]),
      annaCall: conversation(alpenblick, 'phone', { kind: 'phone', value: '+41791110001' }, 'Anna Muster', [
        [2 * 60, 'in', 'Caller asked about an airport transfer on arrival.'],
      ]),
      whatsapp: conversation(alpenblick, 'whatsapp', { kind: 'phone', value: '+41792220002' }, '+41792220002', [[40, 'in', 'Can I bring my dog?']]),
      instagram: conversation(alpenblick, 'instagram', { kind: 'email', value: 'mia@example.com' }, 'mia@example.com', [
        [2 * 24 * 60, 'in', 'Love your spa photos!'],
      ]),
      facebook: conversation(alpenblick, 'facebook', { kind: 'phone', value: '+41793330003' }, '+41793330003', [
        [5 * 60, 'in', 'Are you open at Christmas?'],
        [5 * 60 - 3, 'out', 'Yes, every day of the year.'],
      ]),
      james: conversation(edelweiss, 'web_chat', { kind: 'email', value: 'james.miller@example.com' }, 'james.miller@example.com', [
        [20, 'in', 'Do you have a sauna? We would like to book a family room.'],
      ]),
      old: conversation(alpenblick, 'web_chat', { kind: 'email', value: 'old.guest@example.com' }, 'old.guest@example.com', [
        [40 * 24 * 60, 'in', 'Thank you for the lovely stay.'],
      ]),
      // 130 messages: more than one page of history.
      longStay: conversation(
        alpenblick,
        'web_chat',
        { kind: 'email', value: 'long.stay@example.com' },
        'long.stay@example.com',
        Array.from({ length: 130 }, (_, i): Line => [10 * 24 * 60 - i, i % 2 ? 'out' : 'in', `Message ${i + 1} of our long chat`]),
      ),
    }

    const booked = services.reservations.upsert(alpenblick, {
      confirmationNumber: 'CONF-1001',
      firstName: 'Anna',
      lastName: 'Muster',
      phone: '079 111 00 01',
      email: 'anna.muster@example.com',
      language: 'de',
      arrival: '2027-03-01',
      departure: '2027-03-04',
      room: '204',
      status: 'confirmed',
    })
    if (!booked.ok) throw new Error(JSON.stringify(booked.problems))

    services.leads.capture(store.conversations.get(conversations.james.id)!)
    conversations.james.lead = true
    return { admin, properties: { alpenblick: alpenblick.id, edelweiss: edelweiss.id }, conversations }
  } finally {
    store.close()
  }
}
