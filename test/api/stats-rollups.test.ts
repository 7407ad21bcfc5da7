import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { rmSync } from 'node:fs'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { openStore, type Store } from '../../local-api/db/store.js'
import { dayAt, startOfDay } from '../../local-api/domain/calendar-days.js'
import { createStatsService, type StatsService } from '../../local-api/services/stats.js'
import { referenceStats } from '../support/stats-reference.js'
import { tempDir } from '../support/test-app.js'

/**
 * The rollups against the statistics' SQL definitions (test/support/stats-reference.ts), on random
 * histories written straight to the store in random order and in random transactions: messages
 * around the 5 s and 24 h thresholds, the AI agent's answers, takeovers and handovers, leads,
 * contacts gained and lost, conversations merged, messages deleted, and a property's time zone
 * changed, across days and DST changes in zones with odd offsets. Every day and random periods of
 * each property must count the same.
 */
const RUNS = Number(process.env.STATS_PROPERTY_RUNS ?? 40)
const DAY = 86_400_000
const ZONES = ['Europe/Zurich', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'America/Santiago', 'Australia/Lord_Howe', 'UTC']
// Two weeks from each: the EU, Chilean, Chatham and Lord Howe changes of spring 2026, and of autumn.
const STARTS = ['2026-03-22T00:00:00Z', '2026-09-01T00:00:00Z', '2026-10-20T00:00:00Z'].map(Date.parse)

type Op =
  | { kind: 'message'; conversation: number; slot: number; jitter: number; direction: 'in' | 'out'; rag: boolean }
  | { kind: 'transfer'; conversation: number; slot: number; type: 'mode_changed' | 'handover' | 'assigned'; mode: 'human' | 'ai' }
  | { kind: 'lead'; conversation: number; slot: number; status: 'new' | 'converted' }
  | { kind: 'unlead'; conversation: number }
  | { kind: 'deleteMessage'; pick: number }
  | { kind: 'contact'; conversation: number; how: 'phone' | 'guest_app' | 'guest_email' | 'drop' }
  | { kind: 'merge'; from: number; into: number }
  | { kind: 'timeZone'; property: number; zone: string }
  | { kind: 'commit' }

const conversationIndex = fc.integer({ min: 0, max: 4 })
// Five-minute slots over two weeks, with a few seconds added: replies land on both sides of 5 s, sessions on both sides of 24 h.
const slot = fc.integer({ min: 0, max: 14 * 288 })
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record({
      kind: fc.constant('message' as const),
      conversation: conversationIndex,
      slot,
      jitter: fc.constantFrom(0, 1000, 4999, 5000, 5001, 60_000),
      direction: fc.constantFrom('in' as const, 'out' as const),
      rag: fc.boolean(),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('transfer' as const),
      conversation: conversationIndex,
      slot,
      type: fc.constantFrom('mode_changed' as const, 'handover' as const, 'assigned' as const),
      mode: fc.constantFrom('human' as const, 'ai' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('lead' as const),
      conversation: conversationIndex,
      slot,
      status: fc.constantFrom('new' as const, 'converted' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('unlead' as const), conversation: conversationIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteMessage' as const), pick: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('contact' as const),
      conversation: conversationIndex,
      how: fc.constantFrom('phone' as const, 'guest_app' as const, 'guest_email' as const, 'drop' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const), from: conversationIndex, into: conversationIndex }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('timeZone' as const), property: fc.integer({ min: 0, max: 1 }), zone: fc.constantFrom(...ZONES) }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'commit' as const }) },
)

const history = fc.record({
  zones: fc.tuple(fc.constantFrom(...ZONES), fc.constantFrom(...ZONES)),
  // Which property each of the five conversations is of.
  owners: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 5, maxLength: 5 }),
  start: fc.constantFrom(...STARTS),
  ops: fc.array(op, { minLength: 5, maxLength: 80 }),
  periods: fc.array(fc.tuple(fc.integer({ min: -1, max: 15 }), fc.integer({ min: 0, max: 15 })), { minLength: 3, maxLength: 8 }),
})

type History = typeof history extends fc.Arbitrary<infer T> ? T : never

let dir: string
let store: Store
let writer: Database.Database
let stats: StatsService
let run = 0

before(() => {
  dir = tempDir()
  store = openStore(dir)
  // Histories are written by a second connection, as another writer would: the store counts what triggers noted.
  writer = new Database(store.file)
  writer.pragma('foreign_keys = ON')
  stats = createStatsService(store, Date.now)
})

