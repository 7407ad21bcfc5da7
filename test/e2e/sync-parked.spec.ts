import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { v7 as uuidv7 } from 'uuid'
import { openSqliteCentralStore } from '../../central/store/sqlite-store.js'
import { encodeHlc } from '../../sync-core/hlc.js'
import { SYNC_SCHEMA_VERSION } from '../../sync-core/protocol.js'
import { cliRun, spawnCentral, spawnServe, type ServeProcess } from '../support/cli-process.js'
import { expect, test } from './fixtures.js'
import { SignInPage } from './pages/sign-in-page.js'

const ADMIN = { name: 'Marco Bianchi', email: 'marco@hotel-lago.ch', password: 'two desks one view' }

/**
 * A change no desk can apply (an identity of an unknown kind, as an older central server let
 * through) reaches a real desk: the desk goes on syncing, the sync details say so in words, and
 * Settings › Sync lists it with its reason and retries it.
 */
test('a change from another desk that cannot be applied is set aside, shown, and retried from Settings', async ({ browser }) => {
  test.setTimeout(90_000)
  const root = mkdtempSync(join(tmpdir(), 'frontdesk-e2e-parked-'))
  const processes: ServeProcess[] = []
  try {
    const central = await spawnCentral(join(root, 'central'))
    processes.push(central)
    const desk = await spawnServe(join(root, 'a'), ['--country', 'CH'])
    processes.push(desk)
    const setup = await fetch(`${desk.url}/v1/setup`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ property: { name: 'Hotel Lago', defaultCountry: 'CH', timeZone: 'Europe/Zurich' }, admin: ADMIN, sampleData: false }),
    })
    expect(setup.status).toBe(201)
    const status = await cliRun(['sync', 'status', '--data-dir', join(root, 'a')])
    const propertyId = /prop_\w+/.exec(status.stdout)![0]
    const added = await cliRun(['central', 'device', 'add', '--data-dir', join(root, 'central'), '--property', propertyId, '--name', 'Front desk'])
    expect(added.code, added.stderr).toBe(0)

    const page = await browser.newPage()
    await page.goto(desk.url)
    await new SignInPage(page).signIn(ADMIN.email, ADMIN.password)
    await page.getByRole('link', { name: 'Settings' }).click()
    const syncForm = page.getByRole('form', { name: 'Sync with other desks' })
    await syncForm.getByLabel('Central server address').fill(central.url)
    await syncForm.getByLabel('Device credential').fill(added.stdout.trim())
    await syncForm.getByRole('button', { name: 'Connect' }).click()
    const indicator = page.getByLabel('Sync with the central server')
    await expect(indicator).toHaveText('Synced', { timeout: 15_000 })

    // What an older central server let through: stored straight into the group's space.
    const store = openSqliteCentralStore(join(root, 'central'))
    const now = Date.now()
    await store.transaction(async (tx) => {
      const seq = await tx.reserveSeqs('group', 1)
      await tx.insertOps(
        'group',
        seq,
        [
          {
            opId: uuidv7(),
            clientId: 'olddesk001',
            clientSeq: 1,
            hlc: encodeHlc({ wallMs: now, counter: 0, node: 'olddesk001' }),
            space: 'group',
            entity: 'guest_identity',
            entityId: 'bogus:+41791112233',
            fields: { verified: true, createdAt: now },
            schemaVersion: SYNC_SCHEMA_VERSION,
          },
        ],
        now,
      )
    })
    await store.close()

    await indicator.click()
    const details = page.getByRole('group', { name: 'Sync details' })
    await details.getByRole('button', { name: 'Sync now' }).click()
    await expect(details).toContainText('1 change from other desks could not be applied — see Settings › Sync', { timeout: 15_000 })
    await expect(indicator).toContainText('Synced')

    const parked = syncForm.getByRole('region', { name: 'Changes from other desks that could not be applied' })
    await expect(parked).toContainText('guest_identity bogus:+41791112233')
    await expect(parked).toContainText('its kind must be one of phone, email')
    await parked.getByRole('button', { name: 'Retry them' }).click()
    await expect(parked.getByRole('status')).toHaveText('0 applied, 1 still set aside')
  } finally {
    for (const process of processes.reverse()) await process.stop()
    rmSync(root, { recursive: true, force: true })
  }
})
