// Desks that are not where they were: one restored from a backup after it had pushed, and a data
// dir copied to a second computer. Each takes a new client id and re-sends what the central server
// may lack; afterwards every desk holds every acknowledged message once. Real SQLite files, a real
// central server over HTTP on each store kind.
import assert from 'node:assert/strict'
import { cpSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { buildCentralServer, type CentralServer } from '../../../central/server.js'
import { backupStore } from '../../../local-api/db/backup.js'
import { openDatabase, type Db } from '../../../local-api/db/open.js'
import { createStore, type Store } from '../../../local-api/db/store.js'
import { createServices } from '../../../local-api/services/index.js'
import { createProperty } from '../../../local-api/services/properties.js'
import { IDENTITY_NOTICES, machineFingerprint } from '../../../local-api/services/sync/desk-identity.js'
import { storageMain } from '../../../local-api/storage-cli.js'
import { syncMain } from '../../../local-api/sync-cli.js'
type Property = ReturnType<typeof createProperty>
import { STORE_KINDS } from '../../support/central-stores.js'
import { cliOutput } from '../../support/cli-output.js'
import { replicaState } from '../../support/sync-desks.js'
import { bearer, startTestApp, tempDir } from '../../support/test-app.js'

interface Desk {
  dir: string
  db: Db
  store: Store
  services: ReturnType<typeof createServices>
  close(): Promise<void>
}

/** A desk on its data dir, as `frontdesk serve` opens it; `computer` plays the machine it runs on. */
function openDesk(dir: string, computer?: string): Desk {
  const db = openDatabase(dir)
  const store = createStore(db)
  const services = createServices(store, { sync: computer === undefined ? {} : { computer: () => computer } })
  return {
    dir,
    db,
    store,
    services,
    async close() {
      await services.sync.stop()
      store.close()
    },
  }
}

let n = 0
function say(desk: Desk, property: Property, text: string): void {
  const result = desk.services.ingest.ingest(property, [
    {
      channel: 'whatsapp',
      identity: { kind: 'phone', value: `+4179123${String(++n).padStart(4, '0')}` },
      direction: 'in',
      content: { type: 'text', text },
      createdAt: Date.now(),
    },
  ])
  assert.ok(result.ok)
}

/** Each message text on a desk, with how often it is there. */
function texts(desk: Desk): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const { content } of desk.db.prepare('SELECT content FROM messages').all() as { content: string }[]) {
    const text = (JSON.parse(content) as { text: string }).text
    counts[text] = (counts[text] ?? 0) + 1
  }
  return counts
}

const once = (...all: string[]) => Object.fromEntries(all.map((text) => [text, 1]))

describe('the machine fingerprint', () => {
  it('differs for another computer and for another path, and stays for the same dir', () => {
    const dir = tempDir('frontdesk-fingerprint-')
    after(() => rmSync(dir, { recursive: true, force: true }))
    assert.equal(machineFingerprint(dir, 'machine-id:a'), machineFingerprint(dir, 'machine-id:a'))
    assert.notEqual(machineFingerprint(dir, 'machine-id:a'), machineFingerprint(dir, 'machine-id:b'))
    assert.notEqual(machineFingerprint(dir, 'machine-id:a'), machineFingerprint(join(dir, 'copy'), 'machine-id:a'))
  })
})

