import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { buildCentralServer } from '../../central/server.js'
import { openSqliteCentralStore } from '../../central/store/sqlite-store.js'
import { cliCreateToken, cliRun, spawnServe, type ServeProcess } from '../support/cli-process.js'
import { expect, SCREENSHOTS, test } from './fixtures.js'
import { SignInPage } from './pages/sign-in-page.js'

const ADMIN = { name: 'Marco Bianchi', email: 'marco@hotel-lago.ch', password: 'two desks one view' }

/**
 * A change made on a real desk that its central server refuses (the server's clock is two days
 * behind, so the change looks two days ahead) is not lost without a word: the sync panel says so,
 * Settings › Sync lists it with the server's reason, and once the clock is right it is sent again.
 */
test("this desk's change the central server refused is shown and sent again from Settings", async ({ browser }) => {
  test.setTimeout(90_000)
  const root = mkdtempSync(join(tmpdir(), 'frontdesk-e2e-refused-'))
  const processes: ServeProcess[] = []
  let centralSkewMs = 0
  const central = await buildCentralServer({ store: openSqliteCentralStore(join(root, 'central')), clock: () => Date.now() + centralSkewMs })
  try {
    await central.listen({ port: 0, host: '127.0.0.1' })
    const address = central.server.address()
    const centralUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    const dataDir = join(root, 'a')
    const desk = await spawnServe(dataDir, ['--country', 'CH'])
    processes.push(desk)
    const setup = await fetch(`${desk.url}/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ property: { name: 'Hotel Lago', defaultCountry: 'CH', timeZone: 'Europe/Zurich' }, admin: ADMIN, sampleData: false }),
    })
    expect(setup.status).toBe(201)
    const propertyId = /prop_\w+/.exec((await cliRun(['sync', 'status', '--data-dir', dataDir])).stdout)![0]
    const { credential } = await central.centralSync.addDevice({ name: 'Front desk', propertyId })
    const admin = { authorization: `Bearer ${await cliCreateToken(dataDir, 'admin', 'e2e admin')}`, 'content-type': 'application/json' }
    const connected = await fetch(`${desk.url}/v1/sync`, { method: 'PUT', headers: admin, body: JSON.stringify({ centralUrl, credential }) })
    expect(connected.status, await connected.text()).toBe(200)
    const status = async () => await (await fetch(`${desk.url}/v1/sync`, { headers: admin })).json()
    await expect.poll(async () => (await status()).lastSyncAt !== null, { timeout: 15_000 }).toBe(true)

    centralSkewMs = -2 * 24 * 3600_000
    const template = await fetch(`${desk.url}/v1/templates`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ name: 'Late checkout', shortcut: 'late', body: 'Late checkout until 1 pm is free of charge.' }),
    })
    const created = await template.text()
    expect(template.status, created).toBe(201)
    const templateId = (JSON.parse(created) as { id: string }).id
    await expect.poll(async () => (await status()).refusedOps, { timeout: 15_000 }).toBe(1)

    const page = await browser.newPage()
    await page.goto(desk.url)
    await new SignInPage(page).signIn(ADMIN.email, ADMIN.password)
    const indicator = page.getByLabel('Sync with the central server')
    await indicator.click()
    const details = page.getByRole('group', { name: 'Sync details' })
    await expect(details).toContainText('1 change made on this desk was refused by the central server — the other desks do not have it; see Settings › Sync')
    await page.screenshot({ path: `${SCREENSHOTS}sync-refused-panel.png` })
    await indicator.click()

    await page.getByRole('link', { name: 'Settings' }).click()
    const refused = page.getByRole('region', { name: 'Changes made on this desk that the central server refused' })
    await expect(refused).toContainText(`template ${templateId}`)
    await expect(refused).toContainText('a timestamp 2880 min ahead of this clock was refused')
    await refused.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SCREENSHOTS}sync-refused-settings.png` })

    // The central server's clock put right: sent again, taken, and off the list.
    centralSkewMs = 0
    await refused.getByRole('button', { name: 'Send them again' }).click()
    await expect(refused.getByRole('status')).toHaveText('1 change goes up again with the next sync')
    await expect(refused.getByRole('listitem')).toHaveCount(0)
    await expect.poll(async () => (await status()).pendingOps, { timeout: 15_000 }).toBe(0)
    expect((await status()).refusedOps).toBe(0)
  } finally {
    for (const process of processes.reverse()) await process.stop()
    await central.close()
    rmSync(root, { recursive: true, force: true })
  }
})
