import type { Channel, Direction } from '../domain/channels.js'
import { summarize, type SummarizedMessage, type SummaryDelta } from '../domain/conversation-summary.js'
import type { IdentityKind } from '../domain/identity.js'
import type { ConversationKind, Persona } from '../domain/insight/profile.js'
import type { MessageContent } from '../domain/message-content.js'
import { activeSince, type ConversationStatus } from '../domain/session-window.js'
import type { ConversationState } from '../domain/conversation-state.js'
import { senderKind, type SenderKind } from '../domain/message-sender.js'
import { foldForSearch, searchForms } from '../domain/search-folding.js'
import type { Db } from './open.js'
import { guestSearchGramsWriter, shortQueryLookup } from './guest-search-grams.js'
import type { QueryWorker } from './query-worker.js'
import { statementCache } from './statement-cache.js'
import type { IntentReason } from '../domain/insight/profile.js'

export interface Conversation {
  rowid: number
  id: string
  propertyId: string
  channel: Channel
  channelAccountId: string | null
  identity: { kind: IdentityKind; value: string } | null
  guestId: string | null
  guestName: string | null
  createdAt: number
  lastMessageAt: number
  lastMessagePreview: string
  lastMessageDirection: Direction | null
  /** Who wrote the last message (the list's "You:", "Anna:", "AI:"); notes never count. */
  lastMessageBy: { kind: SenderKind; agent: { id: string; name: string } | null } | null
  lastGuestMessageAt: number | null
  unreadCount: number
  messageCount: number
  lead: { id: string; status: string; createdAt: number } | null
  /** The channel account (text-call "onsite account") it came through. */
  channelAccount: { id: string; name: string } | null
  /** The onsite contact behind it, for conversations of a channel account. */
  onsiteContact: { id: string; sn: string | null } | null
  /** The outlet (department) a guest-app conversation is addressed to. */
  outlet: { id: string; code: string; name: string } | null
  orderCode: string | null
  assignedAgentId: string | null
  queueState: QueueState | null
  /** ai: the AI agent answers; human: staff do. */
  mode: ConversationMode
  kind: ConversationKind | null
  persona: Persona | null
  insight: ConversationInsight | null
  /** The language the guest writes, as the AI agent detected it (e.g. 'de'); null until known. */
  language: string | null
  /** open, snoozed or resolved (domain/conversation-state.ts). */
  state: ConversationState
  /** While snoozed: when the snooze ends (ms); null: until the guest writes. */
  snoozedUntil: number | null
  /** The earliest guest message nobody has answered yet (ms); null when nobody waits. */
  waitingSince: number | null
}

export type { ConversationKind }

/** What the guest's words tell, kept up to date message by message (services/insight.ts). */
export interface ConversationInsight {
  /** The last guest message read (messages.rowid). */
  readUpTo: number
  kind: ConversationKind | null
  /** `mentions`: the words that tell it (insights read before it have only `evidence`). */
  persona: { tag: Persona; evidence: string; mentions?: string[] } | null
  /** `code`: why, for the inbox to word (insights read before it have only `reason`). */
  intent: { level: 'high' | 'medium' | 'low'; reason: string; code?: IntentReason }
  dates: { text: string; start: string; end: string | null }[]
  captured: { emails: string[]; phones: string[]; name: string | null }
  /** Evidence gathered so far, so each new message is read once. */
  cues: { bookingIntent: boolean; details: boolean; personaTexts: string[] }
}

export type ConversationMode = 'ai' | 'human'

export type QueueState = 'queued' | 'manual'

/** Where a new conversation comes from, beyond its guest identity. */
export interface ConversationSource {
  channelAccountId?: string | null
  outletId?: string | null
  orderCode?: string | null
}

export interface NewConversation extends ConversationSource {
  id: string
  propertyId: string
  channel: Channel
  /** null: none yet (sync sets it once the conversation it merges with is gone). */
  identityRowid: number | null
  guestId: string | null
  createdAt: number
}

/** What another desk sets on a conversation (sync); its summary, unread count and source are this desk's own. */
export interface SyncedConversationFields {
  guestId: string | null
  mode: ConversationMode
  queueState: QueueState | null
  assignedAgentId: string | null
  kind: ConversationKind | null
  persona: Persona | null
  insight: ConversationInsight | null
  orderCode: string | null
  state: ConversationState
  snoozedUntil: number | null
  /** The language the guest writes; null from a desk that did not say (the row keeps its own). */
  language: string | null
}

/** The inbox's views of the list: needs_reply (open, a guest waiting), by state, or all. */
export const CONVERSATION_VIEWS = ['needs_reply', 'open', 'snoozed', 'resolved', 'all'] as const
export type ConversationView = (typeof CONVERSATION_VIEWS)[number]

/** How many conversations each view holds. */
export type ViewCounts = Record<ConversationView, number>

