import { SESSION_WINDOW_MS } from './session-window.js'

/**
 * The statistics as counters a period sums (their definitions: domain/stats.ts). Each conversation
 * keeps, per day of its property, what happened in it that day (`ConversationDay`); from those days
 * it contributes counter rows (`Increment`) that the store adds up per property, day and metric.
 *
 * A "conversations with X in the period" count must count a conversation once however many of the
 * period's days had X. So a day's row also names the conversation's previous day with X: the rows
 * of a period [a, b] whose previous day lies before a are exactly one per conversation. The AI
 * agent's resolved FAQs (X in the period and no human transfer in it) also name the transfer days
 * around the day: none may lie in [a, b].
 */

/** A reply within this long after a guest message answers it fast. */
export const FAST_REPLY_MS = 5000

/** "No such day" in a counter row: before and after every real day, so comparisons need no NULLs. */
export const NO_DAY_BEFORE = -1_000_000_000
export const NO_DAY_AFTER = 1_000_000_000

export const ROLLUP_METRICS = ['active', 'guest', 'fast', 'captured', 'faq', 'transfers', 'leads', 'converted'] as const
export type RollupMetric = (typeof ROLLUP_METRICS)[number]

/** What happened in one conversation on one day; only days with something are kept. */
export interface ConversationDay {
  day: number
  /** A guest message. */
  guest: boolean
  /** A guest message that started a session (the guest's first, or after 24 h of silence). */
  session: boolean
  /** A guest message replied to within 5 s. */
  fast: boolean
  /** An answer of the AI agent from the knowledge base. */
  rag: boolean
  /** Switches to a person (staff taking over, or the AI agent's handover). */
  transfers: number
}

export interface ConversationFacts {
  days: readonly ConversationDay[]
  /** The conversation's guest left an email address or a phone number. */
  hasContact: boolean
  lead: { day: number; converted: boolean } | null
}

export interface Increment {
  metric: RollupMetric
  day: number
  prevDay: number
  prevTransferDay: number
  nextTransferDay: number
  n: number
}

/** A message as the statistics read it. */
export interface TimedMessage {
  at: number
  direction: 'in' | 'out'
  /** The AI agent's answer from the knowledge base. */
  rag: boolean
}

/**
 * The days `first`…`last` of a conversation from its messages and transfer times. `messages` must
 * hold every message from 24 h before the first day to 5 s after the last, sorted by time: a
 * session's start and a fast reply are judged by their neighbours.
 */
export function conversationDays(
  messages: readonly TimedMessage[],
  transferTimes: readonly number[],
  dayOf: (ms: number) => number,
  first: number,
  last: number,
): ConversationDay[] {
  const days = new Map<number, ConversationDay>()
  const dayRow = (day: number) => {
    let row = days.get(day)
    if (!row) days.set(day, (row = { day, guest: false, session: false, fast: false, rag: false, transfers: 0 }))
    return row
  }
  const replies = messages.filter((m) => m.direction === 'out').map((m) => m.at)
  let latestGuestBefore = -Infinity // the latest guest message strictly before the one looked at
  let guestAt = -Infinity
  for (const message of messages) {
    if (message.direction === 'in' && message.at !== guestAt) {
      latestGuestBefore = guestAt
      guestAt = message.at
    }
    const day = dayOf(message.at)
    if (day < first || day > last) continue
    if (message.direction === 'out') {
      if (message.rag) dayRow(day).rag = true
      continue
    }
    const row = dayRow(day)
    row.guest = true
    if (latestGuestBefore < message.at - SESSION_WINDOW_MS) row.session = true
    const reply = replies[firstAtOrAfter(replies, message.at)]
    if (reply !== undefined && reply <= message.at + FAST_REPLY_MS) row.fast = true
  }
  for (const at of transferTimes) {
    const day = dayOf(at)
    if (day >= first && day <= last) dayRow(day).transfers++
  }
  return [...days.values()].sort((x, y) => x.day - y.day)
}

function firstAtOrAfter(sorted: readonly number[], at: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (sorted[middle]! < at) low = middle + 1
    else high = middle
  }
  return low
}

/** The counter rows one conversation adds to its property's statistics. */
export function contributions(facts: ConversationFacts): Increment[] {
  const rows: Increment[] = []
  const add = (metric: RollupMetric, day: number, prevDay = NO_DAY_BEFORE, prevTransferDay = NO_DAY_BEFORE, nextTransferDay = NO_DAY_AFTER, n = 1) =>
    rows.push({ metric, day, prevDay, prevTransferDay, nextTransferDay, n })
  const once = (metric: RollupMetric, has: (day: ConversationDay) => boolean) => {
    let prev = NO_DAY_BEFORE
    for (const day of facts.days) {
      if (!has(day)) continue
      add(metric, day.day, prev)
      prev = day.day
    }
  }
  once('active', (d) => d.session)
  once('guest', (d) => d.guest)
  once('fast', (d) => d.fast)
  if (facts.hasContact) once('captured', (d) => d.guest)

  const transferDays = facts.days.filter((d) => d.transfers > 0).map((d) => d.day)
  let prevRag = NO_DAY_BEFORE
  for (const day of facts.days) {
    if (day.transfers > 0) add('transfers', day.day, NO_DAY_BEFORE, NO_DAY_BEFORE, NO_DAY_AFTER, day.transfers)
    if (!day.rag) continue
    const prevTransfer = transferDays.filter((d) => d <= day.day).at(-1) ?? NO_DAY_BEFORE
    const nextTransfer = transferDays.find((d) => d > day.day) ?? NO_DAY_AFTER
    add('faq', day.day, prevRag, prevTransfer, nextTransfer)
    prevRag = day.day
  }

  if (facts.lead) {
    add('leads', facts.lead.day)
    if (facts.lead.converted) add('converted', facts.lead.day)
  }
  return rows
}
