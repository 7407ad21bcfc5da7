import assert from 'node:assert/strict'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { after, before, beforeEach, describe, it } from 'node:test'
import { parse } from 'csv-parse/sync'
import { createProperty } from '../../../local-api/services/properties.js'
import { bearer, startTestApp, type TestApp } from '../../support/test-app.js'

// Translation through a property's provider: three request shapes (LibreTranslate, DeepL, an
// OpenAI-compatible LLM) answered by a local fake provider; kept once made, in the background, and
// never in the way when the provider fails.

interface Seen {
  path: string
  headers: Record<string, string | string[] | undefined>
  body: Record<string, unknown>
}

/** A provider on 127.0.0.1 that "translates" a text into `[TARGET] text`, and notes every request. */
function fakeProvider() {
  const seen: Seen[] = []
  let failing = false
  const server: Server = createServer((request, response) => {
    let raw = ''
    request.on('data', (chunk: Buffer) => (raw += chunk.toString()))
    request.on('end', () => {
      const body = JSON.parse(raw || '{}') as Record<string, unknown>
      seen.push({ path: request.url ?? '', headers: request.headers, body })
      if (failing) {
        response.writeHead(503).end('{"error":"overloaded"}')
        return
      }
      response.setHeader('content-type', 'application/json')
      if (request.url === '/translate') {
        const q = body.q as string | string[]
        const one = (text: string) => `[${String(body.target).toUpperCase()}] ${text}`
        response.end(JSON.stringify({ translatedText: Array.isArray(q) ? q.map(one) : one(q) }))
      } else if (request.url === '/v2/translate') {
        if (request.headers.authorization !== 'DeepL-Auth-Key deepl-secret') return void response.writeHead(403).end()
        response.end(
          JSON.stringify({
            translations: (body.text as string[]).map((text) => ({ detected_source_language: 'IT', text: `[${String(body.target_lang)}] ${text}` })),
          }),
        )
      } else if (request.url === '/v1/chat/completions') {
        const [system, user] = body.messages as { content: string }[]
        const into = /into (\w+)/.exec(system!.content)![1]
        response.end(JSON.stringify({ choices: [{ message: { content: `[${into}] ${user!.content}` } }] }))
      } else response.writeHead(404).end()
    })
  })
  return {
    seen,
    fail: (on: boolean) => void (failing = on),
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    listen: () => new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

let t: TestApp
let admin: string
let writer: string
const provider = fakeProvider()

before(async () => {
  await provider.listen()
  t = await startTestApp()
  admin = t.token(['admin'])
  writer = t.token()
})
after(async () => {
  await t.close()
  await provider.close()
})
beforeEach(() => provider.fail(false))

const api = (method: 'GET' | 'PUT' | 'POST' | 'DELETE', url: string, payload?: object, token = admin) =>
  t.app.inject({ method, url, headers: bearer(token), ...(payload ? { payload } : {}) })

let phones = 0
async function guestWrites(text: string): Promise<{ conversationId: string; messageId: string }> {
  const response = await api(
    'POST',
    '/v1/messages',
    {
      messages: [
        {
          channel: 'whatsapp',
          guest: { phone: `+3934712${String(10000 + phones++)}` },
          direction: 'in',
          content: { type: 'text', text },
          // Older than the AI agent's freshness window: no automatic answer in the way.
          createdAt: new Date(Date.now() - 30 * 60_000).toISOString(),
        },
      ],
    },
    writer,
  )
  assert.equal(response.statusCode, 201, response.body)
  await t.app.guestLanguages.idle()
  return response.json().items[0]
}
async function translations(conversationId: string, to = 'en', token = writer, before?: string) {
  const response = await api('GET', `/v1/conversations/${conversationId}/translations?to=${to}${before ? `&before=${before}` : ''}`, undefined, token)
  assert.equal(response.statusCode, 200, response.body)
  return response.json() as { items: { messageId: string; from: string; text: string }[]; pending: number; failed: number; nextBefore: string | null }
}
const ITALIAN = 'Buongiorno, è possibile avere un lettino per il bambino in camera?'

describe('without a translation provider', () => {
  it('sends nothing anywhere: no translations, none pending; a reply cannot be translated (409)', async () => {
    assert.equal((await api('GET', '/v1/settings/translation')).json(), null)
    const { conversationId } = await guestWrites(ITALIAN)
    assert.deepEqual(await translations(conversationId), { to: 'en', available: false, items: [], pending: 0, failed: 0, nextBefore: null })
    const refused = await api('POST', '/v1/translate', { conversationId, text: 'Of course', to: 'it' }, writer)
    assert.equal(refused.statusCode, 409)
    assert.match(refused.json().detail, /no translation provider/)
    assert.equal(provider.seen.length, 0)
  })
})

describe('a LibreTranslate endpoint', () => {
  it('is set by an admin only, with an http(s) address', async () => {
    assert.equal((await api('PUT', '/v1/settings/translation', { kind: 'libretranslate', url: provider.url() }, writer)).statusCode, 403)
    assert.equal((await api('PUT', '/v1/settings/translation', { kind: 'libretranslate', url: 'file:///etc/passwd' })).statusCode, 400)
    assert.equal((await api('PUT', '/v1/settings/translation', { kind: 'libretranslate' })).statusCode, 400)
    const set = await api('PUT', '/v1/settings/translation', { kind: 'libretranslate', url: provider.url(), apiKey: 'libre-key' })
    assert.equal(set.statusCode, 200, set.body)
    assert.equal(set.json().kind, 'libretranslate')
    assert.equal(set.json().hasApiKey, true)
    assert.ok(!JSON.stringify(set.json()).includes('libre-key'))
  })

  it("translates a guest's messages into the reader's language in the background, then keeps them", async () => {
    const { conversationId, messageId } = await guestWrites(ITALIAN)
    const first = await translations(conversationId)
    assert.deepEqual([first.items.length, first.pending], [0, 1])
    await t.app.translation.idle()
    const second = await translations(conversationId)
    assert.deepEqual(second.items, [{ messageId, from: 'it', text: `[EN] ${ITALIAN}` }])
    const asked = provider.seen.filter((request) => request.path === '/translate')
    assert.equal(asked.length, 1)
    assert.deepEqual(asked[0]!.body, { q: [ITALIAN], source: 'it', target: 'en', format: 'text', api_key: 'libre-key' })

    // Never asked twice: not on a later read, not for the same words in another conversation.
    const again = await guestWrites(ITALIAN)
    const other = await translations(again.conversationId)
    assert.deepEqual(other.items, [{ messageId: again.messageId, from: 'it', text: `[EN] ${ITALIAN}` }])
    await translations(conversationId)
    assert.equal(provider.seen.filter((request) => request.path === '/translate').length, 1)
  })

  it("leaves alone what is already in the reader's language", async () => {
    const before = provider.seen.length
    const { conversationId } = await guestWrites('Hello, could we have a late check-out tomorrow?')
    assert.deepEqual(await translations(conversationId, 'en'), { to: 'en', available: true, items: [], pending: 0, failed: 0, nextBefore: null })
    // A reader in German gets it in German.
    const german = await translations(conversationId, 'de')
    assert.equal(german.pending, 1)
    await t.app.translation.idle()
    assert.match((await translations(conversationId, 'de')).items[0]!.text, /^\[DE\] Hello/)
    assert.equal(provider.seen.length, before + 1)
  })

  it('keeps the original in place when the provider fails, says so, and asks again later', async () => {
    provider.fail(true)
    const { conversationId } = await guestWrites('Ciao, a che ora chiude la piscina stasera?')
    assert.equal((await translations(conversationId)).pending, 1)
    await t.app.translation.idle()
    const failed = await translations(conversationId)
    assert.deepEqual([failed.items.length, failed.pending, failed.failed], [0, 0, 1])
    const messages = (await api('GET', `/v1/conversations/${conversationId}/messages`, undefined, writer)).json().items
    assert.equal(messages[0].content.text, 'Ciao, a che ora chiude la piscina stasera?')
    const health = (await api('GET', '/v1/health')).json()
    assert.ok(health.background.some((entry: { worker: string }) => entry.worker === 'translation'))
    const reply = await api('POST', '/v1/translate', { conversationId, text: 'At ten', to: 'it' }, writer)
    assert.equal(reply.statusCode, 502)
    assert.match(reply.json().detail, /could not translate/)
  })

  it('translates a reply for review; sent, it keeps what staff wrote beside what the guest received', async () => {
    const { conversationId } = await guestWrites('Avete un parcheggio?')
    const translated = await api('POST', '/v1/translate', { conversationId, text: 'Yes, our garage has 40 spaces.', from: 'en', to: 'it' }, writer)
    assert.equal(translated.statusCode, 200, translated.body)
    assert.deepEqual(translated.json(), { text: '[IT] Yes, our garage has 40 spaces.', from: 'en', to: 'it' })
    const sent = await api(
      'POST',
      `/v1/conversations/${conversationId}/messages`,
      { text: translated.json().text, original: { text: 'Yes, our garage has 40 spaces.', language: 'en' } },
      writer,
    )
    assert.equal(sent.statusCode, 201, sent.body)
    assert.equal(sent.json().content.text, '[IT] Yes, our garage has 40 spaces.')
    assert.deepEqual(sent.json().original, { text: 'Yes, our garage has 40 spaces.', language: 'en' })
    const history = (await api('GET', `/v1/conversations/${conversationId}/messages`, undefined, writer)).json().items
    assert.deepEqual(history[0].original, { text: 'Yes, our garage has 40 spaces.', language: 'en' })

    // The export: each message's language, and the message in the reader's language where there is one.
    await translations(conversationId, 'en')
    await t.app.translation.idle()
    const csv = await api('GET', `/v1/export.csv?translateTo=en`, undefined, writer)
    const rows = parse(csv.body, { columns: true, bom: true }) as Record<string, string>[]
    const ofConversation = rows.filter((row) => row.conversation_id === conversationId)
    assert.deepEqual(
      ofConversation.map((row) => [row.direction, row.language, row.translation]),
      [
        ['received', 'it', '[EN] Avete un parcheggio?'],
        ['sent', '', 'Yes, our garage has 40 spaces.'],
      ],
    )
  })

  it("shows another property's conversation to none of its tokens", async () => {
    const { conversationId } = await guestWrites(ITALIAN)
    const other = createProperty(t.app.store, { name: 'Hotel Lago', defaultCountry: 'CH', timeZone: 'Europe/Zurich' })
    const bound = t.token(['guest.conversation.read', 'guest.conversation.write'], other.id)
    assert.equal((await api('GET', `/v1/conversations/${conversationId}/translations?to=en`, undefined, bound)).statusCode, 404)
    // Naming one of its messages as the window's start tells that token nothing either.
    const { messageId } = await guestWrites(ITALIAN)
    assert.equal((await api('GET', `/v1/conversations/${conversationId}/translations?to=en&before=${messageId}`, undefined, bound)).statusCode, 404)
    assert.equal((await api('POST', '/v1/translate', { conversationId, text: 'x', to: 'it' }, bound)).statusCode, 404)
  })
})

describe("a long conversation's translations", () => {
  it('come 100 guest messages at a time, newest first, older ones as the reader asks (before=)', async () => {
    const phone = '+393479990000'
    const started = Date.now() - 3 * 3_600_000
    const messages = Array.from({ length: 230 }, (_, index) => ({
      channel: 'whatsapp',
      guest: { phone },
      direction: index % 10 === 9 ? 'out' : 'in',
      content: { type: 'text', text: `Buongiorno, domanda numero ${index}: a che ora è la colazione?` },
      createdAt: new Date(started + index * 1_000).toISOString(),
    }))
    let conversationId = ''
    for (let start = 0; start < messages.length; start += 100) {
      const pushed = await api('POST', '/v1/messages', { messages: messages.slice(start, start + 100) }, writer)
      assert.equal(pushed.statusCode, 201, pushed.body)
      conversationId = pushed.json().items[0].conversationId
    }
    await t.app.guestLanguages.idle()
    const guestTexts = messages.filter((message) => message.direction === 'in').map((message) => `[EN] ${message.content.text}`)
    const windows: string[][] = []
    let before: string | undefined
    do {
      await translations(conversationId, 'en', writer, before)
      await t.app.translation.idle()
      const window = await translations(conversationId, 'en', writer, before)
      assert.equal(window.pending, 0)
      windows.push(window.items.map((item) => item.text))
      before = window.nextBefore ?? undefined
    } while (before)
    assert.deepEqual(
      windows.map((window) => window.length),
      [100, 100, 7],
    )
    assert.deepEqual(windows.flat(), guestTexts.reverse())
    // Read in Italian, nothing needs translating: one window, no older one to ask for.
    assert.deepEqual(await translations(conversationId, 'it'), { to: 'it', available: true, items: [], pending: 0, failed: 0, nextBefore: null })

    const refused = await api('GET', `/v1/conversations/${conversationId}/translations?to=en&before=msg_nope`, undefined, writer)
    assert.equal(refused.statusCode, 400)
    assert.match(refused.json().detail, /before names no message of this conversation/)
    // A message of another conversation is no window of this one.
    const other = await guestWrites(ITALIAN)
    assert.equal((await api('GET', `/v1/conversations/${conversationId}/translations?to=en&before=${other.messageId}`, undefined, writer)).statusCode, 400)
  })
})

describe('DeepL and the LLM', () => {
  it("DeepL: needs its key, sends it in DeepL's header and DeepL's language codes", async () => {
    assert.equal((await api('PUT', '/v1/settings/translation', { kind: 'deepl', url: provider.url() })).statusCode, 400)
    const set = await api('PUT', '/v1/settings/translation', { kind: 'deepl', url: provider.url(), apiKey: 'deepl-secret' })
    assert.equal(set.statusCode, 200, set.body)
    const { conversationId, messageId } = await guestWrites('Scusate, il wifi in camera 214 non funziona.')
    await translations(conversationId, 'de')
    await t.app.translation.idle()
    assert.deepEqual((await translations(conversationId, 'de')).items, [{ messageId, from: 'it', text: '[DE] Scusate, il wifi in camera 214 non funziona.' }])
    const asked = provider.seen.filter((request) => request.path === '/v2/translate').at(-1)!
    assert.equal(asked.headers.authorization, 'DeepL-Auth-Key deepl-secret')
    assert.deepEqual(asked.body, { text: ['Scusate, il wifi in camera 214 non funziona.'], target_lang: 'DE', source_lang: 'IT' })
  })

  it("the LLM: only once the desk's LLM is set; one chat completion per text", async () => {
    assert.equal((await api('DELETE', '/v1/settings/llm')).statusCode, 204)
    assert.equal((await api('PUT', '/v1/settings/translation', { kind: 'llm' })).statusCode, 400)
    assert.equal((await api('PUT', '/v1/settings/llm', { baseUrl: `${provider.url()}/v1`, model: 'test-model' })).statusCode, 200)
    assert.equal((await api('PUT', '/v1/settings/translation', { kind: 'llm' })).statusCode, 200)
    const { conversationId } = await guestWrites('Vorremmo prenotare un tavolo per due alle otto.')
    const translated = await api('POST', '/v1/translate', { conversationId, text: 'Your table is booked.', from: 'en', to: 'it' }, writer)
    assert.equal(translated.json().text, '[Italian] Your table is booked.')
    const asked = provider.seen.filter((request) => request.path === '/v1/chat/completions').at(-1)!
    assert.equal(asked.body.model, 'test-model')
  })
})
