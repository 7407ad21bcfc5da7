import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { encodeHlc } from '../../sync-core/hlc.js'
import { mergeFields, wins } from '../../sync-core/merge.js'
import type { SyncEntity } from '../../sync-core/protocol.js'

const at = (wallMs: number, node = 'a', counter = 0) => encodeHlc({ wallMs, counter, node })

const write = fc.record({
  entity: fc.constantFrom<SyncEntity>('conversation', 'message', 'guest', 'template', 'guest_merge'),
  field: fc.constantFrom('mode', 'assignedAgentId', 'status', 'firstName', 'content', 'channel', 'deleted', 'undone', 'sourceId'),
  value: fc.oneof(fc.constantFrom('queued', 'sent', 'delivered', 'failed', 'ai', 'human'), fc.integer(), fc.constant(null), fc.boolean()),
  wallMs: fc.integer({ min: 1, max: 50 }),
  node: fc.constantFrom('a', 'b', 'c'),
})

describe('merging fields', () => {
  it('ends in the same state whatever order the writes arrive in, and however often', () => {
    fc.assert(
      fc.property(fc.array(write, { minLength: 1, maxLength: 30 }), fc.integer(), (writes, seed) => {
        // One clock per write, as every op has its own.
        const ops = writes.map((w, i) => ({ ...w, hlc: at(w.wallMs, w.node, i) }))
        const applyAll = (order: typeof ops) => {
          const states = new Map<string, { fields: Record<string, unknown>; clocks: Record<string, string> }>()
          for (const op of order) {
            const state = states.get(op.entity) ?? { fields: {}, clocks: {} }
            states.set(op.entity, state)
            mergeFields(op.entity, state, { [op.field]: op.value }, () => op.hlc)
          }
          return Object.fromEntries([...states].sort(([a], [b]) => a.localeCompare(b)))
        }
        const shuffled = [...ops, ...ops.filter((_, i) => (i + seed) % 3 === 0)].sort(
          (x, y) => ((x.wallMs * 7919 + seed) % 31) - ((y.wallMs * 7919 + seed) % 31),
        )
        assert.deepEqual(applyAll(shuffled), applyAll(ops))
      }),
    )
  })

  it('lets the later write win a field, ties broken by the replica', () => {
    assert.equal(wins('conversation', 'mode', { value: 'ai', hlc: at(10) }, { value: 'human', hlc: at(11) }), true)
    assert.equal(wins('conversation', 'mode', { value: 'human', hlc: at(11) }, { value: 'ai', hlc: at(10) }), false)
    assert.equal(wins('conversation', 'mode', { value: 'ai', hlc: at(10, 'a') }, { value: 'human', hlc: at(10, 'b') }), true)
  })

  it('keeps a guest merge undone once undone, whatever the clocks; its profiles as first written', () => {
    assert.equal(
      wins('guest_merge', 'undone', { value: false, hlc: at(10) }, { value: true, hlc: at(5) }),
      true,
      'an undo made on a desk whose clock is behind',
    )
    assert.equal(wins('guest_merge', 'undone', { value: true, hlc: at(5) }, { value: false, hlc: at(20) }), false, 'a later merge op does not redo it')
    assert.equal(wins('guest_merge', 'undone', { value: true, hlc: at(5) }, { value: true, hlc: at(6) }), true)
    assert.equal(wins('guest_merge', 'sourceId', { value: 'gst_a', hlc: at(5) }, { value: 'gst_b', hlc: at(6) }), false)
    assert.equal(wins('guest_merge', 'reason', { value: 'booked twice', hlc: at(5) }, { value: null, hlc: at(6) }), false)
  })

  it('keeps a message as first written, while its delivery only moves forward', () => {
    assert.equal(wins('message', 'content', { value: 'first', hlc: at(10) }, { value: 'edited', hlc: at(11) }), false)
    assert.equal(wins('message', 'status', { value: 'delivered', hlc: at(10) }, { value: 'queued', hlc: at(20) }), false)
    assert.equal(wins('message', 'status', { value: 'queued', hlc: at(20) }, { value: 'sent', hlc: at(10) }), true)
    assert.equal(wins('message', 'status', { value: 'failed', hlc: at(10) }, { value: 'queued', hlc: at(11) }), true, 'a retry after a failure')
  })
})
