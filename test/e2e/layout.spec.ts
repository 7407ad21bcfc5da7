import { mkdirSync } from 'node:fs'
import { request as playwrightRequest, type Page } from '@playwright/test'
import { spawnServe } from '../support/cli-process.js'
import { expectNoSeriousViolations } from './axe.js'
import { expect, test } from './fixtures.js'
import { InboxPage } from './pages/inbox-page.js'

test.use({ deskName: 'layout' })

// Several axe scans a test, on a 2-core machine shared with other runs.
test.describe.configure({ mode: 'serial', timeout: 120_000 })

const PUSH = '/api/unified-messaging-service/guest-conversations/messages'
/** Where the window-size screenshots go, to be looked at (test-results/ is not kept in git). */
const SHOTS = new URL('../../test-results/layout/', import.meta.url).pathname
mkdirSync(SHOTS, { recursive: true })

/** Guests beyond the seeded eight: enough for a list longer than any window. */
const MORE_GUESTS = 16

test.beforeAll(async ({ desk }) => {
  const api = await playwrightRequest.newContext()
  const now = Date.now()
  const pushed = await api.post(`${desk.url}${PUSH}`, {
    headers: { authorization: `Bearer ${desk.token}` },
    data: {
      messages: Array.from({ length: MORE_GUESTS }, (_, i) => ({
        guestIdentifier: { type: 'PHONENUMBER', value: `+417977700${String(i).padStart(2, '0')}` },
        platform: i % 3 ? 'WEBSITE_CHAT' : 'PHONE_CALL',
        direction: 'RECEIVED',
        content: { type: 'text', text: { text: `Question ${i + 1}: is late check-in possible?` } },
        messageCreatedAt: new Date(now - (i + 1) * 7 * 60_000).toISOString(),
      })),
    },
  })
  expect(pushed.status(), await pushed.text()).toBe(201)
  await api.dispose()
})

async function openInbox(page: Page, url: string) {
  const inbox = new InboxPage(page)
  await inbox.goto(url)
  await expect(inbox.rows().first()).toBeVisible()
  return inbox
}

/** Rows wholly inside the list's scroll area, as a reader sees them without scrolling. */
const rowsInView = (page: Page) =>
  page.evaluate(() => {
    const view = document.getElementById('conversation-list')!.getBoundingClientRect()
    return Array.from(document.querySelectorAll('#conversation-list .conversation-row')).filter((row) => {
      const box = row.getBoundingClientRect()
      return box.top >= view.top - 0.5 && box.bottom <= view.bottom + 0.5
    }).length
  })

