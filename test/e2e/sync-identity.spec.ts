import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cliCreateToken, cliRun, spawnCentral, spawnServe, type ServeProcess } from '../support/cli-process.js'
import { expect, SCREENSHOTS, test } from './fixtures.js'
import { InboxPage } from './pages/inbox-page.js'
import { SignInPage } from './pages/sign-in-page.js'

const ADMIN = { name: 'Marco Bianchi', email: 'marco@hotel-lago.ch', password: 'two desks one view' }

/**
 * A real desk synced with a real central server is restored from a backup taken before its last
 * change went up (`frontdesk backup` / `frontdesk restore`): after its next round the inbox's sync
 * panel says, in words, that it was restored and its changes re-sent.
 */
test('a desk restored from a backup says so in the sync panel', async ({ browser }) => {
  test.setTimeout(90_000)
  const root = mkdtempSync(join(tmpdir(), 'frontdesk-e2e-identity-'))
  const dataDir = join(root, 'a')
  const processes: ServeProcess[] = []
  try {
    const central = await spawnCentral(join(root, 'central'))
    processes.push(central)
    let desk = await spawnServe(dataDir, ['--country', 'CH'])
    processes.push(desk)
    const setup = await fetch(`${desk.url}/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ property: { name: 'Hotel Lago', defaultCountry: 'CH', timeZone: 'Europe/Zurich' }, admin: ADMIN, sampleData: false }),
    })
    expect(setup.status).toBe(201)
    const propertyId = /prop_\w+/.exec((await cliRun(['sync', 'status', '--data-dir', dataDir])).stdout)![0]
    const added = await cliRun(['central', 'device', 'add', '--data-dir', join(root, 'central'), '--property', propertyId, '--name', 'Front desk'])
    expect(added.code, added.stderr).toBe(0)
    const admin = { authorization: `Bearer ${await cliCreateToken(dataDir, 'admin', 'e2e admin')}`, 'content-type': 'application/json' }
    const connected = await fetch(`${desk.url}/v1/sync`, {
      method: 'PUT',
      headers: admin,
      body: JSON.stringify({ centralUrl: central.url, credential: added.stdout.trim() }),
    })
    expect(connected.status, await connected.text()).toBe(200)
    const synced = async () => {
      const status = await (await fetch(`${desk.url}/v1/sync`, { headers: admin })).json()
      return status.lastSyncAt !== null && status.pendingOps === 0
    }
    await expect.poll(synced, { timeout: 15_000 }).toBe(true)

    // The backup, then a guest's message that reaches the central server after it.
    const backup = join(root, 'desk-a-backup.sqlite')
    expect((await cliRun(['backup', '--data-dir', dataDir, '--to', backup])).code).toBe(0)
    const pushed = await fetch(`${desk.url}/api/unified-messaging-service/guest-conversations/messages`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({
        messages: [
          {
            guestIdentifier: { type: 'PHONENUMBER', value: '+41791234567' },
            platform: 'WEBSITE_CHAT',
            direction: 'RECEIVED',
            content: { type: 'text', text: { text: 'Is the spa open on Sunday?' } },
            messageCreatedAt: new Date().toISOString(),
          },
        ],
      }),
    })
    expect(pushed.status, await pushed.text()).toBe(201)
    await expect.poll(synced, { timeout: 15_000 }).toBe(true)

    await desk.stop()
    const restored = await cliRun(['restore', '--data-dir', dataDir, '--from', backup])
    expect(restored.code, restored.stderr).toBe(0)
    desk = await spawnServe(dataDir, ['--country', 'CH'])
    processes.push(desk)

    const page = await browser.newPage()
    await page.goto(desk.url)
    await new SignInPage(page).signIn(ADMIN.email, ADMIN.password)
    const indicator = page.getByLabel('Sync with the central server')
    await expect(indicator).toHaveText('Synced', { timeout: 15_000 })
    await indicator.click()
    const details = page.getByRole('group', { name: 'Sync details' })
    await expect(details).toContainText('This desk was restored from a backup; its changes since then have been re-sent.')
    // The message it had lost with the restore comes back from the central server.
    // (Its conversation's row may show the AI agent's handover words after it: the chat has it.)
    const inbox = new InboxPage(page)
    await expect(inbox.row('+41791234567')).toBeVisible({ timeout: 15_000 })
    await inbox.row('+41791234567').click()
    await expect(inbox.history().getByText('Is the spa open on Sunday?')).toBeVisible()
    await page.screenshot({ path: `${SCREENSHOTS}sync-restored-notice.png` })
  } finally {
    for (const process of processes.reverse()) await process.stop()
    rmSync(root, { recursive: true, force: true })
  }
})
