import assert from 'node:assert/strict'
import { after, beforeEach, describe, it } from 'node:test'
import { rmSync } from 'node:fs'
import { openStore, type Store } from '../../local-api/db/store.js'
import type { Property } from '../../local-api/db/properties.js'
import { createEventBus, type DomainEvent } from '../../local-api/services/event-bus.js'
import { createIngest, type IncomingMessage, type Ingest } from '../../local-api/services/ingest.js'
import { createProperty } from '../../local-api/services/properties.js'
import { tempDir } from '../support/test-app.js'

const NOW = Date.parse('2026-03-01T12:00:00Z')
const dirs: string[] = []
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })))

let store: Store
let ingest: Ingest
let property: Property
let published: DomainEvent[]

beforeEach(() => {
  const dir = tempDir()
  dirs.push(dir)
  store = openStore(dir)
  const events = createEventBus()
  published = []
  events.subscribe((event) => published.push(event))
  ingest = createIngest(store, events, () => NOW)
  property = createProperty(store, { name: 'Hotel Alpenblick', defaultCountry: 'CH' }, NOW)
})

const message = (overrides: Partial<IncomingMessage> = {}): IncomingMessage => ({
  channel: 'web_chat',
  identity: { kind: 'phone', value: '+41791234567' },
  direction: 'in',
  content: { type: 'text', text: 'Hello' },
  createdAt: NOW - 60_000,
  ...overrides,
})

function accepted(batch: IncomingMessage[]) {
  const outcome = ingest.ingest(property, batch)
  assert.ok(outcome.ok, JSON.stringify(!outcome.ok && outcome.problems))
  return outcome.value
}

