import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import pg from 'pg'
import { initialSchema } from '../../../central/store/migrations/postgres/0010-initial-schema.js'
import { migratePostgres, postgresSchemaVersion } from '../../../central/store/postgres-migrate.js'
import { openPostgresCentralStore } from '../../../central/store/postgres-store.js'
import { createSyncService } from '../../../central/sync-service.js'
import { POSTGRES_UNAVAILABLE, TEST_DATABASE_URL, testSchema } from '../../support/central-stores.js'

if (POSTGRES_UNAVAILABLE) console.log(`# central PostgreSQL 0020 client binding: ${POSTGRES_UNAVAILABLE}`)

describe('central PostgreSQL 0020 client binding', { skip: POSTGRES_UNAVAILABLE ?? false }, () => {
  const schema = testSchema('bind_mig')
  after(() => schema.drop())

  it("keeps every client's acknowledged sequence, leaves them unbound, and binds each to the first device that uses it after", async () => {
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema.name}` })
    await client.connect()
    try {
      await client.query(`CREATE SCHEMA ${pg.escapeIdentifier(schema.name)}`)
      await migratePostgres(client, [initialSchema])
      await client.query(`
        INSERT INTO devices (id, name, property_id, credential_hash, created_at) VALUES ('dev_a', 'A', 'prop_1', 'h1', 1), ('dev_b', 'B', 'prop_1', 'h2', 1);
        INSERT INTO clients (client_id, device_id, acked_seq, updated_at) VALUES ('deskaaaa1', 'dev_b', 7, 5), ('deskbbbb1', 'dev_b', 3, 5);`)

      const store = await openPostgresCentralStore(TEST_DATABASE_URL!, { schema: schema.name })
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
      assert.equal(await postgresSchemaVersion(client), 20)
      const column = await client.query(
        "SELECT data_type, is_nullable FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'clients' AND column_name = 'bound_at'",
        [schema.name],
      )
      assert.deepEqual(column.rows, [{ data_type: 'bigint', is_nullable: 'YES' }])
    } finally {
      await client.end()
    }
  })
})
