// The central server's sync rules, once, over either store: pushes stored exactly once in client
// order, a gapless sequence per space, rejected ops recorded (and acknowledged), pulls by cursor,
// snapshots for a desk whose cursor is older than what is kept.
import { createHash, randomBytes } from 'node:crypto'
import { ulid } from 'ulid'
import { invalidFields } from '../sync-core/fields.js'
import { ClockError, createHlcClock, decodeHlc, isHlc } from '../sync-core/hlc.js'
import { mergeFields } from '../sync-core/merge.js'
import {
  GROUP_SPACE,
  isSyncEntity,
  spaceOf,
  SYNC_SCHEMA_VERSION,
  type HelloResponse,
  type PulledOp,
  type PullResponse,
  type PushGap,
  type PushRequest,
  type PushResponse,
  type SnapshotEntity,
  type SnapshotPage,
  type SyncEntity,
  type SyncOp,
} from '../sync-core/protocol.js'
import { stateKey, type CentralStore, type CentralTx, type ClientRecord, type Device, type EntityState, type SnapshotCursor } from './store/central-store.js'

export const CREDENTIAL_PREFIX = 'fdd_'
const hashCredential = (credential: string) => createHash('sha256').update(credential).digest('hex')
const MAX_AHEAD_MS = 24 * 3600_000