after(() => {
  writer.close()
  store.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Writes one history under fresh ids; returns its properties. */
function write(h: History): { id: string }[] {
  run++
  const properties = h.zones.map((zone, i) => ({ id: `prop_r${run}_${i}` }))
  properties.forEach((p, i) =>
    writer.prepare(`INSERT INTO properties (id, name, default_country, time_zone, created_at) VALUES (?, 'Hotel', 'CH', ?, 0)`).run(p.id, h.zones[i]),
  )
  const conversations = h.owners.map((owner, i) => {
    const id = `conv_r${run}_${i}`
    // last_message_at far ahead: the reference's activity shortcut then never hides a conversation.
    writer
      .prepare(`INSERT INTO conversations (id, property_id, channel, created_at, last_message_at) VALUES (?, ?, 'web_chat', 0, 9e15)`)
      .run(id, properties[owner]!.id)
    return { id, owner, alive: true }
  })
  let messages = 0
  let rows = 0
  const at = (slotIndex: number, jitter = 0) => h.start + slotIndex * 300_000 + jitter
  let open = false
  const begin = () => {
    if (!open) writer.exec('BEGIN')
    open = true
  }
  for (const o of h.ops) {
    if (o.kind === 'commit') {
      if (open) writer.exec('COMMIT')
      open = false
      continue
    }
    begin()
    if ('conversation' in o && !conversations[o.conversation]!.alive) continue
    const conversation = 'conversation' in o ? conversations[o.conversation]! : null
    switch (o.kind) {
      case 'message':
        writer
          .prepare(
            `INSERT INTO messages (id, conversation_id, direction, content_type, content, text, status, created_at, received_at, author, meta, property_id)
             VALUES (?, ?, ?, 'text', '{}', 'hi', 'received', ?, ?, ?, ?, ?)`,
          )
          .run(
            `msg_r${run}_${messages++}`,
            conversation!.id,
            o.direction,
            at(o.slot, o.jitter),
            at(o.slot, o.jitter),
            o.direction === 'out' && o.rag ? 'bot' : null,
            o.direction === 'out' ? JSON.stringify({ tools: o.rag ? ['rag'] : ['pms'] }) : null,
            properties[conversation!.owner]!.id,
          )
        break
      case 'transfer':
        writer
          .prepare(`INSERT INTO conversation_events (id, conversation_id, type, data, created_at) VALUES (?, ?, ?, ?, ?)`)
          .run(`evt_r${run}_${rows++}`, conversation!.id, o.type, JSON.stringify({ mode: o.mode }), at(o.slot))
        break
      case 'lead':
        writer
          .prepare(
            `INSERT INTO leads (id, conversation_id, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (conversation_id) DO UPDATE SET status = excluded.status, created_at = excluded.created_at`,
          )
          .run(`lead_r${run}_${rows++}`, conversation!.id, o.status, at(o.slot), at(o.slot))
        break
      case 'unlead':
        writer.prepare('DELETE FROM leads WHERE conversation_id = ?').run(conversation!.id)
        break
      case 'deleteMessage': {
        const ids = writer.prepare(`SELECT id FROM messages WHERE id LIKE ?`).pluck().all(`msg_r${run}_%`) as string[]
        if (ids.length) writer.prepare('DELETE FROM messages WHERE id = ?').run(ids[o.pick % ids.length])
        break
      }
      case 'contact': {
        const id = conversation!.id
        if (o.how === 'drop') {
          writer.prepare('UPDATE conversations SET identity_rowid = NULL WHERE id = ?').run(id)
          writer.prepare(`DELETE FROM guest_identities WHERE guest_id = (SELECT guest_id FROM conversations WHERE id = ?)`).run(id)
        } else if (o.how === 'guest_email') {
          const guest = `gst_r${run}_${rows++}`
          writer.prepare(`INSERT INTO guests (id, created_at, updated_at) VALUES (?, 0, 0)`).run(guest)
          writer.prepare('UPDATE conversations SET guest_id = ? WHERE id = ?').run(guest, id)
          writer.prepare(`INSERT INTO guest_identities (kind, value, guest_id, created_at) VALUES ('email', ?, ?, 0)`).run(`${guest}@example.com`, guest)
        } else {
          const rowid = writer
            .prepare(`INSERT INTO guest_identities (kind, value, created_at) VALUES (?, ?, 0)`)
            .run(o.how, `${o.how}_r${run}_${rows++}`).lastInsertRowid
          writer.prepare('UPDATE conversations SET identity_rowid = ? WHERE id = ?').run(rowid, id)
        }
        break
      }
      case 'merge': {
        const from = conversations[o.from]!
        const into = conversations[o.into]!
        if (from === into || !from.alive || !into.alive || from.owner !== into.owner) break
        writer.prepare('UPDATE messages SET conversation_id = ? WHERE conversation_id = ?').run(into.id, from.id)
        writer.prepare('UPDATE conversation_events SET conversation_id = ? WHERE conversation_id = ?').run(into.id, from.id)
        writer.prepare('DELETE FROM leads WHERE conversation_id = ? AND EXISTS (SELECT 1 FROM leads WHERE conversation_id = ?)').run(from.id, into.id)
        writer.prepare('UPDATE leads SET conversation_id = ? WHERE conversation_id = ?').run(into.id, from.id)
        writer.prepare('DELETE FROM conversations WHERE id = ?').run(from.id)
        from.alive = false
        break
      }
      case 'timeZone':
        writer.prepare('UPDATE properties SET time_zone = ? WHERE id = ?').run(o.zone, properties[o.property]!.id)
        break
    }
  }
  if (open) writer.exec('COMMIT')
  return properties
}

function finishBuilds(): void {
  while (store.transaction(() => store.stats.buildChunk(1000))) {
    /* counting existing conversations */
  }
}

describe('statistics from rollups', () => {
  it('count every day and every period exactly as the SQL definitions do, whatever the order and the transactions of the writes', () => {
    const reference = referenceStats(writer)
    fc.assert(
      fc.property(history, (h) => {
        const properties = write(h)
        for (const property of properties) {
          const pending = stats.summary({ propertyId: property.id, from: h.start, to: h.start + DAY })
          if (pending.preparing)
            assert.ok(
              Object.values(pending.values).every((v) => v.value === null),
              'no figures while counting',
            )
        }
        finishBuilds()
        for (const property of properties) {
          const timeZone = writer.prepare('SELECT time_zone FROM properties WHERE id = ?').pluck().get(property.id) as string
          const firstDay = dayAt(h.start, timeZone)
          const days = [...Array.from({ length: 16 }, (_, i) => [i, i]), ...h.periods].map(([x, y]) => [
            firstDay + Math.min(x!, y!),
            firstDay + Math.max(x!, y!),
          ])
          for (const [a, b] of days) {
            const from = startOfDay(a!, timeZone)
            const to = startOfDay(b! + 1, timeZone)
            const range = { propertyId: property.id, from, to }
            const want = {
              active: reference.activeConversations(range),
              guest: reference.conversationsWithGuestMessage(range),
              fast: reference.answeredWithin5s(range),
              faq: reference.faqResolved(range),
              transfers: reference.humanTransfers(range),
              captured: reference.capturedLeads(range),
              ...reference.leads(range),
            }
            const { values, preparing } = stats.summary(range)
            assert.equal(preparing, null)
            const got = {
              active: values.activeConversations.value,
              guest: values.responseRate.denominator,
              fast: values.responseRate.numerator,
              faq: values.faqResolved.value,
              transfers: values.humanTransfers.value,
              captured: values.capturedLeads.value,
              total: values.conversionRate.denominator,
              converted: values.conversionRate.numerator,
            }
            assert.deepEqual(got, want, `${timeZone} days ${a}…${b}`)
          }
          // The daily series is each day alone.
          const series = stats.series({ propertyId: property.id, from: startOfDay(firstDay, timeZone), to: startOfDay(firstDay + 15, timeZone) }, 'day')
          for (const point of series.points) {
            const range = { propertyId: property.id, from: point.from, to: point.to }
            assert.equal(point.values.activeConversations.value, reference.activeConversations(range), `${timeZone} ${point.date}`)
            assert.equal(point.values.faqResolved.value, reference.faqResolved(range), `${timeZone} ${point.date}`)
          }
        }
      }),
      { numRuns: RUNS },
    )
  })

  it('cost nothing to keep: the counters of a period are few rows whatever the number of messages', () => {
    const rows = writer.prepare('SELECT count(*) FROM stats_counters').pluck().get() as number
    const days = writer.prepare('SELECT count(*) FROM stats_conversation_days').pluck().get() as number
    assert.ok(rows <= days * 6, `${rows} counter rows for ${days} conversation days`)
    assert.equal(writer.prepare('SELECT count(*) FROM stats_counters WHERE n <= 0').pluck().get(), 0, 'no empty or negative counter rows')
  })
})
