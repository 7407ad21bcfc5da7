import { dayAt, startOfDay } from '../domain/calendar-days.js'
import { SESSION_WINDOW_MS } from '../domain/session-window.js'
import {
  contributions,
  conversationDays,
  FAST_REPLY_MS,
  ROLLUP_METRICS,
  type ConversationDay,
  type ConversationFacts,
  type Increment,
  type RollupMetric,
  type TimedMessage,
} from '../domain/stats-rollup.js'
import type { Db } from './open.js'

export type RollupCounts = Record<RollupMetric, number>

/** Days `from`…`to` (numbers of domain/calendar-days.ts) of one property. */
export interface PropertyDays {
  propertyId: string
  from: number
  to: number
}

/** How far counting the existing conversations has come, while it runs. */
export interface StatsBuildProgress {
  done: number
  total: number
}

interface StoredFacts {
  property_id: string
  time_zone: string
  has_contact: number
  lead_day: number | null
  lead_converted: number
}

/** A conversation's own rollup to bring up to date: its days touched by times from…to, or all of them; its facts always. */
type Refresh = { conversationId: string; days: 'all' | { from: number; to: number } | null }

const EMPTY_FACTS: ConversationFacts = { days: [], hasContact: false, lead: null }
const zeroCounts = (): RollupCounts => Object.fromEntries(ROLLUP_METRICS.map((metric) => [metric, 0])) as RollupCounts

/**
 * The statistics' rollups (domain/stats-rollup.ts): kept up to date from the changes triggers note
 * (`flushDirty`, in the writing transaction), built for existing conversations in chunks
 * (`buildChunk`), and summed per period.
 */