export interface ConversationFilter {
  propertyId?: string
  channel?: Channel
  status?: ConversationStatus
  /** Last activity at or after, in ms. */
  from?: number
  /** Last activity before, in ms. */
  to?: number
  /** Words of the guest's name, phone or email. */
  query?: string
  /** Only conversations with a captured lead. */
  lead?: boolean
  /** Only guest-app conversations addressed to this outlet (department). */
  outletId?: string
  /** Only conversations assigned to this agent. */
  assignedAgentId?: string
  /** Only conversations of this type (booking, lead, faq, mixed). */
  kind?: ConversationKind
  /** Only conversations whose guest writes this language. */
  language?: string
  /** Only conversations waiting in the transfer queue. */
  queued?: boolean
  /** Only conversations with unread guest messages (or marked unread). */
  unread?: boolean
  /** Which view (default all): needs_reply lists the oldest waiting first, the others the newest activity first. */
  view?: ConversationView
  /** Keyset position: rows strictly older than this (last activity, id). */
  before?: { lastMessageAt: number; id: string }
  /** Keyset position of needs_reply: rows waiting strictly after this (waiting since, id). */
  afterWaiting?: { waitingSince: number; id: string }
  /** Only conversations with a message matching these words (FTS5 over message text). */
  text?: string
  limit: number
  now: number
}

interface ConversationRow {
  rowid: number
  id: string
  property_id: string
  channel: Channel
  channel_account_id: string | null
  guest_id: string | null
  created_at: number
  last_message_at: number
  last_message_preview: string
  last_message_direction: Direction | null
  last_message_agent_id: string | null
  last_message_agent_name: string | null
  last_message_author: 'bot' | null
  last_guest_message_at: number | null
  unread_count: number
  message_count: number
  identity_kind: IdentityKind | null
  identity_value: string | null
  first_name: string | null
  last_name: string | null
  lead_id: string | null
  lead_status: string | null
  lead_created_at: number | null
  channel_account_name: string | null
  onsite_contact_id: string | null
  onsite_contact_sn: string | null
  outlet_id: string | null
  outlet_code: string | null
  outlet_name: string | null
  order_code: string | null
  assigned_agent_id: string | null
  queue_state: QueueState | null
  mode: ConversationMode
  kind: ConversationKind | null
  persona: Persona | null
  insight: string | null
  language: string | null
  state: ConversationState
  snoozed_until: number | null
  waiting_since: number | null
}

const SELECT_VIEW = `
  SELECT c.rowid, c.id, c.property_id, c.channel, c.channel_account_id, c.guest_id, c.created_at,
         c.last_message_at, c.last_message_preview, c.last_message_direction, c.last_guest_message_at,
         c.unread_count, c.message_count, i.kind AS identity_kind, i.value AS identity_value,
         g.first_name, g.last_name, l.id AS lead_id, l.status AS lead_status, l.created_at AS lead_created_at,
         ca.name AS channel_account_name, oc.id AS onsite_contact_id, oc.sn AS onsite_contact_sn,
         c.outlet_id, o.code AS outlet_code, o.name AS outlet_name, c.order_code, c.assigned_agent_id, c.queue_state, c.mode, c.kind, c.persona, c.insight,
         c.language, c.state, c.snoozed_until, c.waiting_since,
         c.last_message_agent_id, c.last_message_author, la.name AS last_message_agent_name
  FROM conversations c
  LEFT JOIN guest_identities i ON i.rowid = c.identity_rowid
  LEFT JOIN guests g ON g.id = c.guest_id
  LEFT JOIN leads l ON l.conversation_id = c.id
  LEFT JOIN channel_accounts ca ON ca.id = c.channel_account_id
  LEFT JOIN onsite_contacts oc ON oc.identity_rowid = c.identity_rowid
  LEFT JOIN outlets o ON o.id = c.outlet_id
  LEFT JOIN agents la ON la.id = c.last_message_agent_id`

function toConversation(row: ConversationRow): Conversation {
  return {
    rowid: row.rowid,
    id: row.id,
    propertyId: row.property_id,
    channel: row.channel,
    channelAccountId: row.channel_account_id,
    identity: row.identity_kind && row.identity_value ? { kind: row.identity_kind, value: row.identity_value } : null,
    guestId: row.guest_id,
    guestName: fullName(row.first_name, row.last_name),
    createdAt: row.created_at,
    lastMessageAt: row.last_message_at,
    lastMessagePreview: row.last_message_preview,
    lastMessageDirection: row.last_message_direction,
    lastMessageBy: lastMessageBy(row),
    lastGuestMessageAt: row.last_guest_message_at,
    unreadCount: row.unread_count,
    messageCount: row.message_count,
    lead:
      row.lead_id && row.lead_status !== null && row.lead_created_at !== null
        ? { id: row.lead_id, status: row.lead_status, createdAt: row.lead_created_at }
        : null,
    channelAccount: row.channel_account_id && row.channel_account_name !== null ? { id: row.channel_account_id, name: row.channel_account_name } : null,
    onsiteContact: row.onsite_contact_id ? { id: row.onsite_contact_id, sn: row.onsite_contact_sn } : null,
    outlet: row.outlet_id && row.outlet_code !== null && row.outlet_name !== null ? { id: row.outlet_id, code: row.outlet_code, name: row.outlet_name } : null,
    orderCode: row.order_code,
    assignedAgentId: row.assigned_agent_id,
    queueState: row.queue_state,
    mode: row.mode,
    kind: row.kind,
    persona: row.persona,
    insight: row.insight === null ? null : (JSON.parse(row.insight) as ConversationInsight),
    language: row.language,
    state: row.state,
    snoozedUntil: row.snoozed_until,
    waitingSince: row.waiting_since,
  }
}

function lastMessageBy(row: ConversationRow): Conversation['lastMessageBy'] {
  if (row.last_message_direction === null) return null
  const agent = row.last_message_agent_id ? { id: row.last_message_agent_id, name: row.last_message_agent_name ?? '' } : null
  return { kind: senderKind({ direction: row.last_message_direction, author: row.last_message_author, senderAgent: agent }), agent }
}

