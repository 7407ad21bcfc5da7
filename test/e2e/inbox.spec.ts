import { expectNoSeriousViolations } from './axe.js'
import type { Page } from '@playwright/test'
import { expect, SCREENSHOTS, test } from './fixtures.js'
import { InboxPage } from './pages/inbox-page.js'
import type { SeededConversation, SeededDesk } from './seed.js'

test.use({ deskName: 'inbox' })

test.describe.configure({ mode: 'serial' })

const PUSH = '/api/unified-messaging-service/guest-conversations/messages'
/** What the AI agent tells a guest it hands over to staff (this desk has no knowledge base: every question is handed over). */
const HANDOVER = "I've passed this to our front desk; a colleague will reply shortly."

/** The row labels a filter should leave, newest activity first. */
function expectedLabels(seed: SeededDesk, keep: (c: SeededConversation) => boolean): string[] {
  return Object.values(seed.conversations)
    .filter(keep)
    .sort((a, b) => b.lastMessageAt - a.lastMessageAt)
    .map((c) => c.label)
}

const startOfDay = (ms: number) => {
  const d = new Date(ms)
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime()
}
const startOfWeek = (ms: number) => {
  const day = new Date(startOfDay(ms))
  return new Date(day.getFullYear(), day.getMonth(), day.getDate() - ((day.getDay() + 6) % 7)).getTime()
}
const startOfMonth = (ms: number) => new Date(new Date(ms).getFullYear(), new Date(ms).getMonth(), 1).getTime()
const dateInput = (ms: number) => {
  const d = new Date(ms)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`
}

/** The inbox on its All view: these tests read the whole list, newest activity first (it opens on Needs reply). */
async function openInbox(page: Page, url: string) {
  const inbox = new InboxPage(page)
  await inbox.goto(url)
  await inbox.view('All')
  await expect(inbox.rows().first()).toBeVisible()
  return inbox
}

test('the list shows every conversation, newest activity first, with badge, preview, time and unread count', async ({ page, desk, signedIn }) => {
  const inbox = await openInbox(page, desk.url)
  const seed = desk.seed
  await expect.poll(() => inbox.rowLabels()).toEqual(expectedLabels(seed, () => true))
  const whatsapp = inbox.row('+41792220002')
  await expect(whatsapp.getByRole('img', { name: 'WhatsApp' })).toHaveAttribute('title', 'WhatsApp')
  await expect(whatsapp.locator('.row-preview')).toHaveText('Can I bring my dog?')
  await expect(whatsapp.locator('.row-time')).toHaveText('40 min')
  await expect(whatsapp.getByLabel('1 unread message')).toHaveText('1')
  await expect(inbox.row('+41793330003').locator('.row-preview')).toHaveText('Property: Yes, every day of the year.')
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SCREENSHOTS}inbox-list.png` })
})

test('each filter and the search narrow the list', async ({ page, desk, signedIn }) => {
  const inbox = await openInbox(page, desk.url)
  const seed = desk.seed
  const shows = (keep: (c: SeededConversation) => boolean) => expect.poll(() => inbox.rowLabels()).toEqual(expectedLabels(seed, keep))

  for (const [name, channel] of [
    ['Web Chat', 'web_chat'],
    ['Phone', 'phone'],
    ['WhatsApp', 'whatsapp'],
    ['Facebook', 'facebook'],
    ['Instagram', 'instagram'],
  ] as const) {
    await inbox.channel(name)
    await shows((c) => c.channel === channel)
  }
  await inbox.channel('All')
  await shows(() => true)

  await inbox.status('Active')
  await shows((c) => c.active)
  await inbox.status('Expired')
  await shows((c) => !c.active)
  await inbox.status('With captured lead')
  await shows((c) => c.lead)
  await inbox.status('All')

  const now = Date.now()
  await inbox.date('Today')
  await shows((c) => c.lastMessageAt >= startOfDay(now))
  await inbox.date('This week')
  await shows((c) => c.lastMessageAt >= startOfWeek(now))
  await inbox.date('This month')
  await shows((c) => c.lastMessageAt >= startOfMonth(now))
  await inbox.date('Custom range')
  const old = seed.conversations.old.lastMessageAt
  await inbox.customRange(dateInput(old), dateInput(old))
  await shows((c) => c.lastMessageAt >= startOfDay(old) && c.lastMessageAt < startOfDay(old) + 86_400_000 + 3_600_000)
  await inbox.date('Any time')

  await inbox.property('Chalet Edelweiss')
  await shows((c) => c.property === 'edelweiss')
  await inbox.property('Hotel Alpenblick')
  await shows((c) => c.property === 'alpenblick')
  await inbox.property('All properties')

  await inbox.search().fill('muster')
  await shows((c) => c.label === 'Anna Muster')
  await inbox.search().fill('mia@exam')
  await shows((c) => c.label === 'mia@example.com')
  await inbox.search().fill('079 222 00 02')
  await shows((c) => c.label === '+41792220002')
  await inbox.search().fill('zzzz nobody')
  await expect(page.getByText('No conversation matches these filters.')).toBeVisible()
  await inbox.search().fill('')
  await shows(() => true)
})

