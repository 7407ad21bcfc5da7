import { expectNoSeriousViolations } from './axe.js'
import { expect, SCREENSHOTS, test } from './fixtures.js'
import { InboxPage } from './pages/inbox-page.js'

test.use({ deskName: 'desktop-bridge' })

/**
 * The inbox as the desktop app shows it. Electron's preload cannot run in plain Chromium, so the
 * shell's side of `window.frontdesk` stands in here, recording calls and sending the shell's
 * requests; the real preload and main process are checked by electron.spec.ts where Electron runs.
 */
test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    const calls: unknown[][] = []
    const listeners: { navigate: ((path: string) => void)[]; find: (() => void)[] } = { navigate: [], find: [] }
    let info = {
      version: '0.1.0',
      platform: 'linux',
      apiUrl: location.origin,
      configuredPort: 4780,
      portProblem: 'Port 4780 is in use by another program, so the inbox runs on port 51234 for now.',
      startAtLogin: false,
      updates: 'off',
    }
    const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value })
    Object.assign(window, {
      shellCalls: calls,
      shell: {
        navigate: (path: string) => listeners.navigate.forEach((listener) => listener(path)),
        find: () => listeners.find.forEach((listener) => listener()),
      },
      frontdesk: {
        getDesktopInfo: () => ok(info),
        setStartAtLogin: (enabled: boolean) => {
          calls.push(['setStartAtLogin', enabled])
          info = { ...info, startAtLogin: enabled }
          return ok(enabled)
        },
        setPort: (port: number) => {
          calls.push(['setPort', port])
          info = { ...info, configuredPort: port }
          return ok(port)
        },
        agentSignedIn: (agentId: string | null) => {
          calls.push(['agentSignedIn', agentId])
          return ok(null)
        },
        onNavigate: (listener: (path: string) => void) => {
          listeners.navigate.push(listener)
          return () => undefined
        },
        onFocusSearch: (listener: () => void) => {
          listeners.find.push(listener)
          return () => undefined
        },
      },
    })
  })
})

const shellCalls = (page: import('@playwright/test').Page) => page.evaluate(() => (window as unknown as { shellCalls: unknown[][] }).shellCalls)

test('in the desktop app the inbox tells the shell who is signed in and follows its menu and notifications', async ({ page, desk, signedIn }) => {
  const inbox = new InboxPage(page)
  await inbox.goto(desk.url)
  await expect.poll(() => shellCalls(page)).toContainEqual(['agentSignedIn', expect.stringMatching(/^agt_/)])

  // A notification was clicked: its conversation opens.
  // (The desk is shared with later specs: this opens a conversation whose unread count nobody checks.)
  const conversation = desk.seed.conversations.old
  await page.evaluate((id) => (window as unknown as { shell: { navigate(path: string): void } }).shell.navigate(`/conversations/${id}`), conversation.id)
  await expect(page).toHaveURL(new RegExp(`/conversations/${conversation.id}$`))
  await expect(inbox.chatTitle()).toBeVisible()

  // Go → Arrivals, then Find (Ctrl+F): back in the inbox with the cursor in the search.
  await page.evaluate(() => (window as unknown as { shell: { navigate(path: string): void } }).shell.navigate('/arrivals'))
  await expect(page.getByRole('heading', { name: 'Arrivals' })).toBeVisible()
  await page.evaluate(() => (window as unknown as { shell: { find(): void } }).shell.find())
  await expect(page.getByRole('searchbox')).toBeFocused()
})

test('Settings shows this computer: where local systems push, a taken port, start at login and the port', async ({ page, desk, signedIn }) => {
  await page.goto(`${desk.url}/settings`)
  const section = page.getByRole('form', { name: 'This computer' })
  await expect(section).toContainText(`Local systems (PMS, phone bot, website chat) push to ${desk.url}`)
  await expect(section.getByRole('alert')).toContainText('Port 4780 is in use by another program')
  await section.getByLabel('Start Frontdesk Inbox when I sign in to this computer').check()
  await expect(section.getByLabel('Start Frontdesk Inbox when I sign in to this computer')).toBeChecked()
  await section.getByLabel('Port for local systems').fill('4790')
  await section.getByRole('button', { name: 'Save' }).click()
  await expect(section).toContainText('Saved: port 4790 from the next start.')
  expect(await shellCalls(page)).toEqual(
    expect.arrayContaining([
      ['setStartAtLogin', true],
      ['setPort', 4790],
    ]),
  )
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SCREENSHOTS}settings-desktop.png` })
})

test('in a plain browser there is no desktop section', async ({ browser, desk, deskSession }) => {
  const context = await browser.newContext()
  await context.addCookies(deskSession)
  const page = await context.newPage()
  await page.goto(`${desk.url}/settings`)
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
  await expect(page.getByRole('form', { name: 'This computer' })).toHaveCount(0)
  await context.close()
})