test('the filters fold into one bar: a popover sets them, chips show and remove them', async ({ page, desk, signedIn }) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  const inbox = await openInbox(page, desk.url)
  await expect.poll(() => inbox.rows().count()).toBeGreaterThanOrEqual(12)
  // No chips while nothing is filtered; the bar is one line.
  await expect(inbox.filterChips()).toHaveCount(0)
  const bar = await page.getByRole('search', { name: 'Filter conversations' }).boundingBox()
  expect(bar!.height).toBeLessThan(56)

  const popover = await inbox.openFilters()
  await expect(popover).toBeVisible()
  await expect(popover.getByRole('checkbox', { name: 'Search in messages' })).toBeFocused()
  await popover.getByRole('group', { name: 'Channel' }).getByRole('button', { name: 'WhatsApp', exact: true }).click()
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SHOTS}filters-popover.png` })

  // Escape closes the popover and gives focus back to its button.
  await page.keyboard.press('Escape')
  await expect(popover).toBeHidden()
  await expect(inbox.filtersButton()).toBeFocused()
  await expect(inbox.filtersButton()).toHaveAccessibleName(/^Filters\s*1 active$/)

  await expect(inbox.filterChip('WhatsApp')).toHaveAccessibleName('Remove filter Channel: WhatsApp')
  await expect.poll(() => inbox.rowLabels()).toEqual([desk.seed.conversations.whatsapp.label])

  // A second filter, a second chip; removing the channel's chip leaves the other one.
  await inbox.status('Active')
  await inbox.closeFilters()
  await expect(inbox.filterChips()).toHaveCount(2)
  await inbox.filterChip('WhatsApp').click()
  await expect(inbox.filterChips()).toHaveText(['Active'])
  await expect(inbox.filtersButton()).toBeFocused()
  await expect.poll(() => inbox.rows().count()).toBeGreaterThan(1)
  await inbox.filterChip('Active').click()
  await expect(inbox.filterChips()).toHaveCount(0)
  await expect.poll(() => rowsInView(page)).toBeGreaterThanOrEqual(12)
  await expectNoSeriousViolations(page)
})

test('rows show the channel as an icon named on hover, one lead marker, and at least 12 fit a 1366×768 window', async ({ page, desk, signedIn }) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  const inbox = await openInbox(page, desk.url)
  expect(await rowsInView(page)).toBeGreaterThanOrEqual(12)

  const whatsapp = inbox.row(desk.seed.conversations.whatsapp.label)
  await expect(whatsapp.getByRole('img', { name: 'WhatsApp' })).toHaveAttribute('title', 'WhatsApp')
  await expect(whatsapp.locator('.channel-badge')).toHaveCount(0)
  // The captured lead (whose insight may also read "Lead") is marked once.
  const lead = inbox.row(desk.seed.conversations.james.label)
  await expect(lead.getByText('Lead', { exact: true })).toHaveCount(1)
})

test('1366×768: with nothing open the chat column asks to pick a conversation', async ({ page, desk, signedIn }) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  await openInbox(page, desk.url)
  const pick = page.getByRole('region', { name: 'Pick a conversation' })
  await expect(pick).toBeVisible()
  await expect(pick.locator('svg.pick-illustration')).toBeVisible()
  // The pick panel takes the guest panel's column too: nothing is blank.
  await expect(page.getByRole('complementary', { name: 'Guest' })).toHaveCount(0)
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SHOTS}1366x768-pick.png` })

  await page.goto(`${desk.url}/conversations/${desk.seed.conversations.anna.id}`)
  await expect(page.locator('#chat-title')).toHaveText('Anna Muster')
  // The guest panel comes after the chat's own requests (on a busy machine that takes a while).
  await expect(page.getByRole('complementary', { name: 'Guest' }).getByRole('heading', { name: 'Anna Muster' })).toBeVisible({ timeout: 15_000 })
  await expect(page.getByRole('button', { name: 'Guest details', exact: true })).toBeHidden()
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SHOTS}1366x768-chat.png` })
})

test('1024×768: the guest panel is a drawer the chat header opens and Escape closes', async ({ page, desk, signedIn }) => {
  await page.setViewportSize({ width: 1024, height: 768 })
  const inbox = new InboxPage(page)
  await inbox.goto(`${desk.url}/conversations/${desk.seed.conversations.anna.id}`)
  await expect(inbox.chatTitle()).toHaveText('Anna Muster')
  const toggle = page.getByRole('button', { name: 'Guest details', exact: true })
  await expect(toggle).toHaveAttribute('aria-expanded', 'false')
  await expect(inbox.guestPanel()).toBeHidden()
  // Nothing overflows the window sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024)
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SHOTS}1024x768-closed.png` })

  await toggle.click()
  await expect(toggle).toHaveAttribute('aria-expanded', 'true')
  await expect(inbox.guestPanel()).toBeVisible()
  await expect(inbox.guestPanel()).toBeFocused()
  await expect(inbox.guestPanel().getByRole('heading', { name: 'Anna Muster' })).toBeVisible({ timeout: 15_000 })
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SHOTS}1024x768-drawer.png` })

  await page.keyboard.press('Escape')
  await expect(inbox.guestPanel()).toBeHidden()
  await expect(toggle).toBeFocused()

  await toggle.click()
  await inbox.guestPanel().getByRole('button', { name: 'Close guest details' }).click()
  await expect(inbox.guestPanel()).toBeHidden()
})

test('1920×1080: the list and the chat use the width', async ({ page, desk, signedIn }) => {
  await page.setViewportSize({ width: 1366, height: 768 })
  const inbox = new InboxPage(page)
  await inbox.goto(`${desk.url}/conversations/${desk.seed.conversations.anna.id}`)
  await expect(inbox.chatTitle()).toHaveText('Anna Muster')
  // Opened at a chat, the list and the guest panel come after it.
  await expect(inbox.rows().first()).toBeVisible()
  await expect(inbox.guestPanel()).toBeVisible({ timeout: 15_000 })
  const listAt1366 = (await page.locator('.list-panel').boundingBox())!.width
  const chatAt1366 = (await inbox.chat().boundingBox())!.width

  await page.setViewportSize({ width: 1920, height: 1080 })
  await expect.poll(async () => (await page.locator('.list-panel').boundingBox())!.width).toBeGreaterThan(listAt1366)
  expect((await inbox.chat().boundingBox())!.width).toBeGreaterThan(chatAt1366 + 300)
  await expect(inbox.guestPanel()).toBeVisible()
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SHOTS}1920x1080-chat.png` })
})

