import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import pg from 'pg'
import { initialSchema } from '../../../central/store/migrations/postgres/0010-initial-schema.js'
import { migrations } from '../../../central/store/migrations/postgres/index.js'
import { migratePostgres } from '../../../central/store/postgres-migrate.js'
import { openPostgresCentralStore } from '../../../central/store/postgres-store.js'
import { PRE_MIGRATION_CONTENT as content, PRE_MIGRATION_POSTGRES_SCHEMA } from '../../fixtures/central-pre-migration.js'
import { POSTGRES_UNAVAILABLE, TEST_DATABASE_URL, testSchema } from '../../support/central-stores.js'
import { assertServesPreMigrationContent } from '../../support/central-pre-migration.js'

if (POSTGRES_UNAVAILABLE) console.log(`# central PostgreSQL 0010 initial schema: ${POSTGRES_UNAVAILABLE}`)

describe('central PostgreSQL 0010 initial schema', { skip: POSTGRES_UNAVAILABLE ?? false }, () => {
  const schemas: ReturnType<typeof testSchema>[] = []
  after(async () => {
    for (const schema of schemas) await schema.drop()
  })

  /** A schema of this test's own, and a connection whose search_path is it. */
  async function connectToNewSchema() {
    const schema = testSchema('central_mig')
    schemas.push(schema)
    const client = new pg.Client({ connectionString: TEST_DATABASE_URL, options: `-c search_path=${schema.name}` })
    await client.connect()
    await client.query(`CREATE SCHEMA ${pg.escapeIdentifier(schema.name)}`)
    return { schema: schema.name, client }
  }

  /** Every column, constraint and index of the schema's tables (schema_migrations aside), as the catalog describes them. */
  async function describeSchema(client: pg.Client, schema: string) {
    const columns = await client.query(
      `SELECT table_name, column_name, ordinal_position, data_type, is_nullable, column_default FROM information_schema.columns
       WHERE table_schema = $1 AND table_name <> 'schema_migrations' ORDER BY table_name, ordinal_position`,
      [schema],
    )
    const constraints = await client.query(
      `SELECT rel.relname AS table_name, con.conname, con.contype, pg_get_constraintdef(con.oid) AS definition
       FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid JOIN pg_namespace ns ON ns.oid = rel.relnamespace
       WHERE ns.nspname = $1 AND rel.relname <> 'schema_migrations' ORDER BY rel.relname, con.conname`,
      [schema],
    )
    const indexes = await client.query(
      `SELECT tablename, indexname, replace(indexdef, $1::text || '.', '') AS definition FROM pg_indexes
       WHERE schemaname = $2 AND tablename <> 'schema_migrations' ORDER BY tablename, indexname`,
      [schema, schema],
    )
    return { columns: columns.rows, constraints: constraints.rows, indexes: indexes.rows }
  }

  it('makes the tables the central keeps in a new schema, recorded as version 10', async () => {
    const { schema, client } = await connectToNewSchema()
    try {
      await migratePostgres(client, [initialSchema])
      const tables = await client.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name`, [schema])
      assert.deepEqual(
        tables.rows.map((row) => row.table_name),
        ['clients', 'devices', 'ops', 'rejected_ops', 'schema_migrations', 'spaces', 'state'],
      )
      const recorded = await client.query('SELECT version, name FROM schema_migrations ORDER BY version')
      assert.deepEqual(recorded.rows, [{ version: 10, name: 'initial-schema' }])
    } finally {
      await client.end()
    }
  })

  it('makes exactly the schema the store made itself before numbered migrations', async () => {
    const migrated = await connectToNewSchema()
    const old = await connectToNewSchema()
    try {
      await migratePostgres(migrated.client, [initialSchema])
      await old.client.query(PRE_MIGRATION_POSTGRES_SCHEMA)
      const [made, madeBefore] = [await describeSchema(migrated.client, migrated.schema), await describeSchema(old.client, old.schema)]
      assert.ok(made.columns.length > 30 && made.indexes.length > 6, 'the catalog describes the tables')
      assert.deepEqual(made, madeBefore)
    } finally {
      await migrated.client.end()
      await old.client.end()
    }
  })

  it('opens a schema made before numbered migrations: recorded at version 10 and migrated from there, nothing rebuilt, all it held served', async () => {
    const { schema, client } = await connectToNewSchema()
    const fresh = await connectToNewSchema()
    try {
      await (await openPostgresCentralStore(TEST_DATABASE_URL!, { schema: fresh.schema })).close()
      await client.query(PRE_MIGRATION_POSTGRES_SCHEMA)
      const { device, op, rejected } = content
      await client.query('INSERT INTO devices (id, name, property_id, credential_hash, created_at, revoked_at) VALUES ($1, $2, $3, $4, $5, $6)', [
        device.id,
        device.name,
        device.propertyId,
        content.credentialHash,
        device.createdAt,
        device.revokedAt,
      ])
      await client.query('INSERT INTO clients (client_id, device_id, acked_seq, updated_at) VALUES ($1, $2, 2, $3)', [
        content.clientId,
        device.id,
        content.receivedAt,
      ])
      await client.query('INSERT INTO spaces (space, last_seq, floor) VALUES ($1, 1, 1)', [content.propertyId])
      await client.query('INSERT INTO ops (space, server_seq, op_id, client_id, client_seq, op, received_at) VALUES ($1, 1, $2, $3, $4, $5, $6)', [
        content.propertyId,
        op.opId,
        op.clientId,
        op.clientSeq,
        JSON.stringify(op),
        content.receivedAt,
      ])
      await client.query('INSERT INTO state (space, rank, entity, entity_id, fields, clocks, server_seq) VALUES ($1, $2, $3, $4, $5, $6, 1)', [
        content.propertyId,
        content.rank,
        op.entity,
        op.entityId,
        JSON.stringify(op.fields),
        JSON.stringify({ mode: op.hlc }),
      ])
      await client.query('INSERT INTO rejected_ops (op_id, client_id, client_seq, reason, op, at) VALUES ($1, $2, $3, $4, $5, $6)', [
        rejected.opId,
        rejected.clientId,
        rejected.clientSeq,
        content.rejectedReason,
        JSON.stringify(rejected),
        content.receivedAt,
      ])

      const store = await openPostgresCentralStore(TEST_DATABASE_URL!, { schema })
      try {
        await assertServesPreMigrationContent(store)
      } finally {
        await store.close()
      }
      assert.deepEqual(
        (await client.query('SELECT version, name FROM schema_migrations ORDER BY version')).rows,
        migrations.map(({ version, name }) => ({ version, name })),
      )
      assert.deepEqual(await describeSchema(client, schema), await describeSchema(fresh.client, fresh.schema), 'the schema a new central has')
    } finally {
      await fresh.client.end()
      await client.end()
    }
  })
})
