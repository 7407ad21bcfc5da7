import { createHmac } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Page } from '@playwright/test'
import { expectNoSeriousViolations } from './axe.js'
import { expect, SCREENSHOTS, test } from './fixtures.js'
import { InboxPage } from './pages/inbox-page.js'

test.use({ deskName: 'workflow' })

test.describe.configure({ mode: 'serial' })

const SECRET = 'e2e-webhook-secret-0123456789'
let receiver: Server
const received: { text: string; signatureValid: boolean }[] = []

test.beforeAll(async () => {
  receiver = createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      const [t, v1] = String(request.headers['x-frontdesk-signature'])
        .split(',')
        .map((part) => part.split('=')[1])
      received.push({ text: JSON.parse(body).message.content.text, signatureValid: v1 === createHmac('sha256', SECRET).update(`${t}.${body}`).digest('hex') })
      response.writeHead(200).end()
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
})
test.afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())))

async function api(page: Page, url: string, token: string, method: 'POST' | 'PUT' | 'PATCH', path: string, data: object) {
  const response = await page.request.fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${token}` }, data })
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true)
  return response.json()
}

async function guestWrites(page: Page, url: string, token: string, channel: string, phone: string, text: string, at = new Date()) {
  const response = await api(page, url, token, 'POST', '/v1/messages', {
    messages: [{ channel, guest: { phone }, direction: 'in', content: { type: 'text', text }, createdAt: at.toISOString() }],
  })
  return response.items[0].conversationId as string
}

test("the AI agent answers from the knowledge base and from the guest's reservation, showing its tools", async ({ page, desk, signedIn }) => {
  await api(page, desk.url, desk.adminToken, 'POST', '/v1/knowledge', {
    propertyId: desk.seed.properties.alpenblick,
    question: 'Is there parking?',
    answer: 'Yes, {{guest.firstName|}} our garage has 40 spaces at CHF 20 a night.',
    tags: 'car garage parking',
  })
  await api(page, desk.url, desk.adminToken, 'POST', '/v1/reservations', {
    propertyId: desk.seed.properties.alpenblick,
    confirmationNumber: 'WF-1',
    guest: { firstName: 'Marta', lastName: 'Keller', phone: '+41795559002' },
    arrival: '2030-06-01',
    departure: '2030-06-05',
    room: '118',
  })
  const id = await guestWrites(page, desk.url, desk.token, 'web_chat', '+41795559002', 'Hello! Do you have parking for our car?')
  const inbox = new InboxPage(page)
  await inbox.goto(`${desk.url}/conversations/${id}`)
  const answer = inbox.bubbles().filter({ hasText: 'our garage has 40 spaces' })
  await expect(answer).toBeVisible()
  await expect(answer.locator('.bubble-author')).toContainText('AI Agent')
  await expect(answer.getByTitle('Answered from the knowledge base')).toHaveText('RAG')

  await guestWrites(page, desk.url, desk.token, 'web_chat', '+41795559002', 'When is my check-in, and which room is my reservation?')
  const stay = inbox.bubbles().filter({ hasText: 'WF-1' })
  await expect(stay).toContainText('arrival Saturday, 1 June 2030, departure Wednesday, 5 June 2030, room 118')
  await expect(stay.getByTitle("Answered from the guest's reservation")).toHaveText('PMS')
  await expect(inbox.chat().getByRole('group', { name: 'Who answers' }).getByRole('button', { name: 'AI Agent' })).toHaveAttribute('aria-pressed', 'true')
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SCREENSHOTS}ai-agent.png` })
})

