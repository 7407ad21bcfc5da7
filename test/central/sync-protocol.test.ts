import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { CentralStore } from '../../central/store/central-store.js'
import { createSyncService, SpaceForbidden, type SyncService } from '../../central/sync-service.js'
import { encodeHlc } from '../../sync-core/hlc.js'
import { GROUP_SPACE, SYNC_SCHEMA_VERSION, type PushResponse, type SyncOp } from '../../sync-core/protocol.js'
import { STORE_KINDS } from '../support/central-stores.js'
import { eventually } from '../support/eventually.js'
import { opMaker } from '../support/sync-ops.js'

const PROP = 'prop_01JALPENBLICK0000000000000'
const OTHER = 'prop_01JEDELWEISS00000000000000'

for (const kind of STORE_KINDS) {
  describe(`the central sync protocol on ${kind.name}`, { skip: kind.unavailable ?? false }, () => {
    /** A fresh central store with its sync service, for one test. */
    async function central(run: (sync: SyncService, store: CentralStore, reopen: () => Promise<CentralStore>) => Promise<void>) {
      const handle = await kind.fresh()
      const store = await handle.open()
      const others: CentralStore[] = []
      try {
        await run(createSyncService(store), store, async () => {
          const another = await handle.open()
          others.push(another)
          return another
        })
      } finally {
        for (const other of others) await other.close()
        await store.close()
        await handle.dispose()
      }
    }
    const push = (sync: SyncService, device: Parameters<SyncService['push']>[0], clientId: string, ops: SyncOp[]) =>
      sync.push(device, { clientId, schemaVersion: SYNC_SCHEMA_VERSION, ops })

    it('stores each op once, in client order, and a retried push changes nothing', async () => {
      await central(async (sync) => {
        const { device } = await sync.addDevice({ name: 'Desk 1', propertyId: PROP })
        const desk = opMaker('desk1aaaa', PROP)
        const ops = [
          desk.op('conversation', 'conv_1', { mode: 'ai' }),
          desk.op('message', 'msg_1', { conversationId: 'conv_1', text: 'Hi' }),
          desk.op('guest', 'gst_1', { firstName: 'Eva' }),
        ]
        const first = (await push(sync, device, 'desk1aaaa', ops)) as PushResponse
        assert.equal(first.ackedSeq, 3)
        assert.deepEqual(first.rejected, [])
        const again = (await push(sync, device, 'desk1aaaa', ops)) as PushResponse
        assert.equal(again.ackedSeq, 3)
        const pulled = await sync.pull(device, PROP, 0, 100)
        assert.ok(!('reset' in pulled))
        assert.deepEqual(
          pulled.ops.map((p) => [p.serverSeq, p.op.entityId]),
          [
            [1, 'conv_1'],
            [2, 'msg_1'],
          ],
        )
        const group = await sync.pull(device, GROUP_SPACE, 0, 100)
        assert.ok(!('reset' in group))
        assert.deepEqual(
          group.ops.map((p) => [p.serverSeq, p.op.entityId]),
          [[1, 'gst_1']],
        )
        assert.equal((await sync.hello(device, 'desk1aaaa')).ackedSeq, 3)
      })
    })

    it('refuses a gap, and acknowledges only what came in order', async () => {
      await central(async (sync) => {
        const { device } = await sync.addDevice({ name: 'Desk 1', propertyId: PROP })
        const desk = opMaker('desk1aaaa', PROP)
        const [a, b, c, d, e] = Array.from({ length: 5 }, (_, i) => desk.op('conversation', `conv_${i}`, { mode: 'ai' }))
        assert.equal(((await push(sync, device, 'desk1aaaa', [a!])) as PushResponse).ackedSeq, 1)
        const gap = await push(sync, device, 'desk1aaaa', [c!, d!])
        assert.deepEqual(['error' in gap && gap.error, gap.ackedSeq], ['gap', 1])
        const partial = (await push(sync, device, 'desk1aaaa', [b!, c!, e!])) as PushResponse
        assert.equal(partial.ackedSeq, 3, 'stops before the hole at 4')
        const pulled = await sync.pull(device, PROP, 0, 100)
        assert.ok(!('reset' in pulled))
        assert.deepEqual(
          pulled.ops.map((p) => p.op.clientSeq),
          [1, 2, 3],
        )
      })
    })

    it('records an op that can never apply as rejected, acknowledges it, and never hands it out', async () => {
      await central(async (sync, store) => {
        const { device } = await sync.addDevice({ name: 'Desk 1', propertyId: PROP })
        const desk = opMaker('desk1aaaa', PROP)
        const farFuture = encodeHlc({ wallMs: Date.now() + 3 * 24 * 3600_000, counter: 0, node: 'desk1aaaa' })
        const ops = [
          desk.op('conversation', 'conv_1', { mode: 'ai' }),
          desk.op('spaceship' as never, 'x_1', {}),
          desk.op('conversation', 'conv_2', {}, { space: OTHER }),
          desk.op('conversation', 'conv_3', {}, { hlc: farFuture }),
          desk.op('conversation', 'conv_4', { mode: 'human' }),
        ]
        const response = (await push(sync, device, 'desk1aaaa', ops)) as PushResponse
        assert.equal(response.ackedSeq, 5)
        assert.deepEqual(
          response.rejected.map((r) => r.clientSeq),
          [2, 3, 4],
        )
        assert.match(response.rejected[0]!.reason, /unknown entity/)
        assert.match(response.rejected[1]!.reason, /belong in space/)
        assert.match(response.rejected[2]!.reason, /ahead of this clock was refused; the server's time is/)
        assert.deepEqual(
          (await store.rejectedOps('desk1aaaa')).map((r) => r.clientSeq),
          [2, 3, 4],
        )
        const pulled = await sync.pull(device, PROP, 0, 100)
        assert.ok(!('reset' in pulled))
        assert.deepEqual(
          pulled.ops.map((p) => p.op.entityId),
          ['conv_1', 'conv_4'],
        )
      })
    })

    it('stores an op once even when a desk that lost its acknowledgement sends it under a new sequence', async () => {
      await central(async (sync) => {
        const { device } = await sync.addDevice({ name: 'Desk 1', propertyId: PROP })
        const desk = opMaker('desk1aaaa', PROP)
        const op = desk.op('conversation', 'conv_1', { mode: 'ai' })
        await push(sync, device, 'desk1aaaa', [op])
        await push(sync, device, 'desk1aaaa', [{ ...op, clientSeq: 2 }])
        const pulled = await sync.pull(device, PROP, 0, 100)
        assert.ok(!('reset' in pulled))
        assert.equal(pulled.ops.length, 1)
      })
    })

    it('keeps each device to its property and the group', async () => {
      await central(async (sync) => {
        const { device, credential } = await sync.addDevice({ name: 'Desk 1', propertyId: PROP })
        await assert.rejects(sync.pull(device, OTHER, 0, 10), SpaceForbidden)
        await assert.rejects(sync.snapshot(device, OTHER, null, 10), SpaceForbidden)
        assert.deepEqual((await sync.hello(device, 'desk1aaaa')).spaces, [PROP, GROUP_SPACE])
        assert.equal((await sync.authenticate(credential))?.id, device.id)
        assert.equal(await sync.authenticate('fdd_not-a-credential'), undefined)
      })
    })

    it('numbers each space without gaps in commit order while desks push at once', async () => {
      await central(async (sync) => {
        const desks = await Promise.all(
          ['desk1aaaa', 'desk2bbbb', 'desk3cccc'].map(async (clientId) => ({
            clientId,
            ...(await sync.addDevice({ name: clientId, propertyId: PROP })),
            make: opMaker(clientId, PROP),
          })),
        )
        await Promise.all(
          desks.map(async (desk) => {
            for (let batch = 0; batch < 5; batch++) {
              const ops = Array.from({ length: 8 }, (_, i) => desk.make.op(i % 2 ? 'guest' : 'message', `${desk.clientId}_${batch}_${i}`, { n: i }))
              const response = (await push(sync, desk.device, desk.clientId, ops)) as PushResponse
              assert.equal(response.ackedSeq, (batch + 1) * 8)
            }
          }),
        )
        for (const space of [PROP, GROUP_SPACE]) {
          const pulled = await sync.pull(desks[0]!.device, space, 0, 1000)
          assert.ok(!('reset' in pulled))
          assert.deepEqual(
            pulled.ops.map((p) => p.serverSeq),
            Array.from({ length: 60 }, (_, i) => i + 1),
          )
          assert.equal(new Set(pulled.ops.map((p) => p.op.opId)).size, 60)
        }
      })
    })

    it('answers an old cursor with "reset required", and the snapshot holds the merged state', async () => {
      await central(async (sync, store) => {
        const { device } = await sync.addDevice({ name: 'Desk 1', propertyId: PROP })
        const desk = opMaker('desk1aaaa', PROP)
        await push(sync, device, 'desk1aaaa', [
          desk.op('conversation', 'conv_1', { mode: 'ai', assignedAgentId: null }),
          desk.op('conversation', 'conv_1', { mode: 'human' }),
          desk.op('message', 'msg_1', { conversationId: 'conv_1', status: 'delivered' }),
          desk.op('message', 'msg_1', { status: 'queued' }),
          desk.op('conversation', 'conv_2', { mode: 'ai' }),
        ])
        await store.prune(PROP, 3)
        assert.equal(((await sync.pull(device, PROP, 1, 100)) as { reset?: true }).reset, true)
        const fromFloor = await sync.pull(device, PROP, 3, 100)
        assert.ok(!('reset' in fromFloor) && fromFloor.ops.length === 2)

        const first = await sync.snapshot(device, PROP, null, 2)
        assert.equal(first.asOfSeq, 5)
        const second = await sync.snapshot(device, PROP, first.next, 2)
        assert.equal(second.next, null)
        const entities = Object.fromEntries([...first.entities, ...second.entities].map((e) => [e.entityId, e.fields]))
        assert.deepEqual(entities, {
          conv_1: { mode: 'human', assignedAgentId: null },
          conv_2: { mode: 'ai' },
          msg_1: { conversationId: 'conv_1', status: 'delivered' },
        })
        assert.deepEqual(
          first.entities.map((e) => e.entity),
          ['conversation', 'conversation'],
          'conversations before their messages',
        )
      })
    })

    it('tells every instance on the same database which space has news', async () => {
      await central(async (sync, store, reopen) => {
        const otherInstance = await reopen()
        const heard: string[] = []
        const heardHere: string[] = []
        const stop = otherInstance.onPoke((space, from) => heard.push(`${space} from ${from}`))
        const stopHere = store.onPoke((space, from) => heardHere.push(`${space} from ${from}`))
        const { device } = await sync.addDevice({ name: 'Desk 1', propertyId: PROP })
        await push(sync, device, 'desk1aaaa', [opMaker('desk1aaaa', PROP).op('guest', 'gst_1', { firstName: 'Eva' })])
        // On PostgreSQL both instances hear it through LISTEN/NOTIFY, each on its own connection, in no set order.
        const expected = kind.name === 'PostgreSQL' ? [heard, heardHere] : [heardHere]
        await eventually('the poke', () => assert.ok(expected.every((list) => list.includes(`${GROUP_SPACE} from ${device.id}`))), { timeoutMs: 5_000 })
        stop()
        stopHere()
        // One database serves other tests too (their pokes reach these listeners): only this device's count.
        const fromThisDevice = (pokes: string[]) => pokes.filter((poke) => poke.endsWith(` from ${device.id}`))
        assert.deepEqual(fromThisDevice(heardHere), [`${GROUP_SPACE} from ${device.id}`])
        if (kind.name === 'PostgreSQL') assert.deepEqual(fromThisDevice(heard), [`${GROUP_SPACE} from ${device.id}`], 'through LISTEN/NOTIFY')
        else assert.deepEqual(heard, [], 'an embedded store serves one instance; its pokes stay in-process')
      })
    })

    it('stops accepting a revoked device', async () => {
      await central(async (sync) => {
        const { device, credential } = await sync.addDevice({ name: 'Desk 1', propertyId: PROP })
        assert.ok(await sync.authenticate(credential))
        assert.equal(await sync.revokeDevice(device.id), true)
        assert.equal(await sync.authenticate(credential), undefined)
      })
    })
  })
}