test('the other pages say plainly when their data cannot be had, with Retry, and recover by themselves', async ({ page, desk, signedIn }) => {
  test.setTimeout(90_000)
  const pages = [
    { path: '/stats', api: '**/v1/stats**', then: page.locator('canvas').first() },
    { path: '/agents', api: '**/v1/agents', then: page.getByRole('cell', { name: desk.seed.admin.email }) },
    { path: '/knowledge', api: '**/v1/knowledge**', then: page.getByRole('main').locator('form').first() },
    { path: '/settings', api: '**/v1/settings/agent', then: page.getByRole('button', { name: 'Save the agent settings' }) },
  ]
  for (const { path, api, then } of pages) {
    await page.route(api, (route) => route.abort('connectionrefused'))
    await page.goto(`${desk.url}${path}`)
    const failure = page.getByRole('main').getByRole('alert')
    await expect(failure, path).toContainText("The desk's server cannot be reached", { timeout: 15_000 })
    await expect(failure.getByRole('button', { name: 'Retry' })).toBeVisible()
    if (path === '/stats') await expectNoSeriousViolations(page)
    await page.unroute(api)
    // Nobody clicks Retry.
    await expect(failure, path).toHaveCount(0, { timeout: 20_000 })
    await expect(then, path).toBeVisible()
  }
})

// Last in the file: it stops the desk's server (and starts it again on the same port and data dir).
test('when the server goes away the panels say so plainly with Retry, and recover by themselves once it is back', async ({ page, desk, signedIn }) => {
  test.setTimeout(180_000)
  await page.setViewportSize({ width: 1366, height: 768 })
  const inbox = await openInbox(page, desk.url)
  // Marks this page: a reload would lose it.
  await page.evaluate(() => ((window as unknown as { stillThisPage: boolean }).stillThisPage = true))

  const port = new URL(desk.url).port
  // Stopped as its operator would (SIGTERM): it closes the store and exits 0.
  expect(await desk.process.stop()).toBe(0)
  let restarted: Awaited<ReturnType<typeof spawnServe>> | undefined
  try {
    await expect(page.getByText('Live updates paused — reconnecting…')).toBeVisible({ timeout: 10_000 })

    // A conversation not opened yet and a new filter both need the server.
    await inbox.row(desk.seed.conversations.whatsapp.label).click()
    const chatFailure = inbox.chat().getByRole('alert')
    await expect(chatFailure).toContainText("The desk's server cannot be reached", { timeout: 15_000 })
    await expect(chatFailure.getByRole('button', { name: 'Retry' })).toBeVisible()

    await inbox.channel('Phone')
    await inbox.closeFilters()
    const listFailure = page.locator('#conversation-list').getByRole('alert')
    await expect(listFailure).toContainText("The desk's server cannot be reached", { timeout: 15_000 })
    await expect(listFailure.getByRole('button', { name: 'Retry' })).toBeVisible()
    await expect(page.getByText('Failed to fetch')).toHaveCount(0)
    await expectNoSeriousViolations(page)
    await page.screenshot({ path: `${SHOTS}server-away.png` })

    restarted = await spawnServe(desk.dataDir, ['--country', 'CH', '--port', port])
    expect(restarted.url).toBe(desk.url)

    // Nobody clicks Retry: the panels ask again by themselves.
    await expect(listFailure).toHaveCount(0, { timeout: 20_000 })
    await expect.poll(() => inbox.rowLabels(), { timeout: 10_000 }).toContain(desk.seed.conversations.annaCall.label)
    await expect(inbox.chatTitle()).toHaveText(desk.seed.conversations.whatsapp.label, { timeout: 20_000 })
    await expect(inbox.bubbles().first()).toBeVisible()
    await expect(page.getByText('Live updates paused — reconnecting…')).toBeHidden({ timeout: 15_000 })
    expect(await page.evaluate(() => (window as unknown as { stillThisPage?: boolean }).stillThisPage)).toBe(true)
    await page.screenshot({ path: `${SHOTS}server-back.png` })
  } finally {
    await restarted?.stop()
  }
})
