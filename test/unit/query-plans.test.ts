import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import {
  DUE_SNOOZES_SQL,
  FIND_BY_IDENTITY_SQL,
  LINK_BY_IDENTITY_SQL,
  REFRESH_WAITING_SQL,
  listConversationsQuery,
  viewCountsQuery,
  VIEW_COUNT_LIMIT,
  commonMatchesFrom,
  type ConversationFilter,
  type QueryPlanHints,
} from '../../local-api/db/conversations.js'
import { HISTORY_NEWEST_SQL, HISTORY_OLDER_SQL } from '../../local-api/db/messages.js'
import { openDatabaseFile } from '../../local-api/db/open.js'
import { tempDir } from '../support/test-app.js'

const dir = tempDir()
const db = openDatabaseFile(join(dir, 'plans.sqlite'))
after(() => {
  db.close()
  rmSync(dir, { recursive: true, force: true })
})

function plan(filter: Partial<ConversationFilter>, hints?: QueryPlanHints): string {
  const { sql, params } = listConversationsQuery({ limit: 50, now: Date.now(), ...filter }, hints)
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail).join('\n')
}

describe('the conversation list query', () => {
  const cases: [string, Partial<ConversationFilter>, RegExp][] = [
    ['walks the activity index when unfiltered', {}, /SCAN c USING INDEX conversations_by_activity/],
    ["seeks the property's activity index", { propertyId: 'prop_1' }, /SEARCH c USING INDEX conversations_by_property_activity \(property_id=\?\)/],
    ["seeks the channel's activity index", { channel: 'phone' }, /SEARCH c USING INDEX conversations_by_channel_activity \(channel=\?\)/],
    ['bounds the activity index for active conversations', { status: 'active' }, /conversations_by_activity \(last_message_at>\?\)/],
    ['bounds the activity index by a date range', { from: 1, to: 2 }, /conversations_by_activity \(last_message_at>\? AND last_message_at<\?\)/],
    ['seeks straight to the cursor position', { before: { lastMessageAt: 1, id: 'conv_x' } }, /conversations_by_activity \(\(last_message_at,id\)<\(\?,\?\)\)/],
    ['finds guests by name through the trigram index', { query: 'muster' }, /conversation_search VIRTUAL TABLE INDEX 0:M/],
    ["seeks the department's activity index", { outletId: 'out_1' }, /SEARCH c USING INDEX conversations_by_outlet_activity \(outlet_id=\?\)/],
  ]
  for (const [name, filter, expected] of cases) {
    it(name, () => {
      const detail = plan(filter)
      assert.match(detail, expected)
      if (filter.query === undefined) assert.doesNotMatch(detail, /TEMP B-TREE/, 'sorts without a temporary b-tree')
    })
  }
  it("names the last message's author by key, with no scan of the agents or the messages", () => {
    const detail = plan({})
    assert.match(detail, /SEARCH la USING INDEX sqlite_autoindex_agents_1 \(id=\?\)/)
    assert.doesNotMatch(detail, /SCAN la|messages/)
  })
  it('seeks the conversations with a rare 2-letter substring in the index of short substrings', () => {
    const detail = plan({ query: 'wu' }, { shortGram: { gram: 'wu', common: false } })
    assert.match(detail, /SEARCH conversation_search_grams USING PRIMARY KEY \(gram=\?\)/)
    assert.doesNotMatch(detail, /SCAN/)
  })
  it('walks the activity index for a name or number most conversations hold, probing the trigram matches', () => {
    const detail = plan({ query: '4179' }, { commonMatch: true })
    assert.match(detail, /SCAN c USING INDEX conversations_by_activity/)
    assert.match(detail, /conversation_search VIRTUAL TABLE INDEX 0:M/)
    assert.doesNotMatch(detail, /TEMP B-TREE/)
  })
  it('walks the activity index for a common substring, probing the index of short substrings', () => {
    const detail = plan({ query: 'e' }, { shortGram: { gram: 'e', common: true } })
    assert.match(detail, /SCAN c USING INDEX conversations_by_activity/)
    assert.match(detail, /SEARCH sg EXISTS USING PRIMARY KEY \(gram=\? AND conversation_rowid=\?\)/)
    assert.doesNotMatch(detail, /TEMP B-TREE/)
  })
})

describe('when a guest query walks the activity order instead of seeking its matches', () => {
  it('walks from about √(page × conversations) matches: earlier on a small desk, later on a big one', () => {
    assert.equal(commonMatchesFrom(100_000, 50), 2236)
    // A letter in 1,225 of 100,000 conversations: seeking its matches beats walking 80 rows for each one found.
    assert.ok(1225 < commonMatchesFrom(100_000, 50))
    assert.ok(7639 >= commonMatchesFrom(100_000, 50))
    assert.equal(commonMatchesFrom(1_000, 50), 224)
    assert.ok(commonMatchesFrom(100_000, VIEW_COUNT_LIMIT) > commonMatchesFrom(100_000, 50), 'counting up to 1000 reads more per view')
    assert.equal(commonMatchesFrom(0, 50), 50)
  })
})

