import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from '@playwright/test'
import { expectNoSeriousViolations } from './axe.js'
import { expect, SCREENSHOTS, test } from './fixtures.js'
import { InboxPage } from './pages/inbox-page.js'

test.use({ deskName: 'translation' })

// A guest writes in Italian; the property translates through a LibreTranslate-compatible endpoint
// (a local fake that knows a few sentences); staff read it in English and reply in English, the
// guest receives Italian (a local webhook receiver notes what was delivered).

const ITALIAN = 'Buonasera, è possibile avere un lettino per il bambino in camera?'
const SENTENCES: Record<string, Record<string, string>> = {
  en: { [ITALIAN]: 'Good evening, is it possible to have a cot for the baby in the room?' },
  it: { 'Of course, we will put a cot in your room.': 'Certo, metteremo un lettino nella vostra camera.' },
}

let translator: Server
let receiver: Server
const translated: { source: string; target: string; q: string[] }[] = []
const delivered: string[] = []

function listen(server: Server) {
  const url = () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  if (server.listening) return Promise.resolve(url())
  return new Promise<string>((resolve) => server.listen(0, '127.0.0.1', () => resolve(url())))
}
function readJson(request: import('node:http').IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => resolve(JSON.parse(body || '{}')))
  })
}

test.beforeAll(async () => {
  translator = createServer(async (request, response) => {
    const body = await readJson(request)
    const q = body.q as string[]
    translated.push({ source: String(body.source), target: String(body.target), q })
    response.setHeader('content-type', 'application/json')
    response.end(JSON.stringify({ translatedText: q.map((text) => SENTENCES[String(body.target)]?.[text] ?? `(${String(body.target)}) ${text}`) }))
  })
  receiver = createServer(async (request, response) => {
    delivered.push(((await readJson(request)).message as { content: { text: string } }).content.text)
    response.writeHead(200).end()
  })
})
test.afterAll(async () => {
  await new Promise<void>((resolve) => translator.close(() => resolve()))
  await new Promise<void>((resolve) => receiver.close(() => resolve()))
})

