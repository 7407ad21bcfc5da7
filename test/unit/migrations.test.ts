import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { assertMonotonic, DatabaseTooNewError, migrate, schemaVersion } from '../../local-api/db/migrate.js'
import { migrations } from '../../local-api/db/migrations/index.js'
import { openDatabaseFile } from '../../local-api/db/open.js'
import { tempDir } from '../support/test-app.js'

const dir = tempDir()
after(() => rmSync(dir, { recursive: true, force: true }))

describe('migrations', () => {
  it('are listed in strictly increasing version order, in steps of 10', () => {
    assertMonotonic(migrations)
    for (const migration of migrations) assert.equal(migration.version % 10, 0, migration.name)
  })

  it('refuse a list that goes backwards', () => {
    const noop = () => {}
    assert.throws(() => assertMonotonic([{ version: 20, name: 'b', up: noop }, { version: 10, name: 'a', up: noop }]), /does not follow/)
  })

  it('bring a new file to the latest version and record it in user_version', () => {
    const db = openDatabaseFile(join(dir, 'new.sqlite'))
    assert.equal(schemaVersion(db), migrations.at(-1)!.version)
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal')
    assert.equal(db.pragma('foreign_keys', { simple: true }), 1)
    db.close()
  })

  it('apply nothing twice: reopening an up-to-date file runs no migration', () => {
    const file = join(dir, 'twice.sqlite')
    openDatabaseFile(file).close()
    const db = new Database(file)
    assert.deepEqual(migrate(db, migrations), [])
    db.close()
  })

  it('roll back entirely when one step fails', () => {
    const db = new Database(join(dir, 'failing.sqlite'))
    const failing = { version: 20, name: 'boom', up: () => { throw new Error('boom') } }
    assert.throws(() => migrate(db, [...migrations, failing]), /boom/)
    assert.equal(schemaVersion(db), 0)
    assert.equal((db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'messages'").get() as { n: number }).n, 0)
    db.close()
  })

  it('refuse to open a database made by a newer app, with a clear error', () => {
    const file = join(dir, 'future.sqlite')
    const db = new Database(file)
    db.pragma('user_version = 9990')
    db.close()
    assert.throws(() => openDatabaseFile(file), (error: unknown) => {
      assert.ok(error instanceof DatabaseTooNewError)
      assert.match(error.message, /newer than this app understands/)
      return true
    })
  })
})

describe('0010 initial schema', () => {
  const db = openDatabaseFile(join(dir, 'schema.sqlite'))
  after(() => db.close())

  it('creates every table the product stores', () => {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name)
    for (const table of ['properties', 'channel_accounts', 'guests', 'guest_identities', 'conversations', 'messages', 'reservations', 'api_tokens', 'change_log', 'message_search', 'conversation_search']) {
      assert.ok(tables.includes(table), table)
    }
  })

  it('indexes message text for full-text search (FTS5)', () => {
    db.exec(`
      INSERT INTO properties (id, name, default_country, time_zone, created_at) VALUES ('prop_1', 'H', 'CH', 'UTC', 0);
      INSERT INTO conversations (id, property_id, channel, created_at, last_message_at) VALUES ('conv_1', 'prop_1', 'web_chat', 0, 0);
      INSERT INTO messages (id, conversation_id, direction, content_type, content, text, status, created_at, received_at, property_id)
        VALUES ('msg_1', 'conv_1', 'in', 'text', '{}', 'Is breakfast included in the room rate?', 'delivered', 0, 0, 'prop_1');`)
    const hit = db.prepare("SELECT rowid FROM message_search WHERE message_search MATCH 'breakfast'").all()
    assert.equal(hit.length, 1)
  })

  it('enforces foreign keys', () => {
    assert.throws(() =>
      db.prepare("INSERT INTO messages (id, conversation_id, direction, content_type, content, text, status, created_at, received_at, property_id) VALUES ('msg_x', 'conv_missing', 'in', 'text', '{}', '', 'delivered', 0, 0, 'prop_1')").run(),
    /FOREIGN KEY/)
  })

  it('keeps the change log append-only', () => {
    db.prepare("INSERT INTO change_log (entity, entity_id, op, fields, created_at) VALUES ('message', 'msg_1', 'insert', '{}', 0)").run()
    assert.throws(() => db.prepare("UPDATE change_log SET fields = '{\"x\":1}'").run(), /append-only/)
    assert.throws(() => db.prepare('DELETE FROM change_log').run(), /append-only/)
  })
})

describe('0020 agents, sessions and leads', () => {
  const db = openDatabaseFile(join(dir, 'agents.sqlite'))
  after(() => db.close())
  db.exec(`
    INSERT INTO properties (id, name, default_country, time_zone, created_at) VALUES ('prop_1', 'H', 'CH', 'UTC', 0);
    INSERT INTO conversations (id, property_id, channel, created_at, last_message_at) VALUES ('conv_1', 'prop_1', 'web_chat', 0, 0);
    INSERT INTO agents (id, name, email, role, password_hash, created_at, updated_at) VALUES ('agt_1', 'Anna', 'anna@example.com', 'admin', 'x', 0, 0);`)

  it('keeps agents\' emails unique and roles to agent or admin', () => {
    assert.throws(() => db.exec("INSERT INTO agents (id, name, email, role, password_hash, created_at, updated_at) VALUES ('agt_2', 'B', 'anna@example.com', 'agent', 'x', 0, 0)"), /UNIQUE/)
    assert.throws(() => db.exec("INSERT INTO agents (id, name, email, role, password_hash, created_at, updated_at) VALUES ('agt_3', 'C', 'c@example.com', 'boss', 'x', 0, 0)"), /CHECK/)
  })

  it('ties sessions to agents and stores only a hash as their key', () => {
    db.exec("INSERT INTO agent_sessions (token_hash, agent_id, created_at, expires_at) VALUES ('h1', 'agt_1', 0, 1)")
    assert.throws(() => db.exec("INSERT INTO agent_sessions (token_hash, agent_id, created_at, expires_at) VALUES ('h2', 'agt_nope', 0, 1)"), /FOREIGN KEY/)
  })

  it('allows one lead per conversation', () => {
    db.exec("INSERT INTO leads (id, conversation_id, created_at, updated_at) VALUES ('lead_1', 'conv_1', 0, 0)")
    assert.throws(() => db.exec("INSERT INTO leads (id, conversation_id, created_at, updated_at) VALUES ('lead_2', 'conv_1', 0, 0)"), /UNIQUE/)
  })

  it('records which agent wrote a message', () => {
    db.exec(`INSERT INTO messages (id, conversation_id, direction, content_type, content, text, status, created_at, received_at, sender_agent_id, property_id)
      VALUES ('msg_1', 'conv_1', 'out', 'text', '{}', 'Hello', 'sent', 0, 0, 'agt_1', 'prop_1')`)
    assert.equal((db.prepare("SELECT sender_agent_id FROM messages WHERE id = 'msg_1'").get() as { sender_agent_id: string }).sender_agent_id, 'agt_1')
  })
})

describe('0030 sources and service records', () => {
  const db = openDatabaseFile(join(dir, 'sources.sqlite'))
  after(() => db.close())
  db.exec(`
    INSERT INTO properties (id, name, default_country, time_zone, created_at) VALUES ('prop_1', 'H', 'CH', 'UTC', 0);
    INSERT INTO channel_accounts (id, property_id, channel, code, name, created_at) VALUES ('chn_1', 'prop_1', 'web_chat', 'jp-web', 'Japan website', 0);
    INSERT INTO guest_identities (kind, value, created_at) VALUES ('onsite_contact', 'oc_1', 0), ('onsite_contact', 'oc_2', 0);`)

  it('keeps one onsite contact per serial number and account', () => {
    db.exec("INSERT INTO onsite_contacts (id, channel_account_id, sn, identity_rowid, created_at) VALUES ('oc_1', 'chn_1', 'WEB-1', 1, 0)")
    assert.throws(() => db.exec("INSERT INTO onsite_contacts (id, channel_account_id, sn, identity_rowid, created_at) VALUES ('oc_2', 'chn_1', 'WEB-1', 2, 0)"), /UNIQUE/)
  })

  it('accepts identities issued by dialects, and no other kinds', () => {
    db.exec("INSERT INTO guest_identities (kind, value, created_at) VALUES ('guest_app', 'res_1:FD', 0)")
    assert.throws(() => db.exec("INSERT INTO guest_identities (kind, value, created_at) VALUES ('fax', '1', 0)"), /CHECK/)
  })

  it('keeps outlet codes unique per property and conversations\' queue states to queued or manual', () => {
    db.exec("INSERT INTO outlets (id, property_id, code, name, position, created_at) VALUES ('out_1', 'prop_1', 'FD', 'Front desk', 1, 0)")
    assert.throws(() => db.exec("INSERT INTO outlets (id, property_id, code, name, position, created_at) VALUES ('out_2', 'prop_1', 'FD', 'Again', 2, 0)"), /UNIQUE/)
    assert.throws(() => db.exec("INSERT INTO conversations (id, property_id, channel, created_at, last_message_at, queue_state) VALUES ('conv_1', 'prop_1', 'guest_app', 0, 0, 'lost')"), /CHECK/)
  })
})

describe('0070 clocks for changes made before sync', () => {
  it('gives every earlier local change a clock, in log order, from the time it was made', () => {
    const db = new Database(join(dir, 'before-sync.sqlite'))
    migrate(db, migrations.filter((migration) => migration.version <= 60))
    const log = db.prepare("INSERT INTO change_log (entity, entity_id, op, fields, created_at) VALUES ('guest', ?, 'update', '{}', ?)")
    // Three changes in one millisecond, then one from a clock that went backwards.
    for (const [id, at] of [['g1', 1_700_000_000_000], ['g2', 1_700_000_000_000], ['g3', 1_700_000_000_000], ['g4', 1_699_999_999_000]] as const) log.run(id, at)
    db.prepare("INSERT INTO change_log (entity, entity_id, op, fields, created_at, origin) VALUES ('guest', 'g5', 'update', '{}', 1, 'otherdesk')").run()
    migrate(db, migrations)
    const node = db.prepare('SELECT client_id FROM sync_config').pluck().get() as string
    const clocks = db.prepare('SELECT hlc FROM change_log ORDER BY seq').pluck().all()
    assert.deepEqual(clocks, [
      `001700000000000-0000-${node}`,
      `001700000000000-0001-${node}`,
      `001700000000000-0002-${node}`,
      `001700000000000-0003-${node}`,
      null,
    ])
    db.close()
  })
})
