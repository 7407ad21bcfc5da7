import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, startTestApp, type TestApp } from '../../support/test-app.js'

const NOW = Date.parse('2026-03-10T12:00:00Z')
const MESSAGES = 530
/** Seven messages share each minute, so page boundaries fall between messages of equal time. */
const TIED = 7

interface PageItem {
  id: string
  content: { text: string }
  createdAt: string
  direction: string
  delivery: unknown
}
interface Page {
  items: PageItem[]
  nextCursor: string | null
}

let t: TestApp
let token: string
let conversationId: string
/** The texts newest first, as the chat must show them: by time, then by arrival. */
let expected: string[]

before(async () => {
  t = await startTestApp({ clock: () => NOW })
  token = t.token()
  const written = Array.from({ length: MESSAGES }, (_, i) => ({
    text: `message ${i}`,
    at: NOW - 10 * 86_400_000 + Math.floor(i / TIED) * 60_000,
  }))
  // Pushed out of time order (a system catching up): the history follows the times, not the arrivals.
  const arrivals = [...written].sort((a, b) => (a.at % 3) - (b.at % 3) || (a.at % 11) - (b.at % 11))
  for (let start = 0; start < arrivals.length; start += 100) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/messages',
      headers: bearer(token),
      payload: {
        messages: arrivals.slice(start, start + 100).map((message, i) => ({
          channel: 'web_chat',
          guest: { phone: '+41795550777' },
          direction: (start + i) % 3 ? 'in' : 'out',
          content: { type: 'text', text: message.text },
          createdAt: new Date(message.at).toISOString(),
        })),
      },
    })
    assert.equal(response.statusCode, 201, response.body)
    conversationId ??= response.json().items[0].conversationId
  }
  expected = arrivals
    .map((message, arrival) => ({ ...message, arrival }))
    .sort((a, b) => b.at - a.at || b.arrival - a.arrival)
    .map((message) => message.text)
})
after(() => t.close())

async function page(limit: number, before: string | null): Promise<Page> {
  const query = new URLSearchParams({ limit: String(limit), ...(before ? { before } : {}) })
  const response = await t.app.inject({ url: `/v1/conversations/${conversationId}/messages?${query}`, headers: bearer(token) })
  assert.equal(response.statusCode, 200, response.body)
  return response.json() as Page
}

async function walk(limit: number): Promise<{ texts: string[]; pages: number }> {
  const texts: string[] = []
  let cursor: string | null = null
  let pages = 0
  do {
    const next = await page(limit, cursor)
    pages++
    assert.ok(next.items.length <= limit)
    texts.push(...next.items.map((item) => item.content.text))
    cursor = next.nextCursor
    assert.ok(pages <= MESSAGES, 'the walk ends')
  } while (cursor)
  return { texts, pages }
}

describe("paging back through a long conversation's history", () => {
  it('opens at the newest messages', async () => {
    const first = await page(50, null)
    assert.deepEqual(
      first.items.map((item) => item.content.text),
      expected.slice(0, 50),
    )
    assert.equal(first.nextCursor, first.items.at(-1)!.id)
  })

  for (const limit of [50, TIED, 3, 200]) {
    it(`pages of ${limit} hold every message once, newest first, down to the first one`, async () => {
      const { texts, pages } = await walk(limit)
      assert.equal(new Set(texts).size, texts.length, 'no message twice')
      assert.deepEqual(texts, expected)
      assert.equal(texts.at(-1), 'message 0')
      assert.equal(pages, Math.ceil(MESSAGES / limit) + (MESSAGES % limit === 0 ? 1 : 0))
    })
  }

  it('a message arriving while the staff pages back does not shift the older pages', async () => {
    const first = await page(50, null)
    const reply = await t.app.inject({
      method: 'POST',
      url: `/v1/conversations/${conversationId}/messages`,
      headers: bearer(token),
      payload: { text: 'A late reply' },
    })
    assert.equal(reply.statusCode, 201, reply.body)
    const second = await page(50, first.nextCursor)
    assert.deepEqual(
      second.items.map((item) => item.content.text),
      expected.slice(50, 100),
    )
    // The reply reads the same in the history as in its own answer, delivery included.
    const newest = (await page(1, null)).items[0]!
    assert.equal(newest.content.text, 'A late reply')
    assert.deepEqual(newest, reply.json())
  })

  it("refuses another conversation's message as the cursor", async () => {
    const other = await t.app.inject({
      method: 'POST',
      url: '/v1/messages',
      headers: bearer(token),
      payload: {
        messages: [
          {
            channel: 'whatsapp',
            guest: { phone: '+41795550778' },
            direction: 'in',
            content: { type: 'text', text: 'Hi' },
            createdAt: new Date(NOW).toISOString(),
          },
        ],
      },
    })
    const foreign = other.json().items[0].messageId as string
    const response = await t.app.inject({ url: `/v1/conversations/${conversationId}/messages?before=${foreign}`, headers: bearer(token) })
    assert.equal(response.statusCode, 400)
  })
})