export function fullName(firstName: string | null, lastName: string | null): string | null {
  const name = [firstName, lastName].filter(Boolean).join(' ').trim()
  return name === '' ? null : name
}

/** Whom a conversation's search text describes: the guest's name and the identity it comes from. */
export interface SearchSubject {
  name: string | null
  identity: { kind: IdentityKind; value: string } | null
}

/**
 * The text the list's query matches, folded (domain/search-folding.ts): the name (also with umlauts
 * spelled out), the conversation's identity and every other phone and email of the guest's profile,
 * and each phone's bare digits.
 */
export function guestSearchText(
  name: string | null,
  identity: { kind: IdentityKind; value: string } | null,
  profileContacts: readonly { kind: IdentityKind; value: string }[] = [],
): string {
  const parts = name ? searchForms(name) : []
  for (const contact of identity ? [identity, ...profileContacts] : profileContacts) {
    if (contact.kind !== 'phone' && contact.kind !== 'email') {
      if (contact === identity) parts.push(foldForSearch(contact.value))
      continue
    }
    parts.push(foldForSearch(contact.value))
    if (contact.kind === 'phone') parts.push(contact.value.replace(/\D/g, ''))
  }
  return [...new Set(parts.filter(Boolean))].join(' ')
}

/** How many of the newest matching messages a message-text search looks at. */
export const TEXT_SEARCH_DEPTH = 5000

/** An FTS5 query for message text: every word must appear, each also as the start of a longer word. */
export function messageSearchQuery(input: string): string | undefined {
  const words = input
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8)
  return words.length ? words.map((word) => `"${word}"*`).join(' ') : undefined
}

/** An FTS5 trigram query: each term as a quoted phrase; phone-like input matched by its digits. */
export function guestSearchQuery(input: string): string | undefined {
  const trimmed = foldForSearch(input.trim())
  const looksLikePhone = /^[+\d][\d\s()./-]*$/.test(trimmed)
  const terms = looksLikePhone ? [trimmed.replace(/\D/g, '')] : trimmed.split(/\s+/)
  const usable = terms.filter((term) => term.length >= 3)
  if (usable.length === 0) return undefined
  return usable.map((term) => `"${term.replaceAll('"', '""')}"`).join(' AND ')
}

/** What the store knows about the data that picks a faster plan (never changes which rows match). */
export interface QueryPlanHints {
  /** Which of a short query's substrings selects its candidates, and whether it is common (see commonMatchesFrom). */
  shortGram?: { gram: string; common: boolean }
  /** Whether a trigram query is common (see commonMatchesFrom): a phone prefix most numbers hold, say. */
  commonMatch?: boolean
}

/**
 * From how many matches a guest query walks the activity order (probing each conversation) instead
 * of seeking its matches and sorting them. A walk probes about page × conversations / matches rows,
 * a seek reads every match: they cost about the same at √(page × conversations). Measured on 100 k
 * conversations (page 50, even point 2,236): a letter in 1,225 of them walked 45 ms and seeks 2 ms; one
 * in 7,639 seeks 20 ms and walks 3 ms.
 */
export function commonMatchesFrom(conversations: number, page: number): number {
  return Math.max(50, Math.round(Math.sqrt(Math.max(1, conversations) * Math.max(1, page))))
}

/** The list query for a filter: keyset-paged, newest activity first, on the activity indexes. */
export function listConversationsQuery(filter: ConversationFilter, plan: QueryPlanHints = {}): { sql: string; params: Record<string, unknown> } {
  const { where, params } = conversationConditions(filter, plan)
  params.limit = filter.limit
  const order = filter.view === 'needs_reply' ? 'ORDER BY c.waiting_since, c.id LIMIT @limit' : 'ORDER BY c.last_message_at DESC, c.id DESC LIMIT @limit'
  const index = viewIndex(filter)
  const from = index ? `FROM conversations c INDEXED BY ${index}` : 'FROM conversations c'
  const select = index ? SELECT_VIEW.replace('FROM conversations c', from) : SELECT_VIEW
  if (plan.shortGram && !plan.shortGram.common) {
    // A rare gram's matches sorted first, on the conversations alone: only the page's rows are joined.
    const page = `SELECT c.rowid ${from} WHERE ${where.join(' AND ')} ${order}`
    return { sql: `${SELECT_VIEW} WHERE c.rowid IN (${page}) ${order}`, params }
  }
  const sql = `${select}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    ${order}`
  return { sql, params }
}