export function createSyncService(store: CentralStore, physicalNow: () => number = Date.now) {
  // Each instance has its own clock node; the database holds everything else.
  const clock = createHlcClock(`central${randomBytes(4).toString('hex')}`, physicalNow, { maxAheadMs: MAX_AHEAD_MS })
  const spacesOf = (device: Device) => [device.propertyId, GROUP_SPACE]

  /** Why an op can never be applied, or null when it is fine. */
  function invalid(op: SyncOp, device: Device, clientId: string): string | null {
    if (op.clientId !== clientId) return `op of client ${op.clientId} pushed by client ${clientId}`
    if (!isSyncEntity(op.entity)) return `unknown entity "${op.entity}"`
    if (op.space !== spaceOf(op.entity, device.propertyId))
      return `${op.entity} ops of this device belong in space ${spaceOf(op.entity, device.propertyId)}, not ${op.space}`
    if (!isHlc(op.hlc)) return 'malformed clock'
    // A value no desk can write (a wrong kind, an unknown enum value, a huge string) would stop every
    // desk that pulls it: refused here, so it never reaches them.
    const badField = invalidFields(op)
    if (badField) return badField
    try {
      clock.receive(op.hlc)
    } catch (error) {
      if (error instanceof ClockError) return `${error.message}; the server's time is ${new Date(physicalNow()).toISOString()}`
      throw error
    }
    return null
  }

  /**
   * Makes sure the client id is this device's: a new (or, after the upgrade that brought binding,
   * not yet bound) id is bound to it; one bound to another device is refused, unless that device
   * was revoked and this one is of the same property (a desk given a new credential keeps its id).
   */
  async function claim(tx: CentralTx, device: Device, clientId: string, now: number): Promise<ClientRecord> {
    const client = await tx.lockClient(clientId)
    if (client.boundTo === device.id) return client
    if (client.boundTo !== null) {
      const owner = await tx.device(client.boundTo)
      if (!owner || owner.revokedAt === null || owner.propertyId !== device.propertyId) throw new ClientIdTaken(clientId)
    }
    await tx.bindClient(clientId, device.id, now)
    return { ...client, boundTo: device.id }
  }

  /**
   * An agent's password hash goes only to devices of the property whose desk set it: the writer is
   * the client that pushed the op, or in a snapshot the node of the hash's clock (a desk's clock
   * node is its client id). Other devices get the agent without it; it signs in there once a
   * password is set on a desk of their own property.
   */
  async function hashesOfItsProperty<T extends { fields: Record<string, unknown> }>(
    device: Device,
    items: T[],
    isAgent: (item: T) => boolean,
    writerOf: (item: T) => string | undefined,
  ): Promise<T[]> {
    const carrying = items.filter((item) => isAgent(item) && 'passwordHash' in item.fields)
    if (carrying.length === 0) return items
    const writers = new Set(carrying.map(writerOf).filter((writer) => writer !== undefined))
    const properties = await store.clientProperties([...writers])
    return items.map((item) => {
      if (!carrying.includes(item)) return item
      const writer = writerOf(item)
      if (writer !== undefined && properties.get(writer) === device.propertyId) return item
      const { passwordHash: _hidden, ...fields } = item.fields
      return { ...item, fields }
    })
  }

  /** Pulled ops, each agent's hash left out unless it was set on a desk of this device's property. */
  async function opsForDevice(device: Device, pulled: PulledOp[]): Promise<PulledOp[]> {
    const ops = await hashesOfItsProperty(
      device,
      pulled.map(({ op }) => op),
      (op) => op.entity === 'agent',
      (op) => op.clientId,
    )
    return pulled.map((item, index) => (ops[index] === item.op ? item : { ...item, op: ops[index]! }))
  }

  /** Snapshot entities, each agent's hash (and its clock) left out unless it was set on a desk of this device's property. */
  async function snapshotForDevice(device: Device, entities: SnapshotEntity[]): Promise<SnapshotEntity[]> {
    const writerOf = (entity: SnapshotEntity) => {
      const clock = entity.clocks.passwordHash
      return clock && isHlc(clock) ? decodeHlc(clock).node : undefined
    }
    const kept = await hashesOfItsProperty(device, entities, (entity) => entity.entity === 'agent', writerOf)
    return kept.map((entity) => {
      if ('passwordHash' in entity.fields) return entity
      const { passwordHash: _hidden, ...clocks } = entity.clocks
      return { ...entity, clocks }
    })
  }

  return {
    async addDevice(input: { name: string; propertyId: string }): Promise<{ device: Device; credential: string }> {
      const device: Device = { id: `dev_${ulid()}`, name: input.name, propertyId: input.propertyId, createdAt: physicalNow(), revokedAt: null }
      const credential = `${CREDENTIAL_PREFIX}${randomBytes(32).toString('base64url')}`
      await store.insertDevice(device, hashCredential(credential))
      return { device, credential }
    },

    devices: () => store.devices(),
    revokeDevice: (id: string) => store.revokeDevice(id, physicalNow()),

    /** The active device holding this credential, if any. */
    async authenticate(credential: string | undefined): Promise<Device | undefined> {
      if (!credential?.startsWith(CREDENTIAL_PREFIX)) return undefined
      const device = await store.deviceByCredential(hashCredential(credential))
      return device && device.revokedAt === null ? device : undefined
    },

    async hello(device: Device, clientId: string): Promise<HelloResponse> {
      const known = await store.client(clientId)
      const client = known?.boundTo === device.id ? known : await store.transaction((tx) => claim(tx, device, clientId, physicalNow()))
      return {
        schemaVersion: SYNC_SCHEMA_VERSION,
        serverHlc: clock.now(),
        device: { id: device.id, name: device.name, propertyId: device.propertyId },
        spaces: spacesOf(device),
        ackedSeq: client.ackedSeq,
      }
    },

    async push(device: Device, request: PushRequest): Promise<PushResponse | PushGap> {
      const now = physicalNow()
      const outcome = await store.transaction(async (tx) => {
        let acked = (await claim(tx, device, request.clientId, now)).ackedSeq
        const accepted: SyncOp[] = []
        const rejected: PushResponse['rejected'] = []
        for (const op of request.ops) {
          if (op.clientSeq <= acked) continue // already stored: a retry
          if (op.clientSeq !== acked + 1) {
            if (accepted.length === 0 && rejected.length === 0) return { gap: true as const, acked }
            break // acknowledge what came in order; the client resends the rest
          }
          acked = op.clientSeq
          const reason = invalid(op, device, request.clientId)
          if (reason) {
            await tx.insertRejected(op, reason, now)
            rejected.push({ opId: op.opId, clientSeq: op.clientSeq, reason })
          } else if (!(await tx.hasOp(op.opId))) {
            accepted.push(op)
          }
        }

        // Before any space is locked: the client's own row is locked already (claim), and a space's
        // lock is held until the commit, so it is taken as late as possible.
        await tx.setAckedSeq(request.clientId, acked, now)
        const bySpace = new Map<string, SyncOp[]>()
        for (const op of accepted) {
          const ops = bySpace.get(op.space)
          if (ops) ops.push(op)
          else bySpace.set(op.space, [op])
        }
        // Spaces in one order for every push, so two pushes never wait on each other's locks crosswise.
        for (const space of [...bySpace.keys()].sort()) {
          const ops = bySpace.get(space)!
          // A few statements per space, whatever the number of ops: the space stays locked meanwhile.
          const firstSeq = await tx.reserveSeqs(space, ops.length)
          await tx.insertOps(space, firstSeq, ops, now)
          const states = await tx.entityStates(
            space,
            ops.map((op) => ({ entity: op.entity as SyncEntity, entityId: op.entityId })),
          )
          const saved = new Map<string, { entity: SyncEntity; entityId: string; state: EntityState; serverSeq: number }>()
          ops.forEach((op, index) => {
            const entity = op.entity as SyncEntity // checked by invalid()
            const key = stateKey(entity, op.entityId)
            const state = states.get(key) ?? { fields: {}, clocks: {} }
            mergeFields(entity, state, op.fields, () => op.hlc)
            states.set(key, state)
            saved.set(key, { entity, entityId: op.entityId, state, serverSeq: firstSeq + index })
          })
          await tx.saveEntityStates(space, [...saved.values()])
        }
        return { gap: false as const, acked, rejected, spaces: [...bySpace.keys()] }
      })
      if (outcome.gap) return { error: 'gap', ackedSeq: outcome.acked, serverHlc: clock.now() }
      if (outcome.spaces.length) await store.poke(outcome.spaces, device.id)
      return { ackedSeq: outcome.acked, serverHlc: clock.now(), rejected: outcome.rejected }
    },

    async pull(device: Device, space: string, after: number, limit: number): Promise<PullResponse> {
      if (!spacesOf(device).includes(space)) throw new SpaceForbidden(space)
      const bounds = await store.spaceBounds(space)
      if (after < bounds.floor - 1) return { reset: true, serverHlc: clock.now() }
      const pulled = await store.opsAfter(space, after, limit)
      const ops = space === GROUP_SPACE ? await opsForDevice(device, pulled) : pulled
      return { ops, lastSeq: ops.at(-1)?.serverSeq ?? after, hasMore: ops.length === limit, headSeq: bounds.lastSeq, serverHlc: clock.now() }
    },

    async snapshot(device: Device, space: string, cursor: string | null, limit: number): Promise<SnapshotPage> {
      if (!spacesOf(device).includes(space)) throw new SpaceForbidden(space)
      const position = cursor ? decodeCursor(cursor) : { asOfSeq: (await store.spaceBounds(space)).lastSeq, at: null }
      const rows = await store.stateAfter(space, position.at, limit)
      const last = rows.at(-1)
      const entities = rows.map(({ rank: _rank, ...entity }): SnapshotEntity => entity)
      return {
        asOfSeq: position.asOfSeq,
        entities: space === GROUP_SPACE ? await snapshotForDevice(device, entities) : entities,
        ...(cursor ? {} : { total: await store.stateCount(space) }),
        next: rows.length === limit && last ? encodeCursor({ asOfSeq: position.asOfSeq, at: { rank: last.rank, entityId: last.entityId } }) : null,
        serverHlc: clock.now(),
      }
    },

    /** Forgets ops received more than `retentionMs` ago; desks further behind take a snapshot. */
    async applyRetention(retentionMs: number): Promise<void> {
      for (const space of await store.spaces()) {
        const through = await store.lastSeqBefore(space, physicalNow() - retentionMs)
        if (through > 0) await store.prune(space, through)
      }
    },

    spacesOf,
  }
}

export class SpaceForbidden extends Error {
  constructor(space: string) {
    super(`this device may not read space ${space}`)
  }
}

const encodeCursor = (cursor: { asOfSeq: number; at: SnapshotCursor }) => Buffer.from(JSON.stringify(cursor)).toString('base64url')
function decodeCursor(cursor: string): { asOfSeq: number; at: SnapshotCursor } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as { asOfSeq: number; at: SnapshotCursor }
    if (Number.isInteger(parsed.asOfSeq) && Number.isInteger(parsed.at?.rank) && typeof parsed.at?.entityId === 'string') return parsed
  } catch {
    // falls through
  }
  throw new BadCursor()
}

export class ClientIdTaken extends Error {
  constructor(clientId: string) {
    super(
      `sync client id ${clientId} belongs to another device: a desk syncs only under its own client id ` +
        '(a copied data dir or a borrowed id must take a new one)',
    )
  }
}

export class BadCursor extends Error {
  constructor() {
    super('not a snapshot cursor from this server')
  }
}

export type SyncService = ReturnType<typeof createSyncService>
