// A desk speaks only for itself: a sync client id belongs to the device that first used it, and an
// agent's password hash goes only to devices of the property whose desk set it. Over a real central
// server on each store.
import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import { v7 as uuidv7 } from 'uuid'
import { buildCentralServer, type CentralServer } from '../../../central/server.js'
import { SyncHttpError, httpTransport } from '../../../local-api/services/sync/transport.js'
import { encodeHlc } from '../../../sync-core/hlc.js'
import { GROUP_SPACE, SYNC_SCHEMA_VERSION, type PulledOp, type SyncOp } from '../../../sync-core/protocol.js'
import { STORE_KINDS } from '../../support/central-stores.js'
import { eventually } from '../../support/eventually.js'
import { bearer, PUSH_URL, pushedMessage, startTestApp, type TestApp } from '../../support/test-app.js'

const quickSync = { client: { periodMs: 1_000, maxBackoffMs: 500 } }

for (const kind of STORE_KINDS) {
  describe(`a desk speaks only for itself (${kind.name} central)`, { skip: kind.unavailable ?? false }, () => {
    let central: CentralServer
    let centralUrl = ''
    const desks: TestApp[] = []
    const cleanups: (() => Promise<void>)[] = []
    after(async () => {
      for (const desk of desks) await desk.close()
      for (const cleanup of cleanups.reverse()) await cleanup()
    })

    const start = async () => {
      if (centralUrl) return
      const handle = await kind.fresh()
      cleanups.push(() => handle.dispose())
      central = await buildCentralServer({ store: await handle.open() })
      cleanups.push(() => central.close())
      await central.listen({ port: 0, host: '127.0.0.1' })
      const address = central.server.address()
      centralUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`
    }
    const desk = async () => {
      const started = await startTestApp({ sync: quickSync })
      desks.push(started)
      return started
    }
    const connect = async (app: TestApp, credential: string) => {
      const response = await app.app.inject({ method: 'PUT', url: '/v1/sync', headers: bearer(app.token(['admin'])), payload: { centralUrl, credential } })
      assert.equal(response.statusCode, 200, response.body)
    }
    const push = (app: TestApp, text: string) =>
      app.app.inject({ method: 'POST', url: PUSH_URL, headers: bearer(app.token()), payload: { messages: [pushedMessage({ text, externalId: text })] } })
    /** Every op of a space, as a device reads it. */
    const pullAll = async (credential: string, space: string): Promise<SyncOp[]> => {
      const ops: PulledOp[] = []
      for (let after = 0; ;) {
        const page = await httpTransport(centralUrl, credential).pull(space, after, 1000)
        assert.ok(!('reset' in page))
        ops.push(...page.ops)
        after = page.lastSeq
        if (!page.hasMore) return ops.map(({ op }) => op)
      }
    }
    const pending = async (app: TestApp) => (await app.app.inject({ url: '/v1/sync', headers: bearer(app.token()) })).json().pendingOps as number
    const refused403 = (error: unknown) =>
      error instanceof SyncHttpError && error.status === 403 && /sync client id \w+ belongs to another device/.test(error.message)

    it("refuses another device's hello and push under a desk's client id (403), and the desk's later changes all arrive", async () => {
      await start()
      const a = await desk()
      const property = a.app.store.properties.first()!
      const { credential: credentialA } = await central.centralSync.addDevice({ name: 'Desk A', propertyId: property.id })
      const { credential: thief } = await central.centralSync.addDevice({ name: 'Borrower', propertyId: property.id })
      const { credential: reader } = await central.centralSync.addDevice({ name: 'Reader', propertyId: property.id })
      await connect(a, credentialA)
      assert.equal((await push(a, 'before-1')).statusCode, 201)
      assert.equal((await push(a, 'before-2')).statusCode, 201)
      await eventually('A sent its messages', async () => assert.equal(await pending(a), 0))

      // The borrower read A's client id from a pull, as any device of the group can.
      const ops = await pullAll(reader, property.id)
      const victim = a.app.store.sync.config().clientId
      assert.ok(ops.some((op) => op.clientId === victim))
      const borrowed = httpTransport(centralUrl, thief)
      await assert.rejects(borrowed.hello({ clientId: victim, schemaVersion: SYNC_SCHEMA_VERSION }), refused403)
      const acked = a.app.store.sync.config().ackedSeq
      const forged: SyncOp = {
        opId: uuidv7(),
        clientId: victim,
        clientSeq: acked + 1,
        hlc: encodeHlc({ wallMs: Date.now(), counter: 0, node: victim }),
        space: property.id,
        entity: 'property',
        entityId: property.id,
        fields: { name: 'Taken over' },
        schemaVersion: SYNC_SCHEMA_VERSION,
      }
      for (let seq = acked + 1; seq <= acked + 50; seq += 49) {
        await assert.rejects(borrowed.push({ clientId: victim, schemaVersion: SYNC_SCHEMA_VERSION, ops: [{ ...forged, clientSeq: seq }] }), refused403)
      }
      // Its own id is its own: the borrower syncs under it as usual.
      assert.equal((await borrowed.hello({ clientId: 'borrower01', schemaVersion: SYNC_SCHEMA_VERSION })).ackedSeq, 0)

      for (const text of ['after-1', 'after-2', 'after-3']) assert.equal((await push(a, text)).statusCode, 201)
      await eventually("A's later messages at the central", async () => {
        const texts = (await pullAll(reader, property.id))
          // The guest's messages: the AI agent's handover may come among them, whenever it is quick enough.
          .filter((op) => op.entity === 'message' && op.clientId === victim && op.fields.direction === 'in')
          .map((op) => (op.fields.content as { text: string }).text)
        assert.deepEqual(texts, ['before-1', 'before-2', 'after-1', 'after-2', 'after-3'])
      })
      // The central holds them a moment before A reads its push's answer.
      await eventually('A has nothing left to send', async () => assert.equal(await pending(a), 0))
      const status = (await a.app.inject({ url: '/v1/sync', headers: bearer(a.token()) })).json()
      assert.equal(status.lastError, null)
      assert.ok(!(await pullAll(reader, property.id)).some((op) => op.fields.name === 'Taken over'), 'nothing of the borrower under the id')
    })

    it('lets a desk given a new credential for its property (the old one revoked) keep its client id', async () => {
      await start()
      const a = await desk()
      const property = a.app.store.properties.first()!
      const first = await central.centralSync.addDevice({ name: 'Desk A', propertyId: property.id })
      await connect(a, first.credential)
      await eventually('A synced', async () => assert.ok(a.app.store.sync.config().lastSyncAt))
      const clientId = a.app.store.sync.config().clientId
      const other = await central.centralSync.addDevice({ name: 'Other property', propertyId: 'prop_elsewhere' })
      await central.centralSync.revokeDevice(first.device.id)
      await assert.rejects(httpTransport(centralUrl, other.credential).hello({ clientId, schemaVersion: SYNC_SCHEMA_VERSION }), refused403)
      const second = await central.centralSync.addDevice({ name: 'Desk A again', propertyId: property.id })
      const hello = await httpTransport(centralUrl, second.credential).hello({ clientId, schemaVersion: SYNC_SCHEMA_VERSION })
      assert.equal(hello.device.id, second.device.id)
    })

    it("sends an agent's password hash only to devices of the property whose desk set it", async () => {
      await start()
      const a = await desk()
      const propertyA = a.app.store.properties.first()!
      const { credential: credentialA } = await central.centralSync.addDevice({ name: 'Desk A', propertyId: propertyA.id })
      const { credential: sameProperty } = await central.centralSync.addDevice({ name: 'Desk A2', propertyId: propertyA.id })
      await connect(a, credentialA)
      const created = await a.app.inject({
        method: 'POST',
        url: '/v1/agents',
        headers: bearer(a.token(['admin'])),
        payload: { name: 'Luca Meier', email: 'luca@alpenblick.ch', password: 'quiet lake morning 7', role: 'agent' },
      })
      assert.equal(created.statusCode, 201, created.body)
      const agentId = created.json().id as string
      const hashOnA = a.app.store.agents.passwordHashOf(agentId)
      await eventually('A sent the agent', async () => assert.equal(await pending(a), 0))

      // A desk of another property of the group: it has the agent, without its hash.
      const b = await desk()
      const propertyB = b.app.store.properties.first()!
      const { credential: credentialB } = await central.centralSync.addDevice({ name: 'Desk B', propertyId: propertyB.id })
      await connect(b, credentialB)
      await eventually('the agent on desk B', async () => assert.equal(b.app.store.agents.get(agentId)?.name, 'Luca Meier'))
      assert.equal(b.app.store.agents.passwordHashOf(agentId), '!', 'no password: it signs in on B once one is set there')
      const signIn = await b.app.inject({ method: 'POST', url: '/v1/session', payload: { email: 'luca@alpenblick.ch', password: 'quiet lake morning 7' } })
      assert.equal(signIn.statusCode, 401)

      const agentOps = (ops: SyncOp[]) => ops.filter((op) => op.entity === 'agent' && op.entityId === agentId)
      const fromB = agentOps(await pullAll(credentialB, GROUP_SPACE))
      assert.ok(fromB.length > 0)
      assert.ok(
        fromB.every((op) => !('passwordHash' in op.fields)),
        'no op carries the hash to another property',
      )
      assert.ok(
        agentOps(await pullAll(sameProperty, GROUP_SPACE)).some((op) => op.fields.passwordHash === hashOnA),
        'its own property has it',
      )

      const snapshotOf = async (credential: string) =>
        (await httpTransport(centralUrl, credential).snapshot(GROUP_SPACE, null, 1000)).entities.find((e) => e.entity === 'agent' && e.entityId === agentId)!
      const seenByB = await snapshotOf(credentialB)
      assert.equal(seenByB.fields.name, 'Luca Meier')
      assert.ok(!('passwordHash' in seenByB.fields) && !('passwordHash' in seenByB.clocks), 'nor a snapshot')
      assert.equal((await snapshotOf(sameProperty)).fields.passwordHash, hashOnA)

      // An admin of B sets a password there: the agent signs in on B, and that hash stays with B's property.
      const patched = await b.app.inject({
        method: 'PATCH',
        url: `/v1/agents/${agentId}`,
        headers: bearer(b.token(['admin'])),
        payload: { password: 'orchard gate winter 4' },
      })
      assert.equal(patched.statusCode, 200, patched.body)
      const signedIn = await b.app.inject({ method: 'POST', url: '/v1/session', payload: { email: 'luca@alpenblick.ch', password: 'orchard gate winter 4' } })
      assert.equal(signedIn.statusCode, 200, signedIn.body)
      const hashOnB = b.app.store.agents.passwordHashOf(agentId)
      await eventually('B sent the change', async () => assert.equal(await pending(b), 0))
      await a.app.inject({ method: 'POST', url: '/v1/sync/now', headers: bearer(a.token()) })
      await eventually('A synced after it', async () => assert.equal(agentOps(await pullAll(sameProperty, GROUP_SPACE)).length, fromB.length + 1))
      const seenByA = agentOps(await pullAll(sameProperty, GROUP_SPACE))
      assert.ok(seenByA.every((op) => op.fields.passwordHash !== hashOnB))
      const changedOnB = b.app.store.agents.get(agentId)!.updatedAt
      await eventually("B's change on A", async () => assert.ok(a.app.store.agents.get(agentId)!.updatedAt >= changedOnB))
      assert.equal(a.app.store.agents.passwordHashOf(agentId), hashOnA, "A's desk keeps its own")

      // Nothing on the wire names a device or a credential.
      assert.doesNotMatch(JSON.stringify(await pullAll(credentialB, GROUP_SPACE)), /dev_|fdd_/)
    })
  })
}