/** The WHERE conditions (on `c`, the conversations) of a filter, with their parameters. */
export function conversationConditions(
  filter: Omit<ConversationFilter, 'limit'>,
  plan: QueryPlanHints = {},
): { where: string[]; params: Record<string, unknown> } {
  const where: string[] = []
  const params: Record<string, unknown> = {}
  if (filter.propertyId !== undefined) {
    where.push('c.property_id = @propertyId')
    params.propertyId = filter.propertyId
  }
  if (filter.channel !== undefined) {
    where.push('c.channel = @channel')
    params.channel = filter.channel
  }
  if (filter.kind !== undefined) {
    where.push('c.kind = @kind')
    params.kind = filter.kind
  }
  if (filter.language !== undefined) {
    where.push('c.language = @language')
    params.language = filter.language
  }
  if (filter.assignedAgentId !== undefined) {
    where.push('c.assigned_agent_id = @assignedAgentId')
    params.assignedAgentId = filter.assignedAgentId
  }
  if (filter.queued) where.push("c.queue_state = 'queued'")
  // As the partial index conversations_unread (migration 0240) states it, so the few unread are read from it.
  if (filter.unread) where.push('c.unread_count > 0')
  if (filter.outletId !== undefined) {
    where.push('c.outlet_id = @outletId')
    params.outletId = filter.outletId
  }
  if (filter.status === 'active') {
    // The second bound is implied by the first (activity >= guest activity) and lets the
    // activity index stop early.
    where.push('c.last_guest_message_at > @activeSince', 'c.last_message_at > @activeSince')
    params.activeSince = activeSince(filter.now)
  } else if (filter.status === 'expired') {
    where.push('(c.last_guest_message_at IS NULL OR c.last_guest_message_at <= @activeSince)')
    params.activeSince = activeSince(filter.now)
  }
  if (filter.from !== undefined) {
    where.push('c.last_message_at >= @from')
    params.from = filter.from
  }
  if (filter.to !== undefined) {
    where.push('c.last_message_at < @to')
    params.to = filter.to
  }
  if (filter.query !== undefined) {
    const match = guestSearchQuery(filter.query)
    if (match) {
      // A common one walks the activity order (the `+` keeps the planner off the match list) and
      // probes the matches, stopping at a page; a rarer one sorts its few matches.
      where.push(`${plan.commonMatch ? '+' : ''}c.rowid IN (SELECT rowid FROM conversation_search WHERE conversation_search MATCH @match)`)
      params.match = match
    } else {
      // Too short for trigrams: a substring of the search text, found through its 1- and 2-character index.
      const substring = foldForSearch(filter.query.trim())
      const lookup = shortQueryLookup(substring)
      if (!lookup) {
        where.push("c.rowid IN (SELECT rowid FROM conversation_search WHERE guest_text LIKE '%')")
      } else {
        // A common substring: walk the activity order and probe (the page fills early); a rarer one: seek its matches.
        where.push(
          plan.shortGram?.common
            ? 'EXISTS (SELECT 1 FROM conversation_search_grams sg WHERE sg.gram = @gram AND sg.conversation_rowid = c.rowid)'
            : 'c.rowid IN (SELECT conversation_rowid FROM conversation_search_grams WHERE gram = @gram)',
        )
        params.gram = plan.shortGram?.gram ?? lookup.grams[0]
        if (lookup.like) {
          where.push("EXISTS (SELECT 1 FROM conversation_search s WHERE s.rowid = c.rowid AND s.guest_text LIKE @like ESCAPE '\\')")
          params.like = lookup.like
        }
      }
    }
  }
  if (filter.lead !== undefined) {
    where.push(`${filter.lead ? '' : 'NOT '}EXISTS (SELECT 1 FROM leads WHERE leads.conversation_id = c.id)`)
  }
  if (filter.text !== undefined) {
    // The conversations of the newest matching messages (FTS5 walks its index newest first and
    // stops early), so a common word costs no more than a rare one.
    // Internal notes are indexed like every message (the index mirrors the table) but never found.
    where.push(`c.id IN (SELECT m.conversation_id FROM messages m WHERE m.internal = 0 AND m.rowid IN (
      SELECT rowid FROM message_search WHERE message_search MATCH @text ORDER BY rowid DESC LIMIT ${TEXT_SEARCH_DEPTH}))`)
    params.text = messageSearchQuery(filter.text) ?? '""'
  }
  if (filter.view !== undefined && filter.view !== 'all') where.push(VIEW_CONDITIONS[filter.view])
  if (filter.before) {
    where.push('(c.last_message_at, c.id) < (@beforeAt, @beforeId)')
    params.beforeAt = filter.before.lastMessageAt
    params.beforeId = filter.before.id
  }
  if (filter.afterWaiting) {
    where.push('(c.waiting_since, c.id) > (@afterWaitingAt, @afterWaitingId)')
    params.afterWaitingAt = filter.afterWaiting.waitingSince
    params.afterWaitingId = filter.afterWaiting.id
  }
  return { where, params }
}

/**
 * Whether the message aliased `m` (outbound) answers the guest, as domain/conversation-state.ts's
 * answersGuest: any staff or integration reply and the AI agent's answers (which name the tools they
 * used); not its handover notice (which names none).
 */
const ANSWERS_GUEST_SQL = (m: string): string => `NOT (${m}.author IS 'bot' AND coalesce(json_array_length(${m}.meta, '$.tools'), 0) = 0)`

/** Each view's condition on `c`, as its partial index (migration 0210) states it. */
const VIEW_CONDITIONS: Record<Exclude<ConversationView, 'all'>, string> = {
  needs_reply: "c.state = 'open' AND c.waiting_since IS NOT NULL",
  open: "c.state = 'open'",
  snoozed: "c.state = 'snoozed'",
  resolved: "c.state = 'resolved'",
}

/** Each view's partial index (migrations 0210, 0220). */
const VIEW_INDEXES: Record<Exclude<ConversationView, 'all'>, string> = {
  needs_reply: 'conversations_needs_reply',
  open: 'conversations_open',
  snoozed: 'conversations_snoozed',
  resolved: 'conversations_resolved',
}