test('opening a conversation shows its messages in order, session dividers, the reservation and other touchpoints', async ({ page, desk, signedIn }) => {
  // Two pages, an axe scan and a screenshot: more than 30 s on a busy 2-core machine.
  test.slow()
  const inbox = await openInbox(page, desk.url)
  const anna = desk.seed.conversations.anna
  await inbox.rows().filter({ hasText: 'Is breakfast included?' }).click()
  await expect(page).toHaveURL(new RegExp(`/conversations/${anna.id}$`))
  await expect(inbox.chatTitle()).toHaveText('Anna Muster')
  await expect(inbox.chat().locator('.chat-header .channel-badge')).toHaveText('Web Chat')
  await expect
    .poll(() => inbox.messageTexts())
    .toEqual(['Hello, do you have a double room in March?', 'Yes, from 1 to 4 March we have a lake-view double.', 'Is breakfast included?'])
  // Two guest sessions, three days apart.
  await expect(inbox.sessionDividers()).toHaveCount(2)
  await expect(inbox.bubbles().first().locator('time')).toBeVisible()

  const panel = inbox.guestPanel()
  await expect(panel.getByRole('heading', { name: 'Anna Muster' })).toBeVisible()
  await expect(panel).toContainText('anna.muster@example.com')
  await expect(panel).toContainText('+41791110001')
  await expect(panel).toContainText('German')
  const reservation = panel.getByRole('region', { name: 'Confirmation CONF-1001' })
  await expect(reservation).toContainText('204')
  await expect(reservation).toContainText('Confirmed')
  await expect(reservation).toContainText('Mar 1, 2027')
  await expect(reservation).toContainText('Mar 4, 2027')

  // Opening it read it.
  await expect(inbox.selectedRow().locator('.unread-count')).toHaveCount(0)
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SCREENSHOTS}inbox-chat.png` })

  // The phone call is one click away, and has no composer.
  await panel.getByRole('link', { name: /airport transfer/ }).click()
  await expect(page).toHaveURL(new RegExp(`/conversations/${desk.seed.conversations.annaCall.id}$`))
  await expect(inbox.chat()).toContainText('This is a phone-call transcript: it has no reply channel.')
  await expect(inbox.chat().getByRole('link', { name: 'Call +41791110001' })).toHaveAttribute('href', 'tel:+41791110001')
  await expect(inbox.composer()).toHaveCount(0)
  await page.screenshot({ path: `${SCREENSHOTS}inbox-phone-call.png` })
})

test('older messages load as the chat scrolls up', async ({ page, desk, signedIn }) => {
  const inbox = await openInbox(page, desk.url)
  await inbox.row('long.stay@example.com').click()
  await expect(inbox.bubbles().first()).toContainText('Message 130 of our long chat')
  await expect(inbox.history().getByText('Message 130 of our long chat')).toBeInViewport()
  await inbox.scrollHistoryToBeginning()
  await expect(inbox.history().getByText('This is the beginning of the conversation.')).toBeInViewport()
  expect((await inbox.messageTexts()).slice(0, 2)).toEqual(['Message 1 of our long chat', 'Message 2 of our long chat'])
})

test('a reply appears in the chat, in the list and in the unified-messaging reads', async ({ page, desk, signedIn }) => {
  const inbox = await openInbox(page, desk.url)
  const whatsapp = desk.seed.conversations.whatsapp
  await inbox.row('+41792220002').click()
  await inbox.reply('Of course, dogs are welcome (CHF 20 a night).')
  await expect(inbox.bubbles().first()).toContainText('Of course, dogs are welcome (CHF 20 a night).')
  await expect(inbox.bubbles().first()).toContainText('Anna Keller')
  await expect(inbox.composer()).toHaveValue('')
  await expect(inbox.row('+41792220002').locator('.row-preview')).toHaveText('You: Of course, dogs are welcome (CHF 20 a night).')

  const read = await page.request.get(`${desk.url}/api/unified-messaging-service/guest-conversations/${whatsapp.id}/messages?page=0&size=20`, {
    headers: { authorization: `Bearer ${desk.token}` },
  })
  const body = await read.json()
  expect(body.content.map((m: { direction: string; content: { text: { text: string } } }) => [m.direction, m.content.text.text])).toEqual([
    ['RECEIVED', 'Can I bring my dog?'],
    ['SENT', 'Of course, dogs are welcome (CHF 20 a night).'],
  ])
})

test('keyboard: / searches, j and k move, Enter opens, Esc leaves the composer', async ({ page, desk, signedIn }) => {
  const inbox = await openInbox(page, desk.url)
  // Earlier tests replied and reordered the list: take it as it is now.
  await expect(inbox.rows()).toHaveCount(Object.keys(desk.seed.conversations).length)
  const labels = await inbox.rowLabels()
  await page.locator('body').click({ position: { x: 700, y: 400 } })
  await page.keyboard.press('j')
  await expect(inbox.highlightedRow().locator('.row-name')).toHaveText(labels[0]!)
  await page.keyboard.press('j')
  await page.keyboard.press('j')
  await page.keyboard.press('k')
  await expect(inbox.highlightedRow().locator('.row-name')).toHaveText(labels[1]!)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/conversations\/conv_/)
  await expect(inbox.selectedRow().locator('.row-name')).toHaveText(labels[1]!)

  await inbox.composer().click()
  await page.keyboard.type('jjj')
  await expect(inbox.composer()).toHaveValue('jjj')
  await page.keyboard.press('Escape')
  await expect(inbox.composer()).not.toBeFocused()
  await page.keyboard.press('j')
  await expect(inbox.highlightedRow().locator('.row-name')).toHaveText(labels[2]!)

  await page.keyboard.press('/')
  await expect(inbox.search()).toBeFocused()
  await page.keyboard.type('mia')
  await expect.poll(() => inbox.rowLabels()).toEqual(['mia@example.com'])
})

test('a message pushed by a local system appears live, without a reload, and unread counts follow', async ({ page, desk, signedIn }) => {
  const inbox = await openInbox(page, desk.url)
  await inbox.row('Anna Muster').first().click()
  await expect(inbox.chatTitle()).toHaveText('Anna Muster')

  const push = (messages: object[]) => page.request.post(`${desk.url}${PUSH}`, { headers: { authorization: `Bearer ${desk.token}` }, data: { messages } })
  const at = new Date().toISOString()
  const pushed = await push([
    {
      guestIdentifier: { type: 'EMAILADDRESS', value: 'new.guest@example.com' },
      platform: 'WEBSITE_CHAT',
      direction: 'RECEIVED',
      content: { type: 'text', text: { text: 'Hi! Any rooms free tonight?' } },
      messageCreatedAt: at,
    },
    {
      guestIdentifier: { type: 'EMAILADDRESS', value: 'new.guest@example.com' },
      platform: 'WEBSITE_CHAT',
      direction: 'RECEIVED',
      content: { type: 'text', text: { text: 'Two adults.' } },
      messageCreatedAt: at,
    },
  ])
  expect(pushed.status()).toBe(201)
  const row = inbox.row('new.guest@example.com')
  await expect(row).toBeVisible()
  // The AI agent answers the burst once, handing the guest over: its words follow theirs, live too.
  await expect(row.locator('.row-preview')).toHaveText(`AI: ${HANDOVER}`)
  await expect(row.getByLabel('2 unread messages')).toBeVisible()
  await expect.poll(() => inbox.rowLabels().then((labels) => labels[0])).toBe('new.guest@example.com')

  // A message into the open conversation appears in the chat, and stays read.
  await push([
    {
      guestIdentifier: { type: 'PHONENUMBER', value: '+41791110001' },
      platform: 'WEBSITE_CHAT',
      direction: 'RECEIVED',
      content: { type: 'text', text: { text: 'And is there parking?' } },
      messageCreatedAt: new Date().toISOString(),
    },
  ])
  await expect(inbox.bubbles().nth(1)).toContainText('And is there parking?')
  await expect(inbox.bubbles().first()).toContainText(HANDOVER)
  await expect(inbox.selectedRow().locator('.row-preview')).toHaveText(`AI: ${HANDOVER}`)
  await expect(inbox.selectedRow().locator('.unread-count')).toHaveCount(0)
  await page.screenshot({ path: `${SCREENSHOTS}inbox-live.png` })
})

test('dark mode follows the OS', async ({ page, desk, signedIn }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  const inbox = await openInbox(page, desk.url)
  await inbox.row('+41792220002').click()
  const background = await page.locator('.list-panel').evaluate((element) => getComputedStyle(element).backgroundColor)
  expect(background).toBe('rgb(17, 27, 33)')
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SCREENSHOTS}inbox-dark.png` })
})