describe('ingest', () => {
  it('creates one conversation per property, channel and guest identity, however the number is written', () => {
    const results = accepted([
      message({ identity: { kind: 'phone', value: '+41 79 123 45 67' } }),
      message({ identity: { kind: 'phone', value: '079 123 45 67' } }),
      message({ identity: { kind: 'phone', value: '0041791234567' } }),
      message({ channel: 'phone' }),
      message({ identity: { kind: 'email', value: 'Anna@Example.com' } }),
    ])
    const ids = results.map((r) => r.conversationId)
    assert.equal(new Set(ids.slice(0, 3)).size, 1)
    assert.notEqual(ids[3], ids[0])
    assert.notEqual(ids[4], ids[0])
    assert.equal(store.conversations.get(ids[0]!)?.identity?.value, '+41791234567')
    assert.equal(store.conversations.get(ids[4]!)?.identity?.value, 'anna@example.com')
  })

  it('orders messages by their creation time, not by arrival', () => {
    const [late] = accepted([message({ createdAt: NOW - 1_000, content: { type: 'text', text: 'third' } })])
    accepted([message({ createdAt: NOW - 3_000, content: { type: 'text', text: 'first' } })])
    accepted([message({ createdAt: NOW - 2_000, content: { type: 'text', text: 'second' } })])
    const texts = store.messages.pageOldestFirst(late!.conversationId, 10, 0).map((m) => m.content.type === 'text' && m.content.text)
    assert.deepEqual(texts, ['first', 'second', 'third'])
  })

  it('keeps the summary on the latest message even when an older one arrives later', () => {
    const [first] = accepted([message({ createdAt: NOW - 1_000, content: { type: 'text', text: 'latest' } })])
    accepted([message({ createdAt: NOW - 50_000, direction: 'out', content: { type: 'text', text: 'older reply' } })])
    const conversation = store.conversations.get(first!.conversationId)!
    assert.equal(conversation.lastMessagePreview, 'latest')
    assert.equal(conversation.lastMessageAt, NOW - 1_000)
    assert.equal(conversation.lastMessageDirection, 'in')
    assert.equal(conversation.messageCount, 2)
  })

  it('counts unread and the last guest message from guest messages only', () => {
    const [first] = accepted([
      message({ createdAt: NOW - 3_000 }),
      message({ createdAt: NOW - 2_000 }),
      message({ createdAt: NOW - 1_000, direction: 'out', content: { type: 'text', text: 'We have a room for you' } }),
    ])
    const conversation = store.conversations.get(first!.conversationId)!
    assert.equal(conversation.unreadCount, 2)
    assert.equal(conversation.lastGuestMessageAt, NOW - 2_000)
    assert.equal(conversation.lastMessagePreview, 'We have a room for you')
  })

  it('stores a message with a known externalId once and returns the original ids', () => {
    const [original] = accepted([message({ externalId: 'ivr-42' })])
    const [retry, fresh] = accepted([message({ externalId: 'ivr-42' }), message({ externalId: 'ivr-43' })])
    assert.deepEqual(retry, { ...original, created: false })
    assert.equal(fresh!.created, true)
    assert.equal(store.messages.count(original!.conversationId), 2)
    assert.equal(store.conversations.get(original!.conversationId)!.messageCount, 2)
  })

  it('rejects a whole batch for one bad item, naming it, and stores nothing', () => {
    const outcome = ingest.ingest(property, [
      message(),
      message({ identity: { kind: 'phone', value: 'not a number' } }),
      message({ identity: { kind: 'email', value: 'nobody@' } }),
      message({ createdAt: NOW + 3 * 24 * 3600_000 }),
    ])
    assert.equal(outcome.ok, false)
    assert.deepEqual(!outcome.ok && outcome.problems.map((p) => [p.index, p.field]), [
      [1, 'identity'],
      [2, 'identity'],
      [3, 'createdAt'],
    ])
    assert.equal(store.conversations.list({ limit: 10, now: NOW }).length, 0)
    assert.equal(store.changeLog.readAfter(0).filter((c) => c.entity !== 'property' && c.entity !== 'outlet').length, 0)
    assert.equal(published.length, 0)
  })

  it('appends every change to the change log in the same transaction', () => {
    const [result] = accepted([message()])
    const entries = store.changeLog.readAfter(0).filter((c) => c.entity !== 'property' && c.entity !== 'outlet')
    assert.deepEqual(
      entries.map((e) => [e.entity, e.op]),
      [
        ['guest_identity', 'insert'],
        ['conversation', 'insert'],
        ['message', 'insert'],
        ['conversation', 'update'],
      ],
    )
    assert.equal(entries[2]!.entityId, result!.messageId)
    // A message never changes and a summary derives from messages: their rows are the payload.
    assert.equal(entries[2]!.fields, null)
    assert.equal(entries[3]!.entityId, result!.conversationId)
    assert.equal(entries[3]!.fields, null)
    assert.equal(entries[1]!.fields?.channel, 'web_chat')
  })

  it('publishes events only after the commit, with the stored ids', () => {
    let seenInStore = false
    const events = createEventBus()
    events.subscribe((event) => {
      if (event.type === 'message.created') seenInStore = store.messages.get(event.messageId) !== undefined
    })
    const [result] = createIngest(store, events, () => NOW).ingest(property, [message()]).ok ? [true] : [false]
    assert.ok(result)
    assert.ok(seenInStore)
    accepted([message({ identity: { kind: 'email', value: 'new@example.com' } })])
    assert.deepEqual(
      published.map((e) => e.type),
      ['conversation.created', 'message.created', 'conversation.updated'],
    )
  })

  it('writes the batches submitted at one turn of the event loop in one commit, answering each after it', async () => {
    let commits = 0
    const transaction = store.transaction
    store.transaction = (work) => {
      commits++
      return transaction(work)
    }
    const first = ingest.submit(property, [message({ externalId: 'a-1' })])
    const second = ingest.submit(property, [message({ identity: { kind: 'email', value: 'b@example.com' }, externalId: 'b-1' })])
    assert.equal(store.messages.byExternalId(property.id, 'a-1'), undefined, 'nothing is written before the turn ends')
    const [a, b] = await Promise.all([first, second])
    assert.ok(a.ok && b.ok)
    assert.equal(commits, 1)
    assert.equal(store.messages.byExternalId(property.id, 'a-1')?.id, a.value[0]!.messageId)
    assert.equal(store.messages.byExternalId(property.id, 'b-1')?.id, b.value[0]!.messageId)
    assert.equal(published.filter((e) => e.type === 'message.created').length, 2)
  })

  it('undoes only the batch that fails inside a group commit', async () => {
    const insert = store.messages.insert
    store.messages.insert = (stored) => {
      if (stored.text === 'boom') throw new Error('disk says no')
      insert(stored)
    }
    const good = ingest.submit(property, [message({ externalId: 'good-1' })])
    const bad = ingest.submit(property, [
      message({ identity: { kind: 'email', value: 'bad@example.com' }, externalId: 'bad-1' }),
      message({ identity: { kind: 'email', value: 'bad@example.com' }, content: { type: 'text', text: 'boom' } }),
    ])
    await assert.rejects(bad, /disk says no/)
    assert.ok((await good).ok)
    assert.ok(store.messages.byExternalId(property.id, 'good-1'))
    assert.equal(store.messages.byExternalId(property.id, 'bad-1'), undefined)
    assert.equal(store.conversations.list({ limit: 10, now: NOW }).length, 1)
  })

  it('answers an invalid submitted batch at once and stores nothing', async () => {
    const outcome = await ingest.submit(property, [message(), message({ identity: { kind: 'phone', value: 'nope' } })])
    assert.equal(outcome.ok, false)
    assert.equal(store.conversations.list({ limit: 10, now: NOW }).length, 0)
  })
})