/**
 * The partial index a view is read from, whatever else filters it: a view's conversations are never
 * found by walking every conversation's activity (most are resolved on a desk after a year, most
 * open on a fresh one). Not for a search or the unread only, whose own indexes find their few first.
 */
function viewIndex(filter: Pick<ConversationFilter, 'view' | 'query' | 'text' | 'unread'>): string | undefined {
  if (filter.view === undefined || filter.view === 'all') return undefined
  if (filter.query !== undefined || filter.text !== undefined || filter.unread)
    return filter.view === 'needs_reply' || filter.view === 'snoozed' ? VIEW_INDEXES[filter.view] : undefined
  return VIEW_INDEXES[filter.view]
}

/**
 * Where the views' counts stop: a count of VIEW_COUNT_LIMIT means that many or more (the inbox shows
 * "999+"). Counting every conversation of a big desk on each list load would cost it more than the
 * list itself; counting up to the limit reads at most that many index entries a view.
 */
export const VIEW_COUNT_LIMIT = 1000

/** How many conversations of a filter each view holds (up to VIEW_COUNT_LIMIT), in one statement, each view on its partial index. */
export function viewCountsQuery(
  filter: Omit<ConversationFilter, 'limit' | 'view' | 'before' | 'afterWaiting'>,
  plan: QueryPlanHints = {},
): { sql: string; params: Record<string, unknown> } {
  const { where, params } = conversationConditions(filter, plan)
  const count = (view: ConversationView) => {
    const index = viewIndex({ ...filter, view })
    const all = view === 'all' ? where : [...where, VIEW_CONDITIONS[view]]
    return `(SELECT count(*) FROM (SELECT 1 FROM conversations c${index ? ` INDEXED BY ${index}` : ''}${all.length ? ` WHERE ${all.join(' AND ')}` : ''} LIMIT ${VIEW_COUNT_LIMIT}))`
  }
  const sql = `SELECT ${CONVERSATION_VIEWS.map((view) => `${count(view)} AS "${view}"`).join(', ')}`
  return { sql, params }
}

/**
 * waiting_since made again from the conversation's messages: the earliest guest message after the
 * latest answer (domain/conversation-state.ts's waitingSince). Both walk the conversation's time index
 * from an end and stop at the first match, so a long history costs no more than its unanswered tail.
 */
export const REFRESH_WAITING_SQL = `UPDATE conversations SET waiting_since = (
    SELECT m.created_at FROM messages m
    WHERE m.conversation_id = @id AND m.direction = 'in' AND m.created_at > coalesce((
      SELECT a.created_at FROM messages a
      WHERE a.conversation_id = @id AND a.direction = 'out' AND a.internal = 0 AND ${ANSWERS_GUEST_SQL('a')}
      ORDER BY a.created_at DESC LIMIT 1), -1)
    ORDER BY m.created_at LIMIT 1)
  WHERE id = @id`

/** The snoozes with a time that have ended by @now, on the partial index of snoozed conversations. */
export const DUE_SNOOZES_SQL = `SELECT c.id FROM conversations c WHERE c.state = 'snoozed' AND c.snoozed_until <= @now ORDER BY c.snoozed_until`

/** The ingest's lookup of a guest's conversation on one property and channel. */
export const FIND_BY_IDENTITY_SQL = 'SELECT id, rowid FROM conversations WHERE property_id = ? AND channel = ? AND identity_rowid = ?'
/** A reservation's link of every conversation of one phone or email to the guest profile. */
export const LINK_BY_IDENTITY_SQL = 'UPDATE conversations SET guest_id = ? WHERE identity_rowid = ? AND guest_id IS NULL RETURNING id'

