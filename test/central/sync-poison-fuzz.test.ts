// Fuzz: generated ops over every entity's fields (wrong kinds, out-of-range values, unknown
// references, huge strings, unknown kinds of identity) pushed to a real central server and, as an
// older central server would have let them through, stored straight into its spaces; two real
// desks (SQLite files) sync after each batch. No desk ever fails a round, and the valid ops pushed
// after the bad ones always arrive. Bounded: a few seconds.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import fc from 'fast-check'
import type { Device } from '../../central/store/central-store.js'
import type { CentralStore } from '../../central/store/central-store.js'
import { openPostgresCentralStore } from '../../central/store/postgres-store.js'
import { openSqliteCentralStore } from '../../central/store/sqlite-store.js'
import { createSyncService, type SyncService } from '../../central/sync-service.js'
import type { Property } from '../../local-api/db/properties.js'
import { createProperty } from '../../local-api/services/properties.js'
import { ENTITY_FIELD_SCHEMAS } from '../../sync-core/fields.js'
import { SYNC_ENTITIES, SYNC_SCHEMA_VERSION, type PushResponse, type SyncEntity, type SyncOp } from '../../sync-core/protocol.js'
import { POSTGRES_UNAVAILABLE, TEST_DATABASE_URL, testSchema } from '../support/central-stores.js'
import { inProcessTransport, openDesk, removeDesk, type Desk } from '../support/sync-desks.js'
import { opMaker } from '../support/sync-ops.js'
import { tempDir } from '../support/test-app.js'
import { rmSync } from 'node:fs'

const RUNS = Number(process.env.POISON_FUZZ_RUNS ?? 12)

const STORES = [
  {
    name: 'embedded SQLite',
    unavailable: null as string | null,
    async fresh() {
      const dir = tempDir('frontdesk-central-')
      return { store: openSqliteCentralStore(dir) as CentralStore, dispose: async () => rmSync(dir, { recursive: true, force: true }) }
    },
  },
  {
    name: 'PostgreSQL',
    unavailable: POSTGRES_UNAVAILABLE,
    async fresh() {
      const schema = testSchema('poison')
      return { store: await openPostgresCentralStore(TEST_DATABASE_URL!, { schema: schema.name }), dispose: () => schema.drop() }
    },
  },
]

/** Values of every kind a field might wrongly (or rightly) hold. */
function nastyValue(refs: string[]) {
  return fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(...refs),
    fc.constantFrom('bogus', 'in', 'out', 'sms', 'phone', 'email', 'confirmed', 'new', 'admin', '2026-12-01', '', ' ', '\u0000'),
    fc.constantFrom(-1, 0, 1.5, Number.MAX_SAFE_INTEGER, 8_640_000_000_000_001),
    fc.constant('x'.repeat(120_000)),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
    fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
    fc.constantFrom({ type: 'text', text: 'hi' }, { type: 'bogus' }, { kind: 'bogus', value: 'x' }, { kind: 'phone', value: '+41790000000' }),
  )
}

interface Schema {
  anyOf?: Schema[]
  const?: unknown
  type?: string
  properties?: Record<string, Schema>
}

/** Values of a field's own kind (a string for a string, one of its enum's values, an integer): they get past the checks, into the projectors. */
function plausible(schema: Schema, refs: string[]): fc.Arbitrary<unknown> {
  if (schema.anyOf) return fc.oneof(...schema.anyOf.map((branch) => plausible(branch, refs)))
  if ('const' in schema) return fc.constant(schema.const)
  switch (schema.type) {
    case 'null':
      return fc.constant(null)
    case 'string':
      return fc.oneof(fc.constantFrom(...refs), fc.string({ maxLength: 12 }), fc.constantFrom('2026-12-01', '2026-13-45T99', ''))
    case 'integer':
      return fc.oneof(fc.nat(), fc.constant(0), fc.constant(Date.now()))
    case 'boolean':
      return fc.boolean()
    default:
      return fc.oneof(
        fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 }),
        fc.constantFrom({ type: 'text', text: 'hi' }, { type: 'bogus' }, { kind: 'phone', value: '+41790000000' }, { kind: 'email', value: 'x' }),
      )
  }
}

/** An op body: an entity (rarely an unknown one), an id (rarely one of an unknown identity kind), fields from its schema and more. */
function nastyBody(refs: string[]) {
  const entity = fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...SYNC_ENTITIES) }, { weight: 1, arbitrary: fc.constant('bogus_entity') })
  return entity.chain((name) => {
    const schema = (ENTITY_FIELD_SCHEMAS as Record<string, Schema>)[name]
    const properties = Object.entries(schema?.properties ?? {})
    // Mostly fields of their own kinds (to reach the projectors), some of any kind at all.
    const fields = fc
      .tuple(
        fc.record(Object.fromEntries(properties.map(([field, fieldSchema]) => [field, plausible(fieldSchema, refs)])), { requiredKeys: [] }),
        fc.dictionary(fc.constantFrom(...properties.map(([field]) => field), 'unknownField'), nastyValue(refs), { maxKeys: 2 }),
        fc.nat(3),
      )
      .map(([own, any, mix]) => (mix === 0 ? { ...own, ...any } : own))
    const entityId = fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...refs) },
      { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 30 }) },
      { weight: 2, arbitrary: fc.constantFrom('bogus:1', 'phone:+41790000000', 'email:eva@example.com', ':', 'phone:', 'guest_app:x') },
    )
    return fc.record({ entity: fc.constant(name), entityId, fields, unchecked: fc.boolean() })
  })
}

