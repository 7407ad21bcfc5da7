// Conversation states across desks: what one desk resolves or snoozes shows on the others through
// the conversation's op; a guest writing on another desk reopens it there, and that reaches back.
// Since when the guest waits is derived by each desk from the same messages, so all agree.
import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import type { Property } from '../../../local-api/db/properties.js'
import { STORE_KINDS } from '../../support/central-stores.js'
import { twoDesksOfOneProperty, type Desk } from '../../support/sync-desks.js'

const cleanups: (() => void | Promise<void>)[] = []
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
})

const MINUTE = 60_000

const twoDesks = (kind: (typeof STORE_KINDS)[number], now: { ms: number }) => twoDesksOfOneProperty(kind, now, 'states', cleanups)

function guestWrites(desk: Desk, property: Property, at: number): string {
  const result = desk.services.ingest.ingest(property, [
    { channel: 'whatsapp', identity: { kind: 'phone', value: '+41791110009' }, direction: 'in', content: { type: 'text', text: 'Hello?' }, createdAt: at },
  ])
  assert.ok(result.ok)
  return result.value[0]!.conversationId
}

const stateOn = (desk: Desk, id: string) => {
  const conversation = desk.store.conversations.get(id)!
  return { state: conversation.state, snoozedUntil: conversation.snoozedUntil, waitingSince: conversation.waitingSince }
}

for (const kind of STORE_KINDS) {
  describe(`conversation states across desks (${kind.name})`, { skip: kind.unavailable ?? false }, () => {
    it('a resolve or a snooze on one desk shows on the other; the guest writing on the other reopens it on both, as does the snooze ending', async () => {
      const now = { ms: Date.now() }
      const { desks, property, settle } = await twoDesks(kind, now)
      const [a, b] = desks
      const id = guestWrites(a, property, now.ms - 30 * MINUTE)
      await settle()
      assert.deepEqual(stateOn(b, id), { state: 'open', snoozedUntil: null, waitingSince: now.ms - 30 * MINUTE })

      a.services.conversations.resolve(a.store.conversations.get(id)!, 'system')
      await settle()
      assert.equal(stateOn(b, id).state, 'resolved')

      now.ms += MINUTE
      guestWrites(b, property, now.ms)
      assert.equal(stateOn(b, id).state, 'open')
      await settle()
      assert.deepEqual(stateOn(a, id), stateOn(b, id))
      assert.equal(stateOn(a, id).state, 'open')
      const timeline = (desk: Desk) => desk.store.conversationEvents.ofConversation(id).map((event) => [event.type, event.data])
      assert.deepEqual(timeline(a), [
        ['resolved', {}],
        ['reopened', { reason: 'guest wrote' }],
      ])
      assert.deepEqual(timeline(b), timeline(a))

      const until = now.ms + 60 * MINUTE
      assert.ok(b.services.conversations.snooze(b.store.conversations.get(id)!, until, 'system').ok)
      await settle()
      assert.deepEqual(stateOn(a, id), { state: 'snoozed', snoozedUntil: until, waitingSince: now.ms - 31 * MINUTE })

      // The snooze ends while the desks are apart: each desk's timer reopens it, and once they sync
      // each shows one event of it, the same on both.
      now.ms = until + MINUTE
      assert.equal(a.services.conversations.endDueSnoozes(), 1)
      assert.equal(b.services.conversations.endDueSnoozes(), 1)
      await settle()
      assert.deepEqual(stateOn(a, id), { state: 'open', snoozedUntil: null, waitingSince: until - 91 * MINUTE })
      assert.deepEqual(stateOn(b, id), stateOn(a, id))
      const ended = (desk: Desk) => timeline(desk).filter(([type, data]) => type === 'reopened' && (data as { reason: string }).reason === 'snooze ended')
      assert.equal(ended(a).length, 1)
      assert.deepEqual(timeline(b), timeline(a))
    })
  })
}