export function conversationsRepository(db: Db, queryWorker?: QueryWorker) {
  const prepared = statementCache(db)
  const findByIdentity = db.prepare(FIND_BY_IDENTITY_SQL)
  const insert = db.prepare(`
    INSERT INTO conversations (id, property_id, channel, identity_rowid, guest_id, created_at, last_message_at,
                               channel_account_id, outlet_id, order_code)
    VALUES (@id, @propertyId, @channel, @identityRowid, @guestId, @createdAt, @createdAt, @channelAccountId, @outletId, @orderCode)
    RETURNING rowid`)
  const setRouting = db.prepare('UPDATE conversations SET queue_state = @queueState, assigned_agent_id = @assignedAgentId WHERE id = @id')
  const setMode = db.prepare('UPDATE conversations SET mode = ? WHERE id = ?')
  const setLanguage = db.prepare('UPDATE conversations SET language = ? WHERE id = ?')
  const languageOf = db.prepare('SELECT language FROM conversations WHERE id = ?').pluck()
  const setInsight = db.prepare('UPDATE conversations SET kind = @kind, persona = @persona, insight = @insight WHERE id = @id')
  const setGuest = db.prepare('UPDATE conversations SET guest_id = ? WHERE id = ?')
  const queuedUnassigned = db.prepare(`${SELECT_VIEW} WHERE c.queue_state = 'queued' AND c.assigned_agent_id IS NULL ORDER BY c.last_message_at`)
  // The latest message gives the preview: the later one; on the same millisecond the greater preview,
  // then direction — as domain/conversation-summary.ts's isLatestMessage, so every desk agrees.
  const LATEST = `(@lastMessageAt > last_message_at OR (@lastMessageAt = last_message_at AND (last_message_preview IS NULL
    OR @preview > last_message_preview OR (@preview = last_message_preview AND @direction >= coalesce(last_message_direction, '')))))`
  const applySummary = db.prepare(`
    UPDATE conversations SET
      last_message_preview = CASE WHEN ${LATEST} THEN @preview ELSE last_message_preview END,
      last_message_direction = CASE WHEN ${LATEST} THEN @direction ELSE last_message_direction END,
      last_message_agent_id = CASE WHEN ${LATEST} THEN @agentId ELSE last_message_agent_id END,
      last_message_author = CASE WHEN ${LATEST} THEN @author ELSE last_message_author END,
      last_message_at = max(last_message_at, @lastMessageAt),
      last_guest_message_at = CASE WHEN @lastGuestMessageAt IS NULL THEN last_guest_message_at
                                   ELSE max(coalesce(last_guest_message_at, 0), @lastGuestMessageAt) END,
      unread_count = unread_count + @unread,
      message_count = message_count + @messages
    WHERE id = @id`)
  const byId = db.prepare(`${SELECT_VIEW} WHERE c.id = ?`)
  const byGuest = db.prepare(`${SELECT_VIEW} WHERE c.guest_id = ? ORDER BY c.last_message_at DESC, c.id DESC`)
  const ofIdentityOnProperty = db.prepare(`${SELECT_VIEW}
    WHERE c.identity_rowid = ? AND c.property_id = ? ORDER BY c.last_message_at DESC, c.id DESC`)
  const sameIdentity = db.prepare(`${SELECT_VIEW}
    WHERE c.identity_rowid = (SELECT identity_rowid FROM conversations WHERE id = ?)
    ORDER BY c.last_message_at DESC, c.id DESC`)
  const linkByIdentity = db.prepare(LINK_BY_IDENTITY_SQL)
  const markRead = db.prepare('UPDATE conversations SET unread_count = 0 WHERE id = ? AND unread_count > 0')
  const markUnread = db.prepare('UPDATE conversations SET unread_count = 1 WHERE id = ? AND unread_count = 0')
  // A scan (≈ 20 ms at 100 k conversations): cheaper overall than one more index on the write path,
  // as only the desktop badge asks, at most once a second.
  const totalUnread = db.prepare('SELECT coalesce(sum(unread_count), 0) AS n FROM conversations WHERE unread_count > 0')
  const insertSearch = db.prepare('INSERT INTO conversation_search (rowid, guest_text) VALUES (?, ?)')
  const updateSearch = db.prepare('UPDATE conversation_search SET guest_text = ? WHERE rowid = ?')
  const storedSearchText = db.prepare('SELECT guest_text FROM conversation_search WHERE rowid = ?').pluck()
  const searchTextOf = db.prepare(
    'SELECT s.rowid, s.guest_text AS text FROM conversation_search s WHERE s.rowid = (SELECT rowid FROM conversations WHERE id = ?)',
  )
  const grams = guestSearchGramsWriter(db)
  const contactsOfProfile = db.prepare("SELECT kind, value FROM guest_identities WHERE guest_id = ? AND kind IN ('phone', 'email') ORDER BY rowid")
  const profileSearchText = (name: string | null, identity: SearchSubject['identity'], guestId: string | null): string =>
    guestSearchText(name, identity, guestId ? (contactsOfProfile.all(guestId) as { kind: IdentityKind; value: string }[]) : [])
  const deleteSearch = db.prepare('DELETE FROM conversation_search WHERE rowid = ?')
  const gramMatches = db.prepare('SELECT count(*) FROM (SELECT 1 FROM conversation_search_grams WHERE gram = ? LIMIT ?)').pluck()
  const trigramMatches = db.prepare('SELECT count(*) FROM (SELECT 1 FROM conversation_search WHERE conversation_search MATCH ? LIMIT ?)').pluck()
  // The store's size, for the plan of a guest query: the newest rowid (conversations are rarely deleted).
  const conversationsHeld = db.prepare('SELECT coalesce(max(rowid), 0) FROM conversations').pluck()
  const setSynced = db.prepare(`UPDATE conversations SET guest_id = @guestId, mode = @mode, queue_state = @queueState,
      assigned_agent_id = @assignedAgentId, kind = @kind, persona = @persona, insight = @insight, order_code = @orderCode,
      state = @state, snoozed_until = @snoozedUntil, language = coalesce(@language, language) WHERE id = @id`)
  const setState = db.prepare('UPDATE conversations SET state = @state, snoozed_until = @snoozedUntil WHERE id = @id')
  const stateOf = db.prepare('SELECT id, property_id AS propertyId, state, snoozed_until AS snoozedUntil FROM conversations WHERE id = ?')
  const refreshWaiting = db.prepare(REFRESH_WAITING_SQL)
  // Guest messages alone, none before the wait began, leave it as it is: the history is not walked.
  const refreshWaitingAfterGuest = db.prepare(`${REFRESH_WAITING_SQL} AND (waiting_since IS NULL OR waiting_since > @firstGuest)`)
  const dueSnoozes = db.prepare(DUE_SNOOZES_SQL).pluck()
  const nextSnoozeEnd = db.prepare("SELECT min(snoozed_until) FROM conversations WHERE state = 'snoozed' AND snoozed_until IS NOT NULL").pluck()
  const setIdentity = db.prepare('UPDATE conversations SET identity_rowid = ? WHERE id = ?')
  const messagesToSummarize = db.prepare(
    `SELECT direction, created_at AS createdAt, content, sender_agent_id AS senderAgentId, author FROM messages
     WHERE conversation_id = ? AND internal = 0 ORDER BY created_at, rowid`,
  )
  const setSummary = db.prepare(`UPDATE conversations SET message_count = @messages, last_message_at = coalesce(@lastMessageAt, created_at),
      last_guest_message_at = @lastGuestMessageAt, last_message_direction = @direction, last_message_preview = @preview,
      last_message_agent_id = @agentId, last_message_author = @author WHERE id = @id`)
  // What a conversation merged into another takes along (a lead or service record only where the other has none).
  const moveAlong = [
    'UPDATE messages SET conversation_id = @to WHERE conversation_id = @from',
    'UPDATE conversation_events SET conversation_id = @to WHERE conversation_id = @from',
    'UPDATE notifications SET conversation_id = @to WHERE conversation_id = @from',
    'UPDATE leads SET conversation_id = @to WHERE conversation_id = @from AND NOT EXISTS (SELECT 1 FROM leads WHERE conversation_id = @to)',
    'UPDATE service_records SET conversation_id = @to WHERE conversation_id = @from AND NOT EXISTS (SELECT 1 FROM service_records WHERE conversation_id = @to)',
    'DELETE FROM service_records WHERE conversation_id = @from',
    'DELETE FROM conversations WHERE id = @from',
  ].map((sql) => db.prepare(sql))

  /** The plan hints of a guest query: whether what it matches is common (counted up to where it is). */
  function planFor(query: string | undefined, page: number): QueryPlanHints {
    if (query === undefined) return {}
    const common = commonMatchesFrom(conversationsHeld.get() as number, page)
    const match = guestSearchQuery(query)
    if (match) return { commonMatch: (trigramMatches.get(match, common) as number) >= common }
    return { shortGram: rarestGram(query, common) }
  }

  /** The substring of a short query in the fewest conversations (each counted up to `common`). */
  function rarestGram(query: string, common: number): { gram: string; common: boolean } | undefined {
    const lookup = guestSearchQuery(query) ? undefined : shortQueryLookup(foldForSearch(query.trim()))
    if (!lookup) return undefined
    let rarest: { gram: string; matches: number } | undefined
    for (const gram of lookup.grams) {
      const matches = gramMatches.get(gram, common) as number
      if (!rarest || matches < rarest.matches) rarest = { gram, matches }
    }
    return { gram: rarest!.gram, common: rarest!.matches >= common }
  }

  /** The conversation's summary made again from its messages (its unread count stays). */
  function recount(id: string): void {
    const rows = messagesToSummarize.iterate(id) as IterableIterator<Omit<SummarizedMessage, 'content'> & { content: string }>
    const summary = summarize(
      (function* () {
        for (const row of rows) yield { ...row, content: JSON.parse(row.content) as MessageContent }
      })(),
    )
    setSummary.run({
      id,
      messages: summary?.messages ?? 0,
      lastMessageAt: summary?.lastMessageAt ?? null,
      lastGuestMessageAt: summary?.lastGuestMessageAt ?? null,
      direction: summary?.direction ?? null,
      preview: summary?.preview ?? '',
      agentId: summary?.agentId ?? null,
      author: summary?.author ?? null,
    })
    refreshWaiting.run({ id })
  }

  return {
    findByIdentity(propertyId: string, channel: Channel, identityRowid: number): { id: string; rowid: number } | undefined {
      return findByIdentity.get(propertyId, channel, identityRowid) as { id: string; rowid: number } | undefined
    },
    /** Stores a new conversation, searchable by its guest's name, its identity and its profile's contacts. */
    insert(conversation: NewConversation, guest: SearchSubject): number {
      const { rowid } = insert.get({ channelAccountId: null, outletId: null, orderCode: null, ...conversation }) as { rowid: number }
      const searchText = profileSearchText(guest.name, guest.identity, conversation.guestId)
      insertSearch.run(rowid, searchText)
      grams.insert(rowid, searchText)
      return rowid
    },
    /** Adds new messages' summary; whether a guest waits is made again from the messages. */
    applySummary(id: string, delta: SummaryDelta): void {
      const { firstGuestMessageAt, ...summary } = delta
      applySummary.run({ id, ...summary })
      if (summary.unread === summary.messages && firstGuestMessageAt !== null) refreshWaitingAfterGuest.run({ id, firstGuest: firstGuestMessageAt })
      else refreshWaiting.run({ id })
    },
    /** Sets open, snoozed (until a time, or null: until the guest writes) or resolved. */
    setState(id: string, state: { state: ConversationState; snoozedUntil: number | null }): void {
      setState.run({ id, ...state })
    },
    /** Where the conversation stands (open, snoozed, resolved), read without the view's joins. */
    stateOf(id: string): { id: string; propertyId: string; state: ConversationState; snoozedUntil: number | null } | undefined {
      return stateOf.get(id) as { id: string; propertyId: string; state: ConversationState; snoozedUntil: number | null } | undefined
    },
    /** Snoozed conversations whose time has come by `now`, the earliest first. */
    dueSnoozes(now: number): string[] {
      return dueSnoozes.all({ now }) as string[]
    },
    /** When the next snooze with a time ends; undefined when none does. */
    nextSnoozeEnd(): number | undefined {
      return (nextSnoozeEnd.get() as number | null) ?? undefined
    },
    /** How many conversations of the filter each view holds; with a message full-text search, read by the query worker (as `find`). */
    async viewCounts(filter: Omit<ConversationFilter, 'limit' | 'view' | 'before' | 'afterWaiting'>): Promise<ViewCounts> {
      const { sql, params } = viewCountsQuery(filter, planFor(filter.query, VIEW_COUNT_LIMIT))
      const rows = filter.text !== undefined && queryWorker ? await queryWorker.all<ViewCounts>(sql, params) : undefined
      return rows?.[0] ?? (prepared(sql).get(params) as ViewCounts)
    },
    recount,
    /** Writes what another desk set on a conversation (sync) to its row (made with `insert` first). */
    fromSync(id: string, fields: SyncedConversationFields): void {
      setSynced.run({ id, ...fields, insight: fields.insight === null ? null : JSON.stringify(fields.insight) })
    },
    setIdentity(id: string, identityRowid: number): void {
      setIdentity.run(identityRowid, id)
    },
    /**
     * Conversation `fromId` turned out to be `toId` (two desks started the guest's conversation on one
     * channel): its messages, events and notifications (and its lead and service record, where `toId`
     * has none) move over, `fromId` is deleted and `toId`'s summary made again.
     */
    mergeInto(fromId: string, toId: string): void {
      const search = searchTextOf.get(fromId) as { rowid: number; text: string } | undefined
      if (search) {
        grams.remove(search.rowid, search.text)
        deleteSearch.run(search.rowid)
      }
      for (const statement of moveAlong) statement.run({ from: fromId, to: toId })
      recount(toId)
    },
    get(id: string): Conversation | undefined {
      const row = byId.get(id) as ConversationRow | undefined
      return row && toConversation(row)
    },
    byGuest(guestId: string): Conversation[] {
      return (byGuest.all(guestId) as ConversationRow[]).map(toConversation)
    },
    /** A property's conversations with one identity (any channel), newest activity first. */
    ofIdentity(identityRowid: number, propertyId: string): Conversation[] {
      return (ofIdentityOnProperty.all(identityRowid, propertyId) as ConversationRow[]).map(toConversation)
    },
    /** Every conversation from the same phone or email as `id` (itself included), on any property or channel. */
    withSameIdentity(id: string): Conversation[] {
      return (sameIdentity.all(id) as ConversationRow[]).map(toConversation)
    },
    /** Gives every profile-less conversation of this identity to `guestId`; returns their ids. */
    linkIdentityConversations(identityRowid: number, guestId: string): string[] {
      return (linkByIdentity.all(guestId, identityRowid) as { id: string }[]).map((row) => row.id)
    },
    /** Puts the conversation in the transfer queue or leaves it for manual pickup, with its assignee. */
    setRouting(id: string, routing: { queueState: QueueState | null; assignedAgentId: string | null }): void {
      setRouting.run({ id, ...routing })
    },
    /** The language the conversation's guest writes, as services/guest-languages.ts told it from their latest message (null: not known). */
    languageOf(id: string): string | null {
      return (languageOf.get(id) as string | null | undefined) ?? null
    },
    setLanguage(id: string, language: string): void {
      setLanguage.run(language, id)
    },
    setMode(id: string, mode: ConversationMode): void {
      setMode.run(mode, id)
    },
    setInsight(id: string, insight: ConversationInsight): void {
      setInsight.run({ id, kind: insight.kind, persona: insight.persona?.tag ?? null, insight: JSON.stringify(insight) })
    },
    setGuest(id: string, guestId: string): void {
      setGuest.run(guestId, id)
    },
    /** Conversations waiting in the transfer queue for an agent, longest waiting first. */
    queuedUnassigned(): Conversation[] {
      return (queuedUnassigned.all() as ConversationRow[]).map(toConversation)
    },
    /** Sets the unread count to zero; false when it already was. */
    markRead(id: string): boolean {
      return markRead.run(id).changes === 1
    },
    /** Sets a read conversation's unread count to one ("mark as unread"); false when it was unread. */
    markUnread(id: string): boolean {
      return markUnread.run(id).changes === 1
    },
    /** Unread guest messages across every conversation. */
    totalUnread(): number {
      return (totalUnread.get() as { n: number }).n
    },
    /** Makes the conversation's search text again (its guest's name or profile contacts changed). */
    refreshSearchText(conversation: Conversation): void {
      const text = profileSearchText(conversation.guestName, conversation.identity, conversation.guestId)
      const before = storedSearchText.get(conversation.rowid) as string | undefined
      if (before === undefined || before === text) return
      updateSearch.run(text, conversation.rowid)
      grams.replace(conversation.rowid, before, text)
    },
    list(filter: ConversationFilter): Conversation[] {
      const { sql, params } = listConversationsQuery(filter, planFor(filter.query, filter.limit))
      return (prepared(sql).all(params) as ConversationRow[]).map(toConversation)
    },
    /**
     * The same list; a message full-text search (tens of ms on a big desk) is read by the query
     * worker, so the pushes and requests meanwhile are not kept waiting.
     */
    async find(filter: ConversationFilter): Promise<Conversation[]> {
      const { sql, params } = listConversationsQuery(filter, planFor(filter.query, filter.limit))
      const rows = filter.text !== undefined && queryWorker ? await queryWorker.all<ConversationRow>(sql, params) : undefined
      return (rows ?? (prepared(sql).all(params) as ConversationRow[])).map(toConversation)
    },
  }
}