describe("the inbox's views and their counts", () => {
  const explain = ({ sql, params }: { sql: string; params: object }) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail).join('\n')

  it('reads needs reply, oldest waiting first, from its partial index, seeking straight to the cursor position', () => {
    for (const filter of [{}, { propertyId: 'prop_1' }]) {
      const detail = plan({ view: 'needs_reply', afterWaiting: { waitingSince: 1, id: 'conv_x' }, ...filter })
      assert.match(detail, /SEARCH c USING INDEX conversations_needs_reply \(\(waiting_since,id\)>\(\?,\?\)\)/)
      assert.doesNotMatch(detail, /TEMP B-TREE/)
    }
  })
  it('reads the open and the resolved conversations each from its partial index, newest activity first, with or without a property', () => {
    for (const view of ['open', 'resolved'] as const) {
      for (const filter of [{}, { propertyId: 'prop_1' }, { channel: 'web_chat' as const }]) {
        const detail = plan({ view, ...filter })
        assert.match(detail, new RegExp(`SCAN c USING INDEX conversations_${view}`))
        assert.doesNotMatch(detail, /TEMP B-TREE/)
      }
    }
  })
  it('reads the snoozed conversations from their partial index, not by walking every conversation', () => {
    assert.match(plan({ view: 'snoozed', propertyId: 'prop_1' }), /SCAN c USING INDEX conversations_snoozed/)
  })
  it('reads the unread conversations from their partial index, newest activity first', () => {
    const detail = plan({ unread: true })
    assert.match(detail, /SCAN c USING INDEX conversations_unread/)
    assert.doesNotMatch(detail, /TEMP B-TREE/)
  })
  it('counts the unread ones of each view without walking every conversation', () => {
    const detail = explain(viewCountsQuery({ unread: true, now: Date.now() }))
    assert.match(detail, /conversations_unread/)
    assert.doesNotMatch(detail, /SCAN c USING (COVERING )?INDEX conversations_by_activity|^SCAN c$/m)
  })
  it('counts each view on its own index, stopping at the count limit', () => {
    const { sql } = viewCountsQuery({ propertyId: 'prop_1', now: Date.now() })
    assert.equal(sql.match(new RegExp(`LIMIT ${VIEW_COUNT_LIMIT}\\)`, 'g'))?.length, 5)
    const detail = explain(viewCountsQuery({ propertyId: 'prop_1', now: Date.now() }))
    assert.match(detail, /SEARCH c USING COVERING INDEX conversations_by_property_activity \(property_id=\?\)/)
    for (const index of ['open', 'resolved', 'snoozed', 'needs_reply'])
      assert.match(detail, new RegExp(`(SCAN|SEARCH) c USING INDEX conversations_${index}\\b`))
    assert.doesNotMatch(detail, /SCAN c USING INDEX conversations_by_activity|SCAN conversations\b(?! USING COVERING)/)
  })
  it('finds the snoozes that have ended on the partial index of snoozed conversations', () => {
    assert.match(explain({ sql: DUE_SNOOZES_SQL, params: { now: 1 } }), /SEARCH c USING INDEX conversations_snoozed \(snoozed_until<\?\)/)
  })
  it("derives since when a guest waits by seeking the conversation's messages from its latest answer", () => {
    const detail = explain({ sql: REFRESH_WAITING_SQL, params: { id: 'conv_1' } })
    assert.match(detail, /SEARCH m USING INDEX messages_by_conversation_time \(conversation_id=\? AND created_at>\?\)/)
    assert.match(detail, /SEARCH a USING INDEX messages_by_conversation_time \(conversation_id=\?\)/)
    assert.doesNotMatch(detail, /TEMP B-TREE/)
  })
})

describe('the message page query', () => {
  it("reads a conversation's messages in order from its index", () => {
    const detail = (
      db.prepare('EXPLAIN QUERY PLAN SELECT id FROM messages WHERE conversation_id = ? ORDER BY created_at, rowid LIMIT 20').all('conv_1') as {
        detail: string
      }[]
    )
      .map((row) => row.detail)
      .join('\n')
    assert.match(detail, /messages_by_conversation_time \(conversation_id=\?\)/)
    assert.doesNotMatch(detail, /TEMP B-TREE/)
  })

  const historyPlan = (sql: string, params: object) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map((row) => row.detail).join('\n')

  it("reads the chat's newest page backwards along the conversation's index, sender and delivery by key", () => {
    const detail = historyPlan(HISTORY_NEWEST_SQL, { conversationId: 'conv_1', limit: 50, includeNotes: 1 })
    assert.match(detail, /SEARCH m USING INDEX messages_by_conversation_time \(conversation_id=\?\)/)
    assert.match(detail, /SEARCH a USING INDEX sqlite_autoindex_agents_1 \(id=\?\)/)
    assert.match(detail, /SEARCH o USING INDEX sqlite_autoindex_outbox_1 \(message_id=\?\)/)
    assert.doesNotMatch(detail, /TEMP B-TREE|SCAN/)
  })

  it('seeks an older page straight from its cursor position', () => {
    const detail = historyPlan(HISTORY_OLDER_SQL, { conversationId: 'conv_1', limit: 50, createdAt: 1, rowid: 2, includeNotes: 1 })
    assert.match(detail, /SEARCH m USING INDEX messages_by_conversation_time \(conversation_id=\? AND created_at<\?\)/)
    assert.doesNotMatch(detail, /TEMP B-TREE|SCAN/)
  })
})

describe("the write path's lookups", () => {
  const planOf = (sql: string, ...params: unknown[]) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((row) => row.detail).join('\n')

  it("finds a guest's conversation on a property and channel through one index seek", () => {
    assert.match(planOf(FIND_BY_IDENTITY_SQL, 'prop_1', 'phone', 1), /conversations_by_identity \(identity_rowid=\? AND property_id=\? AND channel=\?\)/)
  })

  it("links a reservation's identity to its conversations without scanning them all", () => {
    assert.match(planOf(LINK_BY_IDENTITY_SQL, 'gst_1', 1), /SEARCH conversations USING INDEX conversations_by_identity \(identity_rowid=\?\)/)
  })
})
