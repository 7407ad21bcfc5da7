// Internal notes across desks: a note written on one desk reaches the others (through the central
// server, embedded or PostgreSQL) as a note, with the agents it mentions, and stays out of the guest's
// summary and what integrators read there too.
import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import { STORE_KINDS } from '../../support/central-stores.js'
import { twoDesksOfOneProperty } from '../../support/sync-desks.js'

const cleanups: (() => void | Promise<void>)[] = []
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup()
})

const twoDesks = (kind: (typeof STORE_KINDS)[number], now: { ms: number }) => twoDesksOfOneProperty(kind, now, 'notes', cleanups)

for (const kind of STORE_KINDS) {
  describe(`internal notes across desks (${kind.name})`, { skip: kind.unavailable ?? false }, () => {
    it('a note reaches the other desk as a note, with its mentions, outside the summary and the dialect reads', async () => {
      const now = { ms: Date.now() }
      const { desks, property, settle } = await twoDesks(kind, now)
      const [a, b] = desks
      b.services.notes.start()
      cleanups.push(() => b.services.notes.stop())
      const agent = async (name: string, email: string) => {
        const created = await a.services.agents.create({ name, email, password: 'front desk 2026', role: 'agent' })
        assert.ok(created.ok)
        return created.value
      }
      const anna = await agent('Anna Keller', 'anna@lago.ch')
      const luca = await agent('Luca Meier', 'luca@lago.ch')
      const pushed = a.services.ingest.ingest(property, [
        {
          channel: 'whatsapp',
          identity: { kind: 'phone', value: '+41791110010' },
          direction: 'in',
          content: { type: 'text', text: 'Late arrival?' },
          createdAt: now.ms - 60_000,
        },
      ])
      assert.ok(pushed.ok)
      const conversationId = pushed.value[0]!.conversationId
      const written = await a.services.notes.write(a.store.conversations.get(conversationId)!, anna, {
        text: 'Call the guest back, @Luca Meier',
        mentions: [luca.id],
      })
      assert.ok(written.ok)
      await settle()

      const onB = b.store.messages.get(written.value.id)
      assert.ok(onB, 'the note reached desk B')
      assert.deepEqual([onB.internal, onB.mentions, onB.senderAgent?.id, onB.direction], [true, [luca.id], anna.id, 'out'])
      const row = b.store.conversations.get(conversationId)!
      assert.deepEqual([row.messageCount, row.lastMessagePreview, row.lastMessageDirection, row.waitingSince], [1, 'Late arrival?', 'in', now.ms - 60_000])
      assert.deepEqual(
        b.store.messages.pageOldestFirst(conversationId, 50, 0).map((message) => message.id),
        [pushed.value[0]!.messageId],
      )
      assert.equal(b.store.messages.count(conversationId), 1)
      // Luca is told on desk B too (the note is fresh), once; Anna, its author, is not.
      assert.deepEqual(
        b.store.notifications.ofAgent(luca.id).map((notification) => [notification.kind, notification.conversationId]),
        [['mention', conversationId]],
      )
      assert.deepEqual(b.store.notifications.ofAgent(anna.id), [])
      assert.deepEqual(
        b.store.messages.pageNewestFirst(conversationId, 50, undefined, { includeNotes: true }).map((message) => message.internal),
        [true, false],
      )
    })
  })
}