for (const kind of STORE_KINDS) {
  describe(`restored and cloned desks (${kind.name} central)`, { skip: kind.unavailable ?? false }, () => {
    const cleanups: (() => Promise<void> | void)[] = []
    after(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup()
    })

    async function setUp() {
      const handle = await kind.fresh()
      const centralStore = await handle.open()
      const central: CentralServer = await buildCentralServer({ store: centralStore })
      await central.listen({ port: 0, host: '127.0.0.1' })
      const address = central.server.address()
      const centralUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
      cleanups.push(async () => {
        await central.close()
        await handle.dispose()
      })
      const open = (dir: string, computer?: string) => {
        const desk = openDesk(dir, computer)
        cleanups.push(() => desk.close())
        return desk
      }
      const a = open(tempDir('frontdesk-desk-a-'))
      const b = open(tempDir('frontdesk-desk-b-'))
      cleanups.push(() => rmSync(a.dir, { recursive: true, force: true }))
      cleanups.push(() => rmSync(b.dir, { recursive: true, force: true }))
      const property = createProperty(a.store, { name: 'Hotel Alpenblick', defaultCountry: 'CH', timeZone: 'Europe/Zurich' }, Date.now())
      const device = async (desk: Desk, name: string) =>
        desk.services.sync.connect(centralUrl, (await central.centralSync.addDevice({ name, propertyId: property.id })).credential)
      await device(a, 'Desk A')
      await device(b, 'Desk B')
      return { central, centralUrl, property, open, device, a, b }
    }

    it('a desk restored from a backup after it pushed takes a new id, re-sends its changes and gets back the ones it had lost', async () => {
      const { property, open, a: first, b } = await setUp()
      let a = first
      say(a, property, 'before the backup')
      await a.services.sync.syncOnce()
      const backup = join(tempDir('frontdesk-backup-'), 'desk-a.sqlite')
      cleanups.push(() => rmSync(join(backup, '..'), { recursive: true, force: true }))
      // Not yet sent when the backup is taken: in the backup's outbox.
      say(a, property, 'in the backup, not yet sent')
      await backupStore(a.dir, backup)
      await a.services.sync.syncOnce()
      say(a, property, 'after the backup 1')
      say(a, property, 'after the backup 2')
      await a.services.sync.syncOnce()
      await b.services.sync.syncOnce()
      const oldClientId = a.store.sync.config().clientId

      await a.close()
      const restored = await cliOutput(() => storageMain('restore', ['--data-dir', a.dir, '--from', backup]))
      assert.match(restored, /this desk syncs with http:\/\/127\.0\.0\.1:\d+: at its next sync it takes a new client id/)
      a = open(a.dir)
      assert.equal(a.store.sync.config().clientId, oldClientId, 'same computer, same dir: nothing noticed before the central server answers')
      // Written on the restored desk before it syncs: under the old id these would be taken for ones the server holds.
      say(a, property, 'after the restore 1')
      say(a, property, 'after the restore 2')
      say(a, property, 'after the restore 3')
      await a.services.sync.syncOnce()
      const config = a.store.sync.config()
      assert.notEqual(config.clientId, oldClientId)
      assert.equal(config.identityChange, 'restored')
      const status = a.services.sync.status()
      assert.equal(status.identityChange?.message, 'This desk was restored from a backup; its changes since then have been re-sent.')
      assert.equal(status.pendingOps, 0)
      assert.equal(status.lastError, null)
      // It keeps going under its new id.
      say(a, property, 'later on A')
      say(b, property, 'later on B')
      for (const desk of [a, b, a]) await desk.services.sync.syncOnce()

      const all = once(
        'before the backup',
        'in the backup, not yet sent',
        'after the backup 1',
        'after the backup 2',
        'after the restore 1',
        'after the restore 2',
        'after the restore 3',
        'later on A',
        'later on B',
      )
      assert.deepEqual(texts(a), all)
      assert.deepEqual(texts(b), all)
      assert.deepEqual(replicaState(a.db), replicaState(b.db))

      const out = await cliOutput(() => syncMain(['status', '--data-dir', a.dir]))
      assert.match(out, /This desk was restored from a backup; its changes since then have been re-sent\. \(\d{4}-/)
    })

    it('a data dir copied to a second computer syncs as a new desk there; nothing is lost or doubled', async () => {
      const { property, open, a: first, b } = await setUp()
      let a = first
      say(a, property, 'before the copy')
      await a.services.sync.syncOnce()
      say(a, property, 'in both copies, not yet sent')
      await a.close()
      const copyDir = tempDir('frontdesk-desk-copy-')
      cleanups.push(() => rmSync(copyDir, { recursive: true, force: true }))
      cpSync(a.dir, copyDir, { recursive: true })
      a = open(a.dir)
      const oldClientId = a.store.sync.config().clientId
      const c = open(copyDir, 'machine-id:second-pc')
      // Noticed on opening, before anything is sent.
      assert.notEqual(c.store.sync.config().clientId, oldClientId)
      assert.equal(a.store.sync.config().clientId, oldClientId, 'the original keeps its id')
      assert.equal(c.services.sync.status().identityChange?.message, IDENTITY_NOTICES.cloned)
      assert.equal(c.services.sync.status().identityChange?.message, 'This data dir was copied from another computer; this desk now syncs as a new desk.')
      assert.equal(a.services.sync.status().identityChange, null)

      say(a, property, 'on the first computer')
      say(c, property, 'on the second computer 1')
      say(c, property, 'on the second computer 2')
      for (const desk of [c, a, b, c, a]) await desk.services.sync.syncOnce()
      const all = once('before the copy', 'in both copies, not yet sent', 'on the first computer', 'on the second computer 1', 'on the second computer 2')
      for (const desk of [a, b, c]) assert.deepEqual(texts(desk), all, desk.dir)
      assert.deepEqual(replicaState(a.db), replicaState(b.db))
      assert.deepEqual(replicaState(c.db), replicaState(b.db))
      for (const desk of [a, c]) assert.equal(desk.services.sync.status().pendingOps, 0)

      // The same data dir opened on another computer (a disk moved over) is a new desk too.
      await c.close()
      const moved = open(copyDir, 'machine-id:third-pc')
      assert.equal(moved.store.sync.config().identityChange, 'cloned')
      say(moved, property, 'after the move')
      for (const desk of [moved, a]) await desk.services.sync.syncOnce()
      assert.deepEqual(texts(a), { ...all, ...once('after the move') })
      assert.deepEqual(texts(moved), texts(a))

      // What the inbox reads.
      await moved.close()
      const served = await startTestApp({ dataDir: copyDir, sync: { computer: () => 'machine-id:third-pc' } })
      cleanups.push(() => served.close())
      const status = await served.app.inject({ url: '/v1/sync', headers: bearer(served.token()) })
      assert.equal(status.statusCode, 200, status.body)
      assert.equal(status.json().identityChange.reason, 'cloned')
      assert.equal(status.json().identityChange.message, 'This data dir was copied from another computer; this desk now syncs as a new desk.')
      assert.match(status.json().identityChange.at, /^\d{4}-\d\d-\d\dT/)
    })

    it('a copy whose machine was never recorded (made before it was kept) is caught when the other copy pushed first', async () => {
      const { property, open, a: first, b } = await setUp()
      let a = first
      say(a, property, 'before the copy')
      await a.services.sync.syncOnce()
      say(a, property, 'in both copies, not yet sent')
      await a.close()
      // As a desk from before the fingerprint: nothing recorded, so each copy takes its own as it is.
      const forget = (dir: string) => {
        const db = openDatabase(dir)
        db.prepare('UPDATE sync_config SET machine = NULL').run()
        db.close()
      }
      forget(a.dir)
      const copyDir = tempDir('frontdesk-desk-copy-')
      cleanups.push(() => rmSync(copyDir, { recursive: true, force: true }))
      cpSync(a.dir, copyDir, { recursive: true })
      a = open(a.dir)
      const c = open(copyDir, 'machine-id:second-pc')
      assert.equal(c.store.sync.config().clientId, a.store.sync.config().clientId)

      say(a, property, 'on the first computer')
      say(c, property, 'on the second computer 1')
      say(c, property, 'on the second computer 2')
      say(c, property, 'on the second computer 3')
      await a.services.sync.syncOnce()
      await c.services.sync.syncOnce()
      assert.notEqual(c.store.sync.config().clientId, a.store.sync.config().clientId)
      // To the copy this looks like a restore, but with no fingerprint from back then it cannot tell: it says either.
      assert.equal(c.store.sync.config().identityChange, 'restored-or-cloned')
      assert.equal(
        c.services.sync.status().identityChange?.message,
        'This desk was restored from a backup or copied from another computer; its changes since then have been re-sent.',
      )
      assert.equal(a.services.sync.status().identityChange, null)
      // Under its new id every copy of it carries a fingerprint: a later restore is called one.
      assert.equal(c.store.sync.config().untrackedCopies, false)
      assert.equal(a.store.sync.config().untrackedCopies, true)
      for (const desk of [b, a, c, b]) await desk.services.sync.syncOnce()
      const all = once(
        'before the copy',
        'in both copies, not yet sent',
        'on the first computer',
        'on the second computer 1',
        'on the second computer 2',
        'on the second computer 3',
      )
      for (const desk of [a, b, c]) assert.deepEqual(texts(desk), all, desk.dir)
      assert.deepEqual(replicaState(a.db), replicaState(c.db))
      assert.deepEqual(replicaState(b.db), replicaState(c.db))
    })

    it('a desk restored from a backup taken before it kept a fingerprint says it may have been copied as well', async () => {
      const { property, open, a: first, b } = await setUp()
      let a = first
      say(a, property, 'before the backup')
      await a.services.sync.syncOnce()
      await a.close()
      // The backup of a desk from before the fingerprint: none recorded in it.
      const backup = join(tempDir('frontdesk-backup-'), 'desk-a.sqlite')
      cleanups.push(() => rmSync(join(backup, '..'), { recursive: true, force: true }))
      const db = openDatabase(a.dir)
      db.prepare('UPDATE sync_config SET machine = NULL').run()
      db.close()
      await backupStore(a.dir, backup)
      a = open(a.dir)
      say(a, property, 'after the backup')
      await a.services.sync.syncOnce()
      await a.close()

      await cliOutput(() => storageMain('restore', ['--data-dir', a.dir, '--from', backup]))
      a = open(a.dir)
      say(a, property, 'after the restore')
      await a.services.sync.syncOnce()
      assert.equal(a.store.sync.config().identityChange, 'restored-or-cloned')
      for (const desk of [b, a]) await desk.services.sync.syncOnce()
      const all = once('before the backup', 'after the backup', 'after the restore')
      for (const desk of [a, b]) assert.deepEqual(texts(desk), all, desk.dir)
      const out = await cliOutput(() => syncMain(['status', '--data-dir', a.dir]))
      assert.match(out, /This desk was restored from a backup or copied from another computer; its changes since then have been re-sent\. \(\d{4}-/)
    })
  })
}
