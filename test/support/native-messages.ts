import assert from 'node:assert/strict'
import { bearer, type TestApp } from './test-app.js'

/** The clock the native-message tests run on, and a time that many minutes before it. */
export const NOW = Date.parse('2026-03-10T12:00:00Z')
export const at = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString()

/** One message content of every type the native API stores. */
export const EVERY_CONTENT_TYPE = [
  { type: 'text', text: 'Hi! Is the spa open?' },
  { type: 'text', text: 'Sent from my mail app', isMail: true },
  { type: 'email', subject: 'Booking 1234', body: 'Please confirm.' },
  { type: 'response', text: 'When would you like to come?', quickReplies: [{ title: 'Morning', payload: 'AM' }, { title: 'Evening' }] },
  { type: 'quick_reply', text: 'Evening', payload: 'PM' },
  { type: 'image', url: 'https://cdn.example.com/pool.jpg', caption: 'The pool', mimeType: 'image/jpeg', size: 120_000 },
  { type: 'file', url: 'https://cdn.example.com/menu.pdf', name: 'menu.pdf', mimeType: 'application/pdf', size: 2_400_000 },
  { type: 'location', latitude: 46.0101, longitude: 8.9601, name: 'Hotel Lago', address: 'Riva 1, Lugano' },
  { type: 'contact', name: 'Concierge', phone: '+41 91 123 45 67', email: 'concierge@lago.ch' },
]

/**
 * Pushes a WhatsApp conversation holding one message of every content type, oldest first, in and out
 * in turn, with external ids wa-0, wa-1…; returns the conversation's id.
 */
export async function pushEveryContentType(t: TestApp, token: string): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/v1/messages',
    headers: bearer(token),
    payload: {
      messages: EVERY_CONTENT_TYPE.map((content, i) => ({
        channel: 'whatsapp',
        guest: { phone: '+41795550101' },
        direction: i % 2 ? 'out' : 'in',
        content,
        createdAt: at(100 - i),
        externalId: `wa-${i}`,
      })),
    },
  })
  assert.equal(response.statusCode, 201, response.body)
  return response.json().items[0].conversationId
}
