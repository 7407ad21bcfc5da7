import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import Database from 'better-sqlite3'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { migrate } from '../../../sync-core/migrations/sqlite-migrate.js'
import { migrations } from '../../../local-api/db/migrations/index.js'
import { suggestionId } from '../../../local-api/domain/contact-suggestions.js'
import { tempDir } from '../../support/test-app.js'

const dir = tempDir()
after(() => rmSync(dir, { recursive: true, force: true }))

const T = 1_700_000_000_000
const insight = (emails: string[], phones: string[] = [], name: string | null = null) =>
  JSON.stringify({
    readUpTo: 1,
    kind: 'lead',
    persona: null,
    intent: { level: 'low', reason: '' },
    dates: [],
    captured: { emails, phones, name },
    cues: { bookingIntent: false, details: false, personaTexts: [] },
  })

describe('0090 contact suggestions', () => {
  it('moves contacts found in text out of the identities and undoes the links they made, keeping what a reservation vouches for', () => {
    const db = new Database(join(dir, 'before-suggestions.sqlite'))
    migrate(
      db,
      migrations.filter((migration) => migration.version < 90),
    )
    db.prepare("INSERT INTO properties (id, name, default_country, time_zone, created_at) VALUES ('prp_1', 'Hotel', 'CH', 'Europe/Zurich', ?)").run(T)
    const guest = db.prepare('INSERT INTO guests (id, first_name, last_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
    const identity = (kind: string, value: string, guestId: string | null, verified = 1) =>
      db
        .prepare('INSERT INTO guest_identities (kind, value, guest_id, created_at, verified) VALUES (?, ?, ?, ?, ?) RETURNING rowid')
        .pluck()
        .get(kind, value, guestId, T, verified) as number
    const conversation = (id: string, identityRowid: number, guestId: string | null, captured: string | null, searchText: string) => {
      const rowid = db
        .prepare(
          "INSERT INTO conversations (id, property_id, channel, identity_rowid, guest_id, created_at, last_message_at, insight) VALUES (?, 'prp_1', 'whatsapp', ?, ?, ?, ?, ?) RETURNING rowid",
        )
        .pluck()
        .get(id, identityRowid, guestId, T, T, captured) as number
      db.prepare('INSERT INTO conversation_search (rowid, guest_text) VALUES (?, ?)').run(rowid, searchText)
    }
    const reservation = (id: string, guestId: string, phone: string | null, email: string | null) =>
      db
        .prepare(
          "INSERT INTO reservations (id, property_id, confirmation_number, guest_id, phone, email, arrival, departure, status, created_at, updated_at) VALUES (?, 'prp_1', ?, ?, ?, ?, '2030-01-01', '2030-01-02', 'confirmed', ?, ?)",
        )
        .run(id, `C-${id}`, guestId, phone, email, T, T)

    // Anna: a reservation, her identities, her own conversation.
    guest.run('gst_anna', 'Anna', 'Muster', T, T)
    reservation('res_anna', 'gst_anna', '+41791111111', 'anna@example.ch')
    identity('email', 'anna@example.ch', 'gst_anna')
    conversation('cnv_anna', identity('phone', '+41791111111', 'gst_anna'), 'gst_anna', null, 'anna muster +41791111111 41791111111')
    // A stranger wrote Anna's email: the old reading joined the conversation (and the stranger's phone) to Anna.
    conversation('cnv_s1', identity('phone', '+41792222222', 'gst_anna'), 'gst_anna', insight(['anna@example.ch']), 'anna muster +41792222222 41792222222')
    // Another wrote an unknown address and a name: a profile made from text, the address an unverified identity of it.
    guest.run('gst_bob', 'Bob', null, T, T)
    identity('email', 'bob@example.ch', 'gst_bob', 0)
    conversation('cnv_s2', identity('phone', '+41793333333', 'gst_bob'), 'gst_bob', insight(['bob@example.ch'], [], 'Bob'), 'bob +41793333333 41793333333')
    // A third wrote Carla's address before Carla booked: her reservation then landed on the profile made from text.
    guest.run('gst_s3', 'Carla', 'Rossi', T, T)
    identity('email', 'carla@example.ch', 'gst_s3', 0)
    reservation('res_carla', 'gst_s3', null, 'carla@example.ch')
    conversation('cnv_s3', identity('phone', '+41794444444', 'gst_s3'), 'gst_s3', insight(['carla@example.ch']), 'carla rossi +41794444444 41794444444')
    // An unverified identity no reading holds (written by an older desk): a suggestion of its profile's conversation.
    identity('phone', '+41795555555', 'gst_bob', 0)
    // A reading with nothing captured, and a malformed one: nothing to suggest, and no failure.
    conversation('cnv_quiet', identity('phone', '+41796666666', null), null, insight([]), '+41796666666 41796666666')
    conversation('cnv_broken', identity('phone', '+41797777777', null), null, '{"captured":', '+41797777777 41797777777')
    // A guest-app conversation: issued identity, untouched.
    conversation('cnv_app', identity('guest_app', 'thread-1', 'gst_anna'), 'gst_anna', null, 'anna muster thread-1')

    migrate(db, migrations)

    const suggestions = db.prepare('SELECT id, conversation_id AS c, kind, value, status FROM contact_suggestions ORDER BY c, value').all()
    assert.deepEqual(suggestions, [
      { id: suggestionId('cnv_s1', 'email', 'anna@example.ch'), c: 'cnv_s1', kind: 'email', value: 'anna@example.ch', status: 'new' },
      { id: suggestionId('cnv_s2', 'phone', '+41795555555'), c: 'cnv_s2', kind: 'phone', value: '+41795555555', status: 'new' },
      { id: suggestionId('cnv_s2', 'email', 'bob@example.ch'), c: 'cnv_s2', kind: 'email', value: 'bob@example.ch', status: 'new' },
      { id: suggestionId('cnv_s3', 'email', 'carla@example.ch'), c: 'cnv_s3', kind: 'email', value: 'carla@example.ch', status: 'new' },
    ])
    const identities = Object.fromEntries(
      (
        db.prepare('SELECT kind, value, guest_id AS g, verified AS v FROM guest_identities').all() as {
          kind: string
          value: string
          g: string | null
          v: number
        }[]
      ).map((i) => [`${i.kind}:${i.value}`, [i.g, i.v]]),
    )
    assert.deepEqual(
      identities,
      {
        'email:anna@example.ch': ['gst_anna', 1],
        'phone:+41791111111': ['gst_anna', 1],
        'phone:+41792222222': [null, 1],
        'phone:+41793333333': [null, 1],
        'email:carla@example.ch': ['gst_s3', 1],
        'phone:+41794444444': [null, 1],
        'phone:+41796666666': [null, 1],
        'phone:+41797777777': [null, 1],
        'guest_app:thread-1': ['gst_anna', 1],
      },
      "bob@ and the stray phone are gone; carla@ is vouched for by her reservation; the strangers' phones are on no profile",
    )
    const guests = Object.fromEntries(
      (db.prepare('SELECT id, guest_id AS g FROM conversations').all() as { id: string; g: string | null }[]).map((c) => [c.id, c.g]),
    )
    assert.deepEqual(guests, { cnv_anna: 'gst_anna', cnv_s1: null, cnv_s2: null, cnv_s3: null, cnv_quiet: null, cnv_broken: null, cnv_app: 'gst_anna' })
    const search = db.prepare('SELECT s.guest_text FROM conversation_search s JOIN conversations c ON c.rowid = s.rowid WHERE c.id = ?').pluck()
    assert.equal(search.get('cnv_s1'), '+41792222222 41792222222', "no longer found by Anna's name")
    // Every contact of her profile (migration 0260 adds the profile's emails and phones to the search text).
    assert.equal(search.get('cnv_anna'), 'anna muster +41791111111 41791111111 anna@example.ch')
    // The undone links are changes to send: clocked, after every earlier clock, in order.
    const logged = db
      .prepare("SELECT entity, entity_id AS id, fields, hlc FROM change_log WHERE entity IN ('conversation', 'guest_identity') ORDER BY seq")
      .all() as { entity: string; id: string; fields: string; hlc: string }[]
    assert.deepEqual(
      logged.map((l) => [l.entity, l.id, JSON.parse(l.fields)]),
      [
        ['guest_identity', 'phone:+41792222222', { guestId: null }],
        ['guest_identity', 'phone:+41793333333', { guestId: null }],
        ['guest_identity', 'phone:+41794444444', { guestId: null }],
        ['conversation', 'cnv_s1', { guestId: null }],
        ['conversation', 'cnv_s2', { guestId: null }],
        ['conversation', 'cnv_s3', { guestId: null }],
      ],
    )
    const clocks = logged.map((l) => l.hlc)
    assert.ok(clocks.every(Boolean) && [...clocks].sort().join() === clocks.join() && new Set(clocks).size === clocks.length)
    db.close()
  })

  it('runs on an empty desk', () => {
    const db = new Database(join(dir, 'empty.sqlite'))
    migrate(db, migrations)
    assert.equal(db.prepare('SELECT count(*) FROM contact_suggestions').pluck().get(), 0)
    db.close()
  })
})
