import assert from 'node:assert/strict'
import Database from 'better-sqlite3'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import pg from 'pg'
import { migrations as postgresMigrations } from '../../../central/store/migrations/postgres/index.js'
import { migrations as sqliteMigrations } from '../../../central/store/migrations/sqlite/index.js'
import { migratePostgres, postgresSchemaVersion } from '../../../central/store/postgres-migrate.js'
import { openPostgresCentralStore } from '../../../central/store/postgres-store.js'
import { openSqliteCentralStore } from '../../../central/store/sqlite-store.js'
import { DatabaseTooNewError } from '../../../sync-core/migrations/migration-plan.js'
import { POSTGRES_UNAVAILABLE, TEST_DATABASE_URL, testSchema } from '../../support/central-stores.js'
import { tempDir } from '../../support/test-app.js'

if (POSTGRES_UNAVAILABLE) console.log(`# the central's PostgreSQL migrations: ${POSTGRES_UNAVAILABLE}`)

const root = tempDir('frontdesk-central-migrate-')
after(() => rmSync(root, { recursive: true, force: true }))

describe("the central stores' migrations", () => {
  it('are listed in strictly increasing version order, in steps of 10, the same versions for both stores', () => {
    for (const list of [sqliteMigrations, postgresMigrations]) {
      list.forEach((migration, index) => {
        assert.equal(migration.version % 10, 0, migration.name)
        if (index > 0) assert.ok(migration.version > list[index - 1]!.version, migration.name)
      })
    }
    assert.deepEqual(
      postgresMigrations.map(({ version, name }) => ({ version, name })),
      sqliteMigrations.map(({ version, name }) => ({ version, name })),
    )
  })

  it('on SQLite: reopening an up-to-date file runs nothing; a file from a newer central is refused and left alone', async () => {
    const dir = join(root, 'sqlite')
    mkdirSync(dir)
    await openSqliteCentralStore(dir).close()
    await openSqliteCentralStore(dir).close()
    const file = join(dir, 'central.sqlite')
    const db = new Database(file)
    assert.equal(db.pragma('user_version', { simple: true }), sqliteMigrations.at(-1)!.version)
    db.pragma('user_version = 9990')
    db.close()
    assert.throws(
      () => openSqliteCentralStore(dir),
      (error: unknown) => error instanceof DatabaseTooNewError && /newer than this app understands/.test(error.message),
    )
    assert.ok(existsSync(file))
    rmSync(dir, { recursive: true })
  })
})

describe("the central's PostgreSQL migrations", { skip: POSTGRES_UNAVAILABLE ?? false }, () => {
  const schemas: ReturnType<typeof testSchema>[] = []
  after(async () => {
    for (const schema of schemas) await schema.drop()
  })

  /** A new empty schema of this test's own, and a connection whose search_path is it. */
  async function newSchema() {
    const schema = testSchema('central_mig')
    schemas.push(schema)
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema.name}` })
    await client.connect()
    await client.query(`CREATE SCHEMA ${pg.escapeIdentifier(schema.name)}`)
    return { schema: schema.name, client }
  }

  it('apply nothing twice: reopening an up-to-date schema runs no migration', async () => {
    const { schema, client } = await newSchema()
    try {
      assert.deepEqual(
        await migratePostgres(client, postgresMigrations),
        postgresMigrations.map((m) => m.version),
      )
      assert.deepEqual(await migratePostgres(client, postgresMigrations), [])
      await (await openPostgresCentralStore(TEST_DATABASE_URL!, { schema })).close()
      assert.equal((await client.query('SELECT count(*)::int AS n FROM schema_migrations')).rows[0].n, postgresMigrations.length)
    } finally {
      await client.end()
    }
  })

  it('roll back entirely when one step fails', async () => {
    const { client } = await newSchema()
    try {
      const failing = { version: 9990, name: 'boom', up: async () => Promise.reject(new Error('boom')) }
      await assert.rejects(migratePostgres(client, [...postgresMigrations, failing]), /boom/)
      assert.equal(await postgresSchemaVersion(client), 0)
      assert.equal((await client.query("SELECT to_regclass('devices') AS devices")).rows[0].devices, null, 'no table of the first step is left')
    } finally {
      await client.end()
    }
  })

  it('refuse a schema made by a newer central, with a clear error', async () => {
    const { schema, client } = await newSchema()
    try {
      await migratePostgres(client, postgresMigrations)
      await client.query("INSERT INTO schema_migrations (version, name) VALUES (9990, 'from-the-future')")
      await assert.rejects(
        openPostgresCentralStore(TEST_DATABASE_URL!, { schema }),
        (error: unknown) => error instanceof DatabaseTooNewError && /newer than this app understands/.test(error.message),
      )
    } finally {
      await client.end()
    }
  })

  it('let several instances start at once on an empty schema: one migrates, the others find it done', async () => {
    const { schema, client } = await newSchema()
    try {
      const stores = await Promise.all([1, 2, 3].map(() => openPostgresCentralStore(TEST_DATABASE_URL!, { schema })))
      for (const store of stores) await store.close()
      assert.deepEqual(
        (await client.query('SELECT version FROM schema_migrations ORDER BY version')).rows.map((row) => row.version),
        postgresMigrations.map((m) => m.version),
      )
    } finally {
      await client.end()
    }
  })
})