test('"can I talk to a person" hands over to staff and notifies them', async ({ page, desk, signedIn }) => {
  const inbox = new InboxPage(page)
  await inbox.goto(desk.url)
  const id = await guestWrites(page, desk.url, desk.token, 'web_chat', '+41795559003', 'Can I talk to a person please?')
  const bell = page.getByRole('button', { name: /Notifications \([1-9]\d* unread\)/ })
  await expect(bell).toBeVisible()
  await bell.click()
  const panel = page.getByRole('region', { name: 'Notifications' })
  await expect(panel).toContainText('+41795559003 needs a person: asked for a person')
  await panel.getByRole('button', { name: /\+41795559003 needs a person/ }).click()
  await expect(page).toHaveURL(new RegExp(`/conversations/${id}$`))
  await expect(inbox.chat().getByRole('button', { name: 'Human Agent' })).toHaveAttribute('aria-pressed', 'true')
  await expect(inbox.history().getByRole('note').filter({ hasText: 'The AI agent handed over to staff: the guest asked for a person' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Notifications (0 unread)' })).toBeVisible()
})

test('in human mode no AI reply comes; taking over and handing back show in the timeline', async ({ page, desk, signedIn }) => {
  const id = await guestWrites(page, desk.url, desk.token, 'web_chat', '+41795559004', 'Hi there, is there parking?')
  const inbox = new InboxPage(page)
  await inbox.goto(`${desk.url}/conversations/${id}`)
  await expect(inbox.bubbles().filter({ hasText: 'garage' })).toBeVisible()
  await inbox.chat().getByRole('button', { name: 'Human Agent' }).click()
  await expect(inbox.history().getByText('Anna Keller took over from the AI agent')).toBeVisible()
  await guestWrites(page, desk.url, desk.token, 'web_chat', '+41795559004', 'And is parking free?')
  await expect(inbox.bubbles().first()).toContainText('And is parking free?')
  await page.waitForTimeout(500)
  await expect(inbox.bubbles().first()).toContainText('And is parking free?', { timeout: 100 })
  await inbox.chat().getByRole('button', { name: 'AI Agent' }).click()
  await expect(inbox.history().getByText('Anna Keller handed the conversation back to the AI agent')).toBeVisible()
})

test('a quick reply fills its variables in the composer, and its delivery state shows', async ({ page, desk, signedIn }) => {
  await api(page, desk.url, desk.adminToken, 'POST', '/v1/templates', {
    propertyId: desk.seed.properties.alpenblick,
    name: 'See you soon',
    shortcut: 'soon',
    body: 'Hi {{guest.firstName|there}}, see you on {{reservation.arrival}} in room {{reservation.room}}!',
  })
  const id = await guestWrites(page, desk.url, desk.token, 'web_chat', '+41795559002', 'Thanks!')
  const inbox = new InboxPage(page)
  await inbox.goto(`${desk.url}/conversations/${id}`)
  await inbox.chat().getByRole('button', { name: 'Human Agent' }).click()
  await inbox.composer().fill('/soo')
  const picker = page.getByRole('dialog', { name: 'Quick replies' })
  await expect(picker.getByRole('button', { name: 'Use: See you soon' })).toBeVisible()
  await inbox.composer().press('Enter')
  await expect(inbox.composer()).toHaveValue('Hi Marta, see you on Saturday, 1 June 2030 in room 118!')
  await inbox.composer().press('Enter')
  const sent = inbox.bubbles().filter({ hasText: 'Hi Marta, see you on Saturday, 1 June 2030 in room 118!' })
  await expect(sent.locator('.delivery')).toHaveText('Not deliverable: this channel has no webhook set up')
})

test('a reply on a channel with a webhook is delivered, signed, and shows as delivered', async ({ page, desk, signedIn }) => {
  const { port } = receiver.address() as AddressInfo
  await api(page, desk.url, desk.adminToken, 'POST', '/v1/channel-accounts', {
    propertyId: desk.seed.properties.alpenblick,
    channel: 'whatsapp',
    code: 'wa-business',
    name: 'WhatsApp Business',
    webhookUrl: `http://127.0.0.1:${port}/hook`,
    webhookSecret: SECRET,
  })
  const id = await guestWrites(page, desk.url, desk.token, 'whatsapp', '+41795559005', 'Please call me later')
  const inbox = new InboxPage(page)
  await inbox.goto(`${desk.url}/conversations/${id}`)
  await inbox.composer().fill('We will call you at 5 pm.')
  await inbox.composer().press('Enter')
  const sent = inbox.bubbles().filter({ hasText: 'We will call you at 5 pm.' })
  await expect(sent.locator('.delivery')).toHaveText('Delivered')
  expect(received.find((r) => r.text === 'We will call you at 5 pm.')?.signatureValid).toBe(true)
})

test("after WhatsApp's 24 h window only approved templates can be sent", async ({ page, desk, signedIn }) => {
  await api(page, desk.url, desk.adminToken, 'POST', '/v1/templates', {
    propertyId: desk.seed.properties.alpenblick,
    name: 'Follow-up',
    shortcut: 'followup',
    body: 'Hello from {{property.name}}, may we help you with anything?',
    channel: 'whatsapp',
    approval: 'approved',
  })
  await api(page, desk.url, desk.adminToken, 'POST', '/v1/templates', {
    propertyId: desk.seed.properties.alpenblick,
    name: 'Promo',
    shortcut: 'promo',
    body: 'Spa offer!',
    channel: 'whatsapp',
    approval: 'pending',
  })
  const id = await guestWrites(page, desk.url, desk.token, 'whatsapp', '+41795559006', 'Thanks for the stay', new Date(Date.now() - 30 * 3600_000))
  const inbox = new InboxPage(page)
  await inbox.goto(`${desk.url}/conversations/${id}`)
  await expect(inbox.chat()).toContainText('The WhatsApp 24 h window has closed: only approved templates can be sent')
  await expect(inbox.composer()).toHaveCount(0)
  await expect(inbox.chat().getByRole('button', { name: 'Send: Promo' })).toHaveCount(0)
  await inbox.chat().getByRole('button', { name: 'Send: Follow-up' }).click()
  await expect(inbox.bubbles().filter({ hasText: 'Hello from Hotel Alpenblick, may we help you with anything?' })).toBeVisible()
  await expect(inbox.chat().locator('.chat-header .status')).toHaveText('Expired')
})

test("the composer follows the server's reply policy when the window closes while the chat is open", async ({ page, desk, signedIn }) => {
  await page.clock.install()
  const wroteAt = new Date(Date.now() - 24 * 3600_000 + 2 * 60_000)
  const id = await guestWrites(page, desk.url, desk.token, 'whatsapp', '+41795559010', 'Is a late check-out possible?', wroteAt)
  const inbox = new InboxPage(page)
  await inbox.goto(`${desk.url}/conversations/${id}`)
  await expect(inbox.composer()).toBeVisible()
  await expect(inbox.chat().locator('.chat-header .status')).toHaveText(/^Active · 0 h [01] min left$/)
  await page.clock.fastForward('03:00')
  await expect(inbox.chat()).toContainText('The WhatsApp 24 h window has closed: only approved templates can be sent')
  await expect(inbox.composer()).toHaveCount(0)
  await expect(inbox.chat().locator('.chat-header .status')).toHaveText('Expired')
})

test('assigning, the Mine filter, and marking a lead that the Leads page lists', async ({ page, desk, signedIn }) => {
  const id = await guestWrites(page, desk.url, desk.token, 'web_chat', '+41795559007', 'What would a week in August cost?')
  const inbox = new InboxPage(page)
  await inbox.goto(`${desk.url}/conversations/${id}`)
  await inbox.chat().getByRole('combobox', { name: 'Assigned agent' }).selectOption({ label: 'Anna Keller' })
  await expect(inbox.history().getByText('Anna Keller assigned the conversation to Anna Keller')).toBeVisible()
  await inbox.assigned('Mine')
  await expect.poll(() => inbox.rowLabels()).toEqual(['+41795559007'])

  await inbox.chat().getByRole('button', { name: 'Mark as lead' }).click()
  await expect(inbox.row('+41795559007').locator('.lead-badge')).toHaveText('Lead')
  await inbox.chat().getByRole('combobox', { name: 'Lead status' }).selectOption({ label: 'Contacted' })
  await expect(inbox.history().getByText('Anna Keller moved the lead to Contacted')).toBeVisible()
  await page.screenshot({ path: `${SCREENSHOTS}workflow-chat.png` })

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Leads' }).click()
  const row = page.getByRole('row', { name: /\+41795559007/ })
  await expect(row.getByRole('combobox')).toHaveValue('contacted')
  await row.getByRole('textbox').fill('Call back on Monday')
  await row.getByRole('button', { name: 'Save notes' }).click()
  await page.getByRole('combobox', { name: 'Lead status', exact: true }).selectOption({ label: 'Contacted' })
  await expect(page.getByRole('row', { name: /\+41795559007/ }).getByRole('textbox')).toHaveValue('Call back on Monday')
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SCREENSHOTS}leads.png` })
})

test('admins manage the knowledge base, templates and settings in the inbox', async ({ page, desk, signedIn }) => {
  const nav = page.getByRole('navigation', { name: 'Main' })
  await page.goto(desk.url)
  await nav.getByRole('link', { name: 'Knowledge' }).click()
  const add = page.getByRole('form', { name: 'Add answer' })
  await add.getByLabel('Question').fill('Do you allow dogs?')
  await add.getByRole('textbox', { name: 'Answer', exact: true }).fill('Dogs are welcome for CHF 20 a night.')
  await add.getByLabel('Words guests use').fill('dog pet animals')
  await add.getByRole('button', { name: 'Add answer' }).click()
  await expect(page.getByRole('form', { name: 'Do you allow dogs?' })).toBeVisible()
  await expectNoSeriousViolations(page)

  await nav.getByRole('link', { name: 'Templates' }).click()
  await expect(page.getByRole('form', { name: 'See you soon' })).toBeVisible()
  await expectNoSeriousViolations(page)

  await nav.getByRole('link', { name: 'Settings' }).click()
  const whatsapp = page.getByRole('form', { name: 'WhatsApp Business' })
  await expect(whatsapp.getByLabel('Webhook URL')).toHaveValue(/^http:\/\/127\.0\.0\.1:\d+\/hook$/)
  await expect(whatsapp.getByLabel('Secret (16+ characters)')).toHaveAttribute('placeholder', 'A secret is stored; leave empty to keep it.')
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SCREENSHOTS}settings.png`, fullPage: true })
})
