import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { migrate } from '../../../sync-core/migrations/sqlite-migrate.js'
import { migrations } from '../../../local-api/db/migrations/index.js'
import { tempDir } from '../../support/test-app.js'

const dir = tempDir()
after(() => rmSync(dir, { recursive: true, force: true }))

describe('0100 sign-in throttling', () => {
  const db = new Database(join(dir, 'before-throttling.sqlite'))
  after(() => db.close())
  migrate(
    db,
    migrations.filter((migration) => migration.version < 100),
  )
  db.prepare("INSERT INTO properties (id, name, default_country, time_zone, created_at) VALUES ('prop_1', 'Lago', 'CH', 'UTC', 1)").run()
  db.prepare("INSERT INTO api_tokens (id, name, token_hash, scopes, property_id, created_at) VALUES ('tok_1', 'chat', 'h1', 'admin', NULL, 5)").run()
  migrate(
    db,
    migrations.filter((migration) => migration.version <= 100),
  )

  it('keeps existing API tokens, never used yet', () => {
    assert.deepEqual(db.prepare('SELECT id, name, revoked_at, last_used_at FROM api_tokens').all(), [
      { id: 'tok_1', name: 'chat', revoked_at: null, last_used_at: null },
    ])
  })

  it('keeps one row of failed sign-ins per email, counts never negative', () => {
    const insert = db.prepare('INSERT INTO sign_in_failures (email, failures, window_start, last_failure_at, locked_until) VALUES (?, ?, 1, 1, NULL)')
    insert.run('luca@lago.ch', 3)
    assert.throws(() => insert.run('luca@lago.ch', 4), /UNIQUE|PRIMARY KEY/)
    assert.throws(() => insert.run('anna@lago.ch', -1), /CHECK/)
  })

  it('finds stale rows by the time of their last failure (an index, not a scan)', () => {
    const plan = db
      .prepare('EXPLAIN QUERY PLAN DELETE FROM sign_in_failures WHERE last_failure_at < 5 AND (locked_until IS NULL OR locked_until < 5)')
      .all() as { detail: string }[]
    assert.ok(
      plan.some((step) => /sign_in_failures_by_last_failure/.test(step.detail)),
      JSON.stringify(plan),
    )
  })
})
