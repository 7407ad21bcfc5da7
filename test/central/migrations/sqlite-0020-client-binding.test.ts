import assert from 'node:assert/strict'
import Database from 'better-sqlite3'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { initialSchema } from '../../../central/store/migrations/sqlite/0010-initial-schema.js'
import { openSqliteCentralStore } from '../../../central/store/sqlite-store.js'
import { createSyncService } from '../../../central/sync-service.js'
import { migrate, schemaVersion } from '../../../sync-core/migrations/sqlite-migrate.js'
import { tempDir } from '../../support/test-app.js'

const root = tempDir('frontdesk-central-sqlite-0020-')
after(() => rmSync(root, { recursive: true, force: true }))

describe('central SQLite 0020 client binding', () => {
  it("keeps every client's acknowledged sequence, leaves them unbound, and binds each to the first device that uses it after", async () => {
    const dir = join(root, 'at-0010')
    mkdirSync(dir)
    const db = new Database(join(dir, 'central.sqlite'))
    migrate(db, [initialSchema])
    db.exec(`
      INSERT INTO devices (id, name, property_id, credential_hash, created_at) VALUES ('dev_a', 'A', 'prop_1', 'h1', 1), ('dev_b', 'B', 'prop_1', 'h2', 1);
      INSERT INTO clients (client_id, device_id, acked_seq, updated_at) VALUES ('deskaaaa1', 'dev_b', 7, 5), ('deskbbbb1', 'dev_b', 3, 5);`)
    db.close()

    const store = openSqliteCentralStore(dir)
    try {
      assert.deepEqual(await store.client('deskaaaa1'), { ackedSeq: 7, boundTo: null }, 'the device that pushed last is not trusted as the owner')
      const sync = createSyncService(store)
      const [a, b] = await store.devices()
      assert.equal((await sync.hello(a!, 'deskaaaa1')).ackedSeq, 7)
      assert.deepEqual(await store.client('deskaaaa1'), { ackedSeq: 7, boundTo: 'dev_a' })
      await assert.rejects(sync.hello(b!, 'deskaaaa1'), /belongs to another device/)
      assert.equal((await sync.hello(b!, 'deskbbbb1')).ackedSeq, 3)
    } finally {
      await store.close()
    }
    const after = new Database(join(dir, 'central.sqlite'), { readonly: true })
    assert.equal(schemaVersion(after), 20)
    assert.deepEqual(after.prepare("SELECT name, type FROM pragma_table_info('clients') WHERE name = 'bound_at'").get(), { name: 'bound_at', type: 'INTEGER' })
    after.close()
  })
})
