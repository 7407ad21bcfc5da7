import type { Page } from '@playwright/test'
import { expectNoSeriousViolations } from './axe.js'
import { expect, SCREENSHOTS, test } from './fixtures.js'
import { InboxPage } from './pages/inbox-page.js'

// A desk's working day in the inbox: Needs reply is the default view, each waiting guest has a badge
// that tells how long; replying takes a conversation out of it, `e` resolves, `z` snoozes, `u` marks
// unread, and a guest writing again opens the conversation again.
test.use({ deskName: 'states' })

test.describe.configure({ mode: 'serial' })
// Each test walks a whole working step with axe scans, on a 2-core machine shared with other work.
test.beforeEach(() => test.setTimeout(90_000))

const MINUTE = 60_000

async function guestWrites(page: Page, url: string, token: string, phone: string, text: string, minutesAgo = 0) {
  const response = await page.request.post(`${url}/v1/messages`, {
    headers: { authorization: `Bearer ${token}` },
    data: {
      messages: [
        {
          channel: 'web_chat',
          guest: { phone },
          direction: 'in',
          content: { type: 'text', text },
          createdAt: new Date(Date.now() - minutesAgo * MINUTE).toISOString(),
        },
      ],
    },
  })
  expect(response.ok(), await response.text()).toBe(true)
  return (await response.json()).items[0].conversationId as string
}

/** The chat header's state ("Open", "Resolved", "Snoozed until …"). */
const stateLabel = (inbox: InboxPage) => inbox.chat().locator('.state-label')
const note = (inbox: InboxPage, text: string | RegExp) => inbox.history().getByRole('note').filter({ hasText: text })

test('guest writes → Needs reply with a waiting badge → reply → resolve with e → the guest writes again → it reopens', async ({ page, desk, signedIn }) => {
  // Seven minutes: past the default 5 min target (amber), not yet late (15 min).
  const id = await guestWrites(page, desk.url, desk.token, '+41795557001', 'Is a late check-out possible tomorrow?', 7)
  const inbox = new InboxPage(page)
  await inbox.goto(desk.url)
  await expect(inbox.viewButton('Needs reply')).toHaveAttribute('aria-pressed', 'true')
  const row = inbox.row('+41795557001')
  await expect(row.locator('.waiting-badge')).toHaveClass(/waiting-warn/)
  await expect(row.locator('.waiting-badge')).toContainText('7 min')
  await expect(row.locator('.waiting-badge')).toHaveAttribute('title', 'Guest waiting for 7 min: past the 5 min reply target')
  // Needs reply lists the longest waiting first: the seeded guests waited longer.
  const labels = await inbox.rowLabels()
  expect(labels.indexOf('+41795557001')).toBeGreaterThan(labels.indexOf('+41792220002'))
  await expect(inbox.viewButton('Needs reply')).toHaveText(/\d/)
  await expectNoSeriousViolations(page)
  await page.locator('.list-panel').screenshot({ path: `${SCREENSHOTS}states-needs-reply-list.png` })

  await row.click()
  await expect(stateLabel(inbox)).toHaveText('Open')
  await inbox.reply('Yes, until 13:00 at no charge.')
  await expect(inbox.bubbles().filter({ hasText: 'Yes, until 13:00' })).toBeVisible()
  await expect(row).toHaveCount(0)

  await inbox.composer().press('Escape')
  await page.keyboard.press('e')
  await expect(stateLabel(inbox)).toHaveText('Resolved')
  await expect(note(inbox, 'Anna Keller resolved the conversation')).toBeVisible()
  await inbox.view('Resolved')
  await expect(row).toBeVisible()
  // Among the open ones, All tags it.
  await inbox.view('All')
  await expect(row.locator('.state-tag')).toHaveText('Resolved')
  await inbox.view('Needs reply')
  await expect(row).toHaveCount(0)

  await guestWrites(page, desk.url, desk.token, '+41795557001', 'One more thing: is parking free?')
  await expect(row).toBeVisible()
  await expect(row.locator('.waiting-badge')).toHaveClass(/waiting-ok/)
  await expect(stateLabel(inbox)).toHaveText('Open')
  await expect(note(inbox, 'The guest wrote: the conversation is open again')).toBeVisible()
  await expect(page).toHaveURL(new RegExp(`/conversations/${id}$`))
  await expectNoSeriousViolations(page)
  await page.locator('.chat-header').screenshot({ path: `${SCREENSHOTS}states-chat-header.png` })

  // e resolves what is open and reopens what is resolved: a resolve by mistake is one key away from undone.
  await page.keyboard.press('e')
  await expect(stateLabel(inbox)).toHaveText('Resolved')
  await page.keyboard.press('e')
  await expect(stateLabel(inbox)).toHaveText('Open')
  await expect(note(inbox, 'Anna Keller reopened the conversation')).toBeVisible()
})

