import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { parse } from 'csv-parse/sync'
import { bearer, startTestApp, type TestApp } from '../../support/test-app.js'

// The language each guest writes, told offline from every guest message (whatever the AI agent
// does): on the conversation, its messages, the list's filter, the desk's languages and the export.

let t: TestApp
let token: string
before(async () => {
  t = await startTestApp()
  token = t.token()
})
after(() => t.close())

let phones = 0
async function guestWrites(texts: string[], phone = `+4179777${String(1000 + phones++)}`): Promise<string> {
  let conversationId = ''
  for (const text of texts) {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v1/messages',
      headers: bearer(token),
      payload: { messages: [{ channel: 'whatsapp', guest: { phone }, direction: 'in', content: { type: 'text', text }, createdAt: new Date().toISOString() }] },
    })
    assert.equal(response.statusCode, 201, response.body)
    conversationId = response.json().items[0].conversationId
  }
  // Guest insight reads the new messages in the background.
  await t.app.guestLanguages.idle()
  return conversationId
}
const get = async (url: string) => {
  const response = await t.app.inject({ url, headers: bearer(token) })
  assert.equal(response.statusCode, 200, response.body)
  return response.json()
}
const languageOf = async (id: string) => (await get(`/v1/conversations/${id}`)).language as string | null

describe("a conversation's language", () => {
  let italian: string
  let arabic: string
  let chinese: string

  before(async () => {
    italian = await guestWrites(['Buongiorno, posso fare il check-in prima delle 14?'])
    arabic = await guestWrites(['مرحبا، هل يوجد موقف للسيارات في الفندق؟'])
    chinese = await guestWrites(['請問飯店有提供機場接送嗎？'])
  })

  it('is told from the guest message, in any of two dozen languages and scripts', async () => {
    assert.equal(await languageOf(italian), 'it')
    assert.equal(await languageOf(arabic), 'ar')
    assert.equal(await languageOf(chinese), 'zh')
  })

  it('is not guessed from what tells none: a number, "ok", an emoji', async () => {
    assert.equal(await languageOf(await guestWrites(['ok'])), null)
    assert.equal(await languageOf(await guestWrites(['12:30 👍'])), null)
  })

  it("keeps the last told one through words that tell none, and follows the guest's latest language", async () => {
    const phone = '+41797779999'
    const id = await guestWrites(['Hallo, habt ihr noch ein Doppelzimmer frei?', 'ok'], phone)
    assert.equal(await languageOf(id), 'de')
    await guestWrites(['Sorry, can we write in English? My German is not good.'], phone)
    assert.equal(await languageOf(id), 'en')
  })

  it("filters the list (language=it) and names the desk's languages", async () => {
    const listed = (await get('/v1/conversations?language=it&limit=50')).items as { id: string }[]
    assert.deepEqual(
      listed.map((item) => item.id),
      [italian],
    )
    const languages = (await get('/v1/conversation-languages')) as string[]
    for (const code of ['it', 'ar', 'zh', 'en']) assert.ok(languages.includes(code), `${code} in ${languages.join(', ')}`)
    assert.ok(!languages.includes('fr'))
    const refused = await t.app.inject({ url: '/v1/conversations?language=Italian', headers: bearer(token) })
    assert.equal(refused.statusCode, 400)
    assert.match(refused.json().detail, /language/)
  })

  it("puts each guest message's language in the export", async () => {
    const response = await t.app.inject({ url: `/v1/export.csv?language=ar`, headers: bearer(token) })
    assert.equal(response.statusCode, 200, response.body)
    const rows = parse(response.body, { columns: true, bom: true }) as Record<string, string>[]
    const guestRows = rows.filter((row) => row.direction === 'received')
    assert.ok(guestRows.length > 0)
    assert.deepEqual(new Set(guestRows.map((row) => row.language)), new Set(['ar']))
  })
})