export function statsRepository(db: Db) {
  const anyDirty = db.prepare('SELECT 1 FROM stats_dirty LIMIT 1').pluck()
  const dirtyConversations = db.prepare('SELECT conversation_id AS id, min(from_ms) AS "from", max(to_ms) AS "to" FROM stats_dirty GROUP BY conversation_id')
  const clearDirty = db.prepare('DELETE FROM stats_dirty')

  const conversationOf = db.prepare(`
    SELECT c.property_id, p.time_zone,
      EXISTS (SELECT 1 FROM guest_identities i WHERE i.rowid = c.identity_rowid AND i.kind IN ('phone', 'email'))
      OR (c.guest_id IS NOT NULL AND EXISTS (SELECT 1 FROM guest_identities g WHERE g.guest_id = c.guest_id AND g.kind IN ('phone', 'email'))) AS has_contact,
      l.created_at AS lead_at, (l.reservation_id IS NOT NULL OR l.status = 'converted') AS lead_converted
    FROM conversations c JOIN properties p ON p.id = c.property_id LEFT JOIN leads l ON l.conversation_id = c.id
    WHERE c.id = ?`)
  const storedFacts = db.prepare('SELECT property_id, time_zone, has_contact, lead_day, lead_converted FROM stats_conversations WHERE conversation_id = ?')
  const saveFacts = db.prepare(`
    INSERT OR REPLACE INTO stats_conversations (conversation_id, property_id, time_zone, has_contact, lead_day, lead_converted)
    VALUES (@conversationId, @propertyId, @timeZone, @hasContact, @leadDay, @leadConverted)`)
  const forgetFacts = db.prepare('DELETE FROM stats_conversations WHERE conversation_id = ?')

  const storedDays = db.prepare('SELECT day, guest, session, fast, rag, transfers FROM stats_conversation_days WHERE conversation_id = ? ORDER BY day')
  const forgetDays = db.prepare('DELETE FROM stats_conversation_days WHERE conversation_id = ? AND day BETWEEN ? AND ?')
  const forgetAllDays = db.prepare('DELETE FROM stats_conversation_days WHERE conversation_id = ?')
  const saveDay = db.prepare('INSERT INTO stats_conversation_days (conversation_id, day, guest, session, fast, rag, transfers) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const messagesBetween = db.prepare(`
    SELECT created_at AS at, direction, (author = 'bot' AND meta LIKE '%"rag"%') AS rag FROM messages
    WHERE conversation_id = ? AND created_at BETWEEN ? AND ? AND internal = 0 ORDER BY created_at`)
  const activityTimes = db.prepare(`
    SELECT min(first) AS first, max(last) AS last FROM (
      SELECT min(created_at) AS first, max(created_at) AS last FROM messages WHERE conversation_id = @id AND internal = 0
      UNION ALL
      SELECT min(created_at), max(created_at) FROM conversation_events WHERE conversation_id = @id AND type IN ('mode_changed', 'handover'))`)
  const transfersBetween = db
    .prepare(
      `SELECT created_at FROM conversation_events WHERE conversation_id = ? AND created_at BETWEEN ? AND ?
         AND type IN ('mode_changed', 'handover') AND json_extract(data, '$.mode') = 'human'`,
    )
    .pluck()

  const addCounter = db.prepare(`
    INSERT INTO stats_counters (property_id, day, metric, prev_day, prev_transfer_day, next_transfer_day, n)
    VALUES (@propertyId, @day, @metric, @prevDay, @prevTransferDay, @nextTransferDay, @n)
    ON CONFLICT DO UPDATE SET n = n + excluded.n`)

  const readDays = (conversationId: string): ConversationDay[] =>
    (storedDays.all(conversationId) as { day: number; guest: number; session: number; fast: number; rag: number; transfers: number }[]).map((row) => ({
      day: row.day,
      guest: row.guest === 1,
      session: row.session === 1,
      fast: row.fast === 1,
      rag: row.rag === 1,
      transfers: row.transfers,
    }))

  /** Recounts a conversation's days first…last (in its property's time zone) from its messages and events. */
  function recountDays(conversationId: string, timeZone: string, first: number, last: number): void {
    const from = startOfDay(first, timeZone)
    const to = startOfDay(last + 1, timeZone)
    const messages = (messagesBetween.all(conversationId, from - SESSION_WINDOW_MS, to + FAST_REPLY_MS) as (Omit<TimedMessage, 'rag'> & { rag: number })[]).map(
      (m) => ({ at: m.at, direction: m.direction, rag: m.rag === 1 }),
    )
    const transfers = transfersBetween.all(conversationId, from, to - 1) as number[]
    forgetDays.run(conversationId, first, last)
    for (const day of conversationDays(messages, transfers, (ms) => dayAt(ms, timeZone), first, last)) {
      saveDay.run(conversationId, day.day, Number(day.guest), Number(day.session), Number(day.fast), Number(day.rag), day.transfers)
    }
  }

  const removeEmptyCounter = db.prepare(`
    DELETE FROM stats_counters WHERE property_id = @propertyId AND day = @day AND metric = @metric AND prev_day = @prevDay
      AND prev_transfer_day = @prevTransferDay AND next_transfer_day = @nextTransferDay AND n = 0`)

  /** Changes the counters from what a conversation added (`before`) to what it adds now (`after`): only rows that differ are written. */
  function replaceCounters(
    before: { propertyId: string; rows: readonly Increment[] } | null,
    after: { propertyId: string; rows: readonly Increment[] } | null,
  ) {
    const net = new Map<string, Increment & { propertyId: string }>()
    const add = (propertyId: string, row: Increment, sign: number) => {
      const key = `${propertyId}\u0000${row.metric}\u0000${row.day}\u0000${row.prevDay}\u0000${row.prevTransferDay}\u0000${row.nextTransferDay}`
      const found = net.get(key)
      if (found) found.n += sign * row.n
      else net.set(key, { ...row, propertyId, n: sign * row.n })
    }
    for (const row of before?.rows ?? []) add(before!.propertyId, row, -1)
    for (const row of after?.rows ?? []) add(after!.propertyId, row, 1)
    for (const row of net.values()) {
      if (row.n === 0) continue
      addCounter.run(row)
      if (row.n < 0) removeEmptyCounter.run(row)
    }
  }

  /** Brings one conversation's rollup up to date: its counters change by what its facts now add minus what they added. */
  function refresh({ conversationId, days }: Refresh): void {
    const before = storedFacts.get(conversationId) as StoredFacts | undefined
    const oldFacts: ConversationFacts = before
      ? {
          days: readDays(conversationId),
          hasContact: before.has_contact === 1,
          lead: before.lead_day === null ? null : { day: before.lead_day, converted: before.lead_converted === 1 },
        }
      : EMPTY_FACTS
    const now = conversationOf.get(conversationId) as
      { property_id: string; time_zone: string; has_contact: number; lead_at: number | null; lead_converted: number | null } | undefined

    const counted = before ? { propertyId: before.property_id, rows: contributions(oldFacts) } : null
    if (!now) {
      // The conversation is gone (erased, or merged into another): so is what it counted.
      replaceCounters(counted, null)
      forgetAllDays.run(conversationId)
      forgetFacts.run(conversationId)
      return
    }
    const timeZone = now.time_zone
    const recountAll = days === 'all' || !before || before.property_id !== now.property_id || before.time_zone !== timeZone
    if (recountAll) {
      forgetAllDays.run(conversationId)
      const span = activityTimes.get({ id: conversationId }) as { first: number | null; last: number | null }
      if (span.first !== null && span.last !== null) recountDays(conversationId, timeZone, dayAt(span.first, timeZone), dayAt(span.last, timeZone))
    } else if (days) {
      // A message at t moves the session starts of the 24 h after it and the fast replies of the 5 s before.
      recountDays(conversationId, timeZone, dayAt(days.from - FAST_REPLY_MS, timeZone), dayAt(days.to + SESSION_WINDOW_MS, timeZone))
    }
    const newFacts: ConversationFacts = {
      days: readDays(conversationId),
      hasContact: now.has_contact === 1,
      lead: now.lead_at === null ? null : { day: dayAt(now.lead_at, timeZone), converted: now.lead_converted === 1 },
    }
    replaceCounters(counted, { propertyId: now.property_id, rows: contributions(newFacts) })
    saveFacts.run({
      conversationId,
      propertyId: now.property_id,
      timeZone,
      hasContact: Number(newFacts.hasContact),
      leadDay: newFacts.lead?.day ?? null,
      leadConverted: Number(newFacts.lead?.converted ?? false),
    })
  }

  const builds = db.prepare('SELECT property_id AS propertyId, after_rowid AS afterRowid, done, total FROM stats_builds ORDER BY property_id')
  const buildOf = db.prepare('SELECT done, total FROM stats_builds WHERE property_id = ?')
  const nextToBuild = db.prepare('SELECT rowid, id FROM conversations WHERE property_id = ? AND rowid > ? ORDER BY rowid LIMIT ?')
  const advanceBuild = db.prepare('UPDATE stats_builds SET after_rowid = ?, done = done + ? WHERE property_id = ?')
  const finishBuild = db.prepare('DELETE FROM stats_builds WHERE property_id = ?')

  const periodCounts = db.prepare(`
    SELECT metric, sum(n) AS n FROM stats_counters
    WHERE property_id = @propertyId AND day BETWEEN @from AND @to
      AND prev_day < @from AND prev_transfer_day < @from AND next_transfer_day > @to
    GROUP BY metric`)
  // A day alone: every row of the day counts once, unless a transfer the same day spoils an FAQ.
  const dailyCounts = db.prepare(`
    SELECT day, metric, sum(n) AS n FROM stats_counters
    WHERE property_id = @propertyId AND day BETWEEN @from AND @to AND prev_transfer_day < day
    GROUP BY day, metric`)

  function flushDirty(): void {
    if (db.readonly || !anyDirty.get()) return
    const dirty = dirtyConversations.all() as { id: string; from: number | null; to: number | null }[]
    clearDirty.run()
    for (const { id, from, to } of dirty) refresh({ conversationId: id, days: from === null || to === null ? null : { from, to } })
  }

  return {
    /** Brings the rollups up to date with every change noted since the last time (the store calls it before its transactions commit). */
    flushDirty,

    /** The same outside a transaction: for changes committed without one, before reading. */
    catchUp(): void {
      if (!db.readonly && !db.inTransaction && anyDirty.get()) db.transaction(flushDirty).immediate()
    },

    /** Counts existing conversations of properties being built, for about `budgetMs`; false once nothing is left. */
    buildChunk(budgetMs: number, clock: () => number = Date.now): boolean {
      const started = clock()
      for (const build of builds.all() as (StatsBuildProgress & { propertyId: string; afterRowid: number })[]) {
        let afterRowid = build.afterRowid
        for (;;) {
          const next = nextToBuild.all(build.propertyId, afterRowid, 50) as { rowid: number; id: string }[]
          if (!next.length) {
            finishBuild.run(build.propertyId)
            break
          }
          for (const conversation of next) refresh({ conversationId: conversation.id, days: 'all' })
          afterRowid = next.at(-1)!.rowid
          advanceBuild.run(afterRowid, next.length, build.propertyId)
          if (clock() - started >= budgetMs) return true
        }
      }
      return (builds.all() as unknown[]).length > 0
    },

    /** Whether conversations are still being counted, and how far: per property asked for (null: all). */
    buildProgress(propertyIds: readonly string[] | null): StatsBuildProgress | null {
      const rows = (propertyIds ? propertyIds.map((id) => buildOf.get(id)).filter(Boolean) : builds.all()) as StatsBuildProgress[]
      if (!rows.length) return null
      return { done: rows.reduce((sum, row) => sum + row.done, 0), total: rows.reduce((sum, row) => sum + Math.max(row.total, row.done), 0) }
    },

    /** The counters of a period: each property's days summed, conversations counted once however many days they were active. */
    period(days: readonly PropertyDays[]): RollupCounts {
      const counts = zeroCounts()
      for (const range of days) {
        for (const row of periodCounts.all(range) as { metric: RollupMetric; n: number }[]) counts[row.metric] += row.n
      }
      return counts
    },

    /** The counters of each day of a period (summed over the properties given). */
    daily(days: readonly PropertyDays[]): Map<number, RollupCounts> {
      const byDay = new Map<number, RollupCounts>()
      for (const range of days) {
        for (const row of dailyCounts.all(range) as { day: number; metric: RollupMetric; n: number }[]) {
          let counts = byDay.get(row.day)
          if (!counts) byDay.set(row.day, (counts = zeroCounts()))
          counts[row.metric] += row.n
        }
      }
      return byDay
    },
  }
}