for (const kind of STORES) {
  describe(`poison fuzz on a ${kind.name} central server`, { skip: kind.unavailable ?? false }, () => {
    let store: CentralStore
    let dispose: () => Promise<void>
    let central: SyncService
    let desks: Desk[]
    let property: Property
    let poisoner: Device

    before(async () => {
      ;({ store, dispose } = await kind.fresh())
      central = createSyncService(store)
      const devices: Device[] = []
      desks = ['A', 'B'].map((name, i) =>
        openDesk(
          `poison-${name}`,
          inProcessTransport(central, () => devices[i]!),
        ),
      )
      property = createProperty(desks[0]!.store, { name: 'Hotel Alpenblick', defaultCountry: 'CH', timeZone: 'Europe/Zurich' }, Date.now())
      for (const name of ['A', 'B']) devices.push((await central.addDevice({ name, propertyId: property.id })).device)
      poisoner = (await central.addDevice({ name: 'Poisoner', propertyId: property.id })).device
      for (const desk of desks) await desk.sync.client.syncOnce()
      // Something real to refer to: a conversation with a message, on both desks.
      assert.ok(
        desks[0]!.services.ingest.ingest(property, [
          {
            channel: 'whatsapp',
            identity: { kind: 'phone', value: '+41791112233' },
            direction: 'in',
            content: { type: 'text', text: 'Hello' },
            createdAt: Date.now(),
          },
        ]).ok,
      )
      for (const desk of desks) await desk.sync.client.syncOnce()
    })
    after(async () => {
      desks.forEach(removeDesk)
      await store.close()
      await dispose()
    })

    it('no desk ever stops syncing, and valid ops after bad ones always arrive', async () => {
      const known = desks[0]!.db.prepare('SELECT id, guest_id FROM conversations').get() as { id: string; guest_id: string | null }
      const message = desks[0]!.db.prepare('SELECT id FROM messages').pluck().get() as string
      const refs = [
        property.id,
        known.id,
        message,
        ...(known.guest_id ? [known.guest_id] : []),
        'gst_fuzz_filler',
        'conv_unknown',
        'agt_unknown',
        'res_unknown',
      ]
      const ops = opMaker('poisoner01', property.id)
      let marker = 0
      await fc.assert(
        fc.asyncProperty(fc.array(nastyBody(refs), { minLength: 1, maxLength: 12 }), async (bodies) => {
          const checked: SyncOp[] = []
          for (const body of bodies) {
            const op = ops.op(body.entity as SyncEntity, body.entityId, body.fields)
            if (body.entity === 'bogus_entity') op.space = property.id
            if (body.unchecked) {
              // Stored as an older central server would have: straight into its space (and out of the client sequence).
              await store.transaction(async (tx) => {
                const seq = await tx.reserveSeqs(op.space, 1)
                await tx.insertOps(op.space, seq, [JSON.parse(JSON.stringify(op)) as SyncOp], Date.now())
              })
              op.fields = { firstName: 'filler' }
              op.entity = 'guest'
              op.entityId = 'gst_fuzz_filler'
              op.space = 'group'
            }
            checked.push(op)
          }
          const id = `gst_fuzz_marker_${++marker}`
          const now = Date.now()
          checked.push(ops.op('guest', id, { firstName: `Marker ${marker}`, createdAt: now, updatedAt: now }))
          const knowledgeId = `kbe_fuzz_marker_${marker}`
          checked.push(ops.op('knowledge_entry', knowledgeId, { propertyId: property.id, question: `Q${marker}`, answer: 'A', createdAt: now, updatedAt: now }))
          const response = (await central.push(poisoner, {
            clientId: 'poisoner01',
            schemaVersion: SYNC_SCHEMA_VERSION,
            ops: JSON.parse(JSON.stringify(checked)) as SyncOp[],
          })) as PushResponse
          assert.equal(response.ackedSeq, checked.at(-1)!.clientSeq)
          assert.ok(!response.rejected.some((r) => r.opId === checked.at(-1)!.opId || r.opId === checked.at(-2)!.opId))
          for (const desk of desks) {
            await desk.sync.client.syncOnce()
            const status = desk.sync.client.status()
            assert.equal(status.lastError, null)
            assert.equal(desk.store.guests.get(id)?.firstName, `Marker ${marker}`, `desk ${desk.name} has marker ${marker}`)
            assert.equal(desk.store.knowledge.get(knowledgeId)?.question, `Q${marker}`)
          }
        }),
        { numRuns: RUNS, endOnFailure: true },
      )
      // Both desks still agree on what every valid op wrote.
      const markers = (desk: Desk) =>
        desk.db.prepare("SELECT id, first_name FROM guests WHERE id LIKE 'gst_fuzz_marker_%' ORDER BY id").all() as { id: string; first_name: string }[]
      assert.deepEqual(markers(desks[0]!), markers(desks[1]!))
      assert.equal(markers(desks[0]!).length, marker)

      // A desk joining after the ops are pruned fills from a snapshot of what the central merged: no entity stops it either.
      for (const space of await store.spaces()) await store.prune(space, (await store.spaceBounds(space)).lastSeq)
      const { device } = await central.addDevice({ name: 'C', propertyId: property.id })
      const late = openDesk('poison-C', inProcessTransport(central, device))
      desks.push(late)
      await late.sync.client.syncOnce()
      assert.equal(late.sync.client.status().lastError, null)
      assert.deepEqual(markers(late), markers(desks[0]!))
    })
  })
}