test('snoozing until a time moves a conversation to Snoozed; until the guest writes (with z) it reopens when they do', async ({ page, desk, signedIn }) => {
  const inbox = new InboxPage(page)
  const later = await guestWrites(page, desk.url, desk.token, '+41795557002', 'Can you call me back about a group booking?', 2)
  await inbox.goto(`${desk.url}/conversations/${later}`)
  await inbox.chat().getByRole('button', { name: 'Snooze' }).click()
  const menu = page.getByRole('dialog', { name: 'Snooze until' })
  await expect(menu).toBeVisible()
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SCREENSHOTS}states-snooze-menu.png` })
  await menu.getByRole('button', { name: 'In 3 hours' }).click()
  await expect(menu).toHaveCount(0)
  await expect(stateLabel(inbox)).toHaveText(/^Snoozed until \w{3} \d{2}:\d{2}$/)
  await expect(note(inbox, /Anna Keller snoozed the conversation until/)).toBeVisible()
  const row = inbox.row('+41795557002')
  await expect(row).toHaveCount(0)
  await inbox.view('Snoozed')
  await expect(row).toBeVisible()
  await inbox.view('Needs reply')

  const untilGuest = await guestWrites(page, desk.url, desk.token, '+41795557003', 'I will send you our flight times later.', 1)
  await inbox.goto(`${desk.url}/conversations/${untilGuest}`)
  await expect(stateLabel(inbox)).toHaveText('Open')
  // The list (whose keys these are) is drawn just after the chat.
  await expect(inbox.row('+41795557003')).toBeVisible()
  await page.keyboard.press('z')
  await menu.getByRole('button', { name: 'Until the guest writes' }).click()
  await expect(stateLabel(inbox)).toHaveText('Snoozed until the guest writes')
  await expect(inbox.row('+41795557003')).toHaveCount(0)

  await guestWrites(page, desk.url, desk.token, '+41795557003', 'Here they are: LX 318, landing 10:40.')
  await expect(stateLabel(inbox)).toHaveText('Open')
  await expect(note(inbox, 'The guest wrote: the conversation is open again')).toBeVisible()
  await expect(inbox.row('+41795557003')).toBeVisible()
})

test('u marks the open conversation unread: the chat closes and its row is bold with a count, also under Unread only', async ({ page, desk, signedIn }) => {
  const inbox = new InboxPage(page)
  const id = await guestWrites(page, desk.url, desk.token, '+41795557004', 'Do you have a baby cot?', 3)
  await inbox.goto(`${desk.url}/conversations/${id}`)
  const row = inbox.row('+41795557004')
  await expect(inbox.chatTitle()).toHaveText('+41795557004')
  await expect(row).toBeVisible()
  await expect(row).not.toHaveClass(/\bunread\b/)
  await page.keyboard.press('u')
  await expect(page).toHaveURL(`${desk.url}/`)
  await expect(row).toHaveClass(/\bunread\b/)
  await expect(row.getByLabel('1 unread message')).toHaveText('1')

  const unreadOnly = page.getByRole('button', { name: 'Unread only' })
  await unreadOnly.click()
  await expect(unreadOnly).toHaveAttribute('aria-pressed', 'true')
  await expect(row).toBeVisible()
  await expect(inbox.rows().filter({ hasNot: page.locator('.unread-count') })).toHaveCount(0)
  await unreadOnly.click()
})

test("an admin's reply targets set when the badge turns red", async ({ page, desk, signedIn }) => {
  await page.goto(`${desk.url}/settings`)
  const form = page.getByRole('form', { name: 'Reply targets: Hotel Alpenblick' })
  await form.getByLabel('Amber after (minutes)').fill('1')
  await form.getByLabel('Red after (minutes)').fill('2')
  await form.getByRole('button', { name: 'Save the reply targets' }).click()
  await expect(form.getByRole('status')).toHaveText('Saved')
  await expectNoSeriousViolations(page)

  const inbox = new InboxPage(page)
  await guestWrites(page, desk.url, desk.token, '+41795557005', 'Is the spa open on Sunday?', 3)
  await inbox.goto(desk.url)
  const badge = inbox.row('+41795557005').locator('.waiting-badge')
  await expect(badge).toHaveClass(/waiting-late/)
  await expect(badge).toHaveAttribute('title', 'Guest waiting for 3 min: late, past 2 min')
})