async function api(page: Page, url: string, token: string, method: 'POST' | 'PUT', path: string, data: object) {
  const response = await page.request.fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${token}` }, data })
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true)
  return response.json()
}

test('an Italian guest read in English; the reply written in English, reviewed in Italian and delivered in Italian', async ({ page, desk, signedIn }) => {
  test.setTimeout(60_000)
  const translatorUrl = await listen(translator)
  const receiverUrl = await listen(receiver)
  const propertyId = desk.seed.properties.alpenblick
  await api(page, desk.url, desk.adminToken, 'PUT', '/v1/settings/translation', { propertyId, kind: 'libretranslate', url: translatorUrl })
  await api(page, desk.url, desk.adminToken, 'POST', '/v1/channel-accounts', {
    propertyId,
    channel: 'whatsapp',
    code: 'wa-translation',
    name: 'WhatsApp',
    webhookUrl: `${receiverUrl}/hook`,
    webhookSecret: 'e2e-translation-secret-0123456789',
  })
  await page.request.put(`${desk.url}/v1/session/language`, { headers: { origin: desk.url }, data: { uiLanguage: 'en' } })
  const pushed = await api(page, desk.url, desk.token, 'POST', '/v1/messages', {
    messages: [
      {
        channel: 'whatsapp',
        guest: { phone: '+393471239876' },
        direction: 'in',
        content: { type: 'text', text: ITALIAN },
        // Older than the AI agent's freshness window: staff answer.
        createdAt: new Date(Date.now() - 20 * 60_000).toISOString(),
      },
    ],
  })
  const id = pushed.items[0].conversationId as string
  const messageId = pushed.items[0].messageId as string

  const inbox = new InboxPage(page)
  await inbox.goto(`${desk.url}/conversations/${id}`)
  const guestBubble = page.locator(`.bubble[data-message-id="${messageId}"]`)
  await expect(guestBubble).toContainText('Good evening, is it possible to have a cot for the baby in the room?')
  await expect(guestBubble).toContainText('Translated from Italian')
  await guestBubble.getByRole('button', { name: 'Show original' }).click()
  await expect(guestBubble).toContainText(ITALIAN)
  await guestBubble.getByRole('button', { name: 'Show original' }).click()

  // The reply: written in English, translated for review, sent in Italian.
  await expect(page.getByRole('checkbox', { name: 'Translate into Italian before sending' })).toBeChecked()
  await inbox.composer().fill('Of course, we will put a cot in your room.')
  await inbox.composer().press('Enter')
  const review = page.getByRole('textbox', { name: 'Translation for the guest' })
  await expect(review).toHaveValue('Certo, metteremo un lettino nella vostra camera.')
  await page.screenshot({ path: `${SCREENSHOTS}translation-review.png` })
  await expectNoSeriousViolations(page)
  // The keyboard goes on in the review box: Enter sends the translation (the button does too).
  await expect(review).toBeFocused()
  await expect(page.getByRole('button', { name: 'Send translation' })).toBeEnabled()
  await review.press('Enter')

  // Staff see what they wrote; the note under it stays whichever words are shown.
  const sent = inbox.bubbles().filter({ hasText: 'Sent translated to the guest' })
  await expect(sent).toContainText('Of course, we will put a cot in your room.')
  await expect(sent.locator('.delivery')).toHaveText('Delivered')
  await sent.getByRole('button', { name: 'Show what the guest received' }).click()
  await expect(sent).toContainText('Certo, metteremo un lettino nella vostra camera.')
  expect(delivered).toContain('Certo, metteremo un lettino nella vostra camera.')
  await page.screenshot({ path: `${SCREENSHOTS}translation-chat.png` })
  // Each text went to the provider once.
  expect(translated.map(({ source, target, q }) => `${source}→${target}: ${q.join('|')}`)).toEqual([
    `it→en: ${ITALIAN}`,
    'en→it: Of course, we will put a cot in your room.',
  ])
})

test("a long Italian conversation: older messages are read in English too, as the chat scrolls back to the guest's first, after the guest went on in English", async ({
  page,
  desk,
  signedIn,
}) => {
  test.setTimeout(60_000)
  const translatorUrl = await listen(translator)
  const propertyId = desk.seed.properties.alpenblick
  await api(page, desk.url, desk.adminToken, 'PUT', '/v1/settings/translation', { propertyId, kind: 'libretranslate', url: translatorUrl })
  await page.request.put(`${desk.url}/v1/session/language`, { headers: { origin: desk.url }, data: { uiLanguage: 'en' } })
  // 160 guest messages: more than the newest 100 a chat's translations start with.
  const started = Date.now() - 5 * 3_600_000
  const texts = Array.from({ length: 160 }, (_, index) => `Buongiorno, domanda numero ${index + 1}: a che ora apre la piscina?`)
  let id = ''
  let firstId = ''
  for (let start = 0; start < texts.length; start += 80) {
    const pushed = await api(page, desk.url, desk.token, 'POST', '/v1/messages', {
      messages: texts.slice(start, start + 80).map((text, index) => ({
        channel: 'whatsapp',
        guest: { phone: '+393471230000' },
        direction: 'in',
        content: { type: 'text', text },
        createdAt: new Date(started + (start + index) * 60_000).toISOString(),
      })),
    })
    id = pushed.items[0].conversationId as string
    firstId ||= pushed.items[0].messageId as string
  }
  // The guest goes on in English: the conversation's language is English now, its Italian messages are still read in English.
  await api(page, desk.url, desk.token, 'POST', '/v1/messages', {
    messages: [
      {
        channel: 'whatsapp',
        guest: { phone: '+393471230000' },
        direction: 'in',
        content: { type: 'text', text: 'Sorry, can we go on in English? Thank you for your patience.' },
        createdAt: new Date(started + 170 * 60_000).toISOString(),
      },
    ],
  })

  const inbox = new InboxPage(page)
  await inbox.goto(`${desk.url}/conversations/${id}`)
  await expect(page.locator('.chat-header')).toContainText('Writes English')
  await expect(inbox.bubbles().filter({ hasText: 'numero 160:' })).toContainText(`(en) ${texts.at(-1)}`)
  await expect(page.getByRole('checkbox', { name: /before sending/ })).toHaveCount(0)
  await inbox.scrollHistoryToBeginning()
  const first = page.locator(`.bubble[data-message-id="${firstId}"]`)
  await expect(first).toContainText(`(en) ${texts[0]}`)
  await expect(first).toContainText('Translated from Italian')
})

test('Settings › Translation: an admin picks the provider, its address and key, or none', async ({ page, desk, signedIn }) => {
  const propertyId = desk.seed.properties.alpenblick
  const stored = async () => (await page.request.get(`${desk.url}/v1/settings/translation?propertyId=${propertyId}`)).json()
  await page.goto(`${desk.url}/settings`)
  const section = page.getByRole('region', { name: 'Translation' })
  const form = section.getByRole('form', { name: /Translation: Hotel Alpenblick/ })
  await expect(form.getByRole('combobox', { name: 'Provider' })).toHaveValue('libretranslate')
  await form.getByRole('combobox', { name: 'Provider' }).selectOption({ label: 'DeepL' })
  await form.getByLabel('API key').fill('deepl-e2e-key')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(form.getByRole('status')).toHaveText('Saved')
  expect(await stored()).toMatchObject({ kind: 'deepl', hasApiKey: true })
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SCREENSHOTS}translation-settings.png` })
  await form.getByRole('combobox', { name: 'Provider' }).selectOption({ label: 'None' })
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(form.getByRole('status')).toHaveText('Saved')
  expect(await stored()).toBeNull()
})
