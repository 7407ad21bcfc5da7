import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cliCreateToken, cliRun, spawnCentral, spawnServe, type ServeProcess } from '../support/cli-process.js'
import { expect, SCREENSHOTS, test } from './fixtures.js'
import { InboxPage } from './pages/inbox-page.js'
import { SignInPage } from './pages/sign-in-page.js'

const ADMIN = { name: 'Marco Bianchi', email: 'marco@hotel-lago.ch', password: 'two desks one view' }
const GUEST = '+41791112233'

test.describe.configure({ mode: 'serial' })

/**
 * Two `frontdesk serve` desks and one `frontdesk central`, all real processes: desk A is connected
 * from its settings page, desk B (a new data dir) with `frontdesk sync connect`; a message pushed
 * to A while the central server is down reaches B's inbox once it is back.
 */
test("a message pushed to one desk appears in the other desk's inbox, across a central server restart", async ({ browser }) => {
  test.setTimeout(90_000)
  const root = mkdtempSync(join(tmpdir(), 'frontdesk-e2e-sync-'))
  const processes: ServeProcess[] = []
  try {
    let central = await spawnCentral(join(root, 'central'))
    processes.push(central)
    const centralPort = Number(new URL(central.url).port)

    // Desk A: set up as usual, then connected from Settings with a credential issued on the central server.
    const deskA = await spawnServe(join(root, 'a'), ['--country', 'CH'])
    processes.push(deskA)
    const setup = await fetch(`${deskA.url}/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ property: { name: 'Hotel Lago', defaultCountry: 'CH', timeZone: 'Europe/Zurich' }, admin: ADMIN, sampleData: false }),
    })
    expect(setup.status).toBe(201)
    const status = await cliRun(['sync', 'status', '--data-dir', join(root, 'a')])
    const propertyId = /prop_\w+/.exec(status.stdout)![0]
    const issue = async (name: string) => {
      const added = await cliRun(['central', 'device', 'add', '--data-dir', join(root, 'central'), '--property', propertyId, '--name', name])
      expect(added.code, added.stderr).toBe(0)
      return added.stdout.trim()
    }
    const credentialA = await issue('Front desk A')
    const credentialB = await issue('Front desk B')

    const pageA = await browser.newPage()
    await pageA.goto(deskA.url)
    await new SignInPage(pageA).signIn(ADMIN.email, ADMIN.password)
    await expect(pageA.getByText(`Signed in as ${ADMIN.name}`)).toBeVisible()
    await pageA.getByRole('link', { name: 'Settings' }).click()
    const syncForm = pageA.getByRole('form', { name: 'Sync with other desks' })
    await syncForm.getByLabel('Central server address').fill(central.url)
    await syncForm.getByLabel('Device credential').fill(credentialA)
    await syncForm.getByRole('button', { name: 'Connect' }).click()
    await expect(syncForm.getByRole('status')).toHaveText('Connected')
    await expect(syncForm).toContainText(`Connected to ${central.url} as device dev_`)
    await expect(pageA.getByLabel('Sync with the central server')).toHaveText('Synced', { timeout: 15_000 })

    // Desk B: a new data dir joins through the CLI, fills from the central server, and its agents sign in with their usual account.
    const connected = await cliRun(['sync', 'connect', '--data-dir', join(root, 'b'), '--central', central.url, '--credential', credentialB])
    expect(connected.code, connected.stderr).toBe(0)
    const deskB = await spawnServe(join(root, 'b'))
    processes.push(deskB)
    const pageB = await browser.newPage()
    await pageB.goto(deskB.url)
    const signInB = new SignInPage(pageB)
    await expect(signInB.heading()).toBeVisible({ timeout: 15_000 })
    await signInB.signIn(ADMIN.email, ADMIN.password)
    await expect(pageB.getByText(`Signed in as ${ADMIN.name}`)).toBeVisible()
    await expect(pageB.getByLabel('Sync with the central server')).toHaveText('Synced')

    // The central server stops; a guest writes to desk A; A keeps it and says it is waiting.
    await central.stop()
    processes.splice(processes.indexOf(central), 1)
    const token = await cliCreateToken(join(root, 'a'), 'guest.conversation.write', 'website chat')
    const pushed = await fetch(`${deskA.url}/api/unified-messaging-service/guest-conversations/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        messages: [
          {
            guestIdentifier: { type: 'PHONENUMBER', value: GUEST },
            platform: 'WEBSITE_CHAT',
            direction: 'RECEIVED',
            content: { type: 'text', text: { text: 'Can we bring our dog to the lake room?' } },
            messageCreatedAt: new Date().toISOString(),
            externalId: 'e2e-sync-1',
          },
        ],
      }),
    })
    expect(pushed.status).toBe(201)
    const indicatorA = pageA.getByLabel('Sync with the central server')
    await expect(indicatorA).toHaveText(/Sync offline — \d+ changes? waiting/, { timeout: 15_000 })
    await indicatorA.click()
    await expect(pageA.getByRole('group', { name: 'Sync details' }).getByRole('alert')).toContainText('cannot reach the central server')
    await pageA.screenshot({ path: `${SCREENSHOTS}sync-offline.png` })
    await expect(new InboxPage(pageB).row(GUEST)).toHaveCount(0)

    // Back on the same port: A sends what it kept, B shows it live — and the AI agent's handover
    // words, which A sends once the central server says its copy of the message came first.
    central = await spawnCentral(join(root, 'central'), centralPort)
    processes.push(central)
    const rowOnB = new InboxPage(pageB).row(GUEST)
    await expect(rowOnB).toBeVisible({ timeout: 30_000 })
    await expect(indicatorA).toHaveText('Synced', { timeout: 15_000 })
    await rowOnB.click()
    await expect(pageB.getByRole('log').getByText('Can we bring our dog to the lake room?')).toBeVisible()
    await expect(pageB.getByRole('log').getByText("I've passed this to our front desk; a colleague will reply shortly.")).toBeVisible({ timeout: 15_000 })
    await pageB.screenshot({ path: `${SCREENSHOTS}sync-desk-b.png` })
  } finally {
    for (const process of processes.reverse()) await process.stop()
    rmSync(root, { recursive: true, force: true })
  }
})
