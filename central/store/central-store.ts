// What the central server keeps, behind one interface with two implementations: embedded SQLite
// (one small property needs nothing else) and PostgreSQL (a group; several stateless instances on
// one database). The sync rules live once, in sync-service.ts, on top of these primitives.
import type { PulledOp, SnapshotEntity, SyncEntity, SyncOp } from '../../sync-core/protocol.js'

export interface Device {
  id: string
  name: string
  propertyId: string
  createdAt: number
  revokedAt: number | null
}

export interface EntityState {
  fields: Record<string, unknown>
  clocks: Record<string, string>
}

export interface SpaceBounds {
  lastSeq: number
  floor: number
}

/** The bounds of a space no op has reached yet: none stored, none pruned. */
export const NEW_SPACE_BOUNDS: Readonly<SpaceBounds> = Object.freeze({ lastSeq: 0, floor: 1 })

/** A position in a space's snapshot: entities are read in (rank, id) order. */
export interface SnapshotCursor {
  rank: number
  entityId: string
}

/** A sync client id as the central knows it: what it acknowledged, and the device it is bound to (null: not yet). */
export interface ClientRecord {
  ackedSeq: number
  boundTo: string | null
}

/** The writes of one push (or binding), all inside one database transaction. */
export interface CentralTx {
  /** The client's record, its row made when new (acknowledged 0, unbound) and locked until the transaction ends. */
  lockClient(clientId: string): Promise<ClientRecord>
  /** Binds a client id to the device: only this device may say hello or push under it from now on. */
  bindClient(clientId: string, deviceId: string, now: number): Promise<void>
  device(id: string): Promise<Device | undefined>
  setAckedSeq(clientId: string, seq: number, now: number): Promise<void>
  /**
   * Takes the next `count` sequence numbers of a space and returns the first. The space's row stays
   * locked until commit, so sequence order is commit order: a puller never skips a later-committed op.
   */
  reserveSeqs(space: string, count: number): Promise<number>
  hasOp(opId: string): Promise<boolean>
  /** Stores ops of one space under consecutive sequence numbers from `firstSeq` (one statement on PostgreSQL). */
  insertOps(space: string, firstSeq: number, ops: SyncOp[], receivedAt: number): Promise<void>
  insertRejected(op: SyncOp, reason: string, at: number): Promise<void>
  /** The merged states of these entities of a space, by `stateKey`; those with none are left out. */
  entityStates(space: string, keys: { entity: SyncEntity; entityId: string }[]): Promise<Map<string, EntityState>>
  saveEntityStates(space: string, rows: { entity: SyncEntity; entityId: string; state: EntityState; serverSeq: number }[]): Promise<void>
}

/** An entity's key among `entityStates`' answers. */
export const stateKey = (entity: string, entityId: string) => `${entity}\u0000${entityId}`

export interface CentralStore {
  readonly kind: 'sqlite' | 'postgres'
  transaction<T>(work: (tx: CentralTx) => Promise<T>): Promise<T>

  /** The client id's record; undefined when it never said hello or pushed. */
  client(clientId: string): Promise<ClientRecord | undefined>
  /** The property of the device each of these client ids is bound to (ids bound to none are left out). */
  clientProperties(clientIds: string[]): Promise<Map<string, string>>
  /** The space's last sequence, and the first one still kept (ops below it are pruned). */
  spaceBounds(space: string): Promise<SpaceBounds>
  opsAfter(space: string, after: number, limit: number): Promise<PulledOp[]>
  stateAfter(space: string, cursor: SnapshotCursor | null, limit: number): Promise<(SnapshotEntity & { rank: number })[]>
  /** How many entities a snapshot of the space holds. */
  stateCount(space: string): Promise<number>
  /** Forgets the ops of a space up to and including `throughSeq` (their effect stays in the state). */
  prune(space: string, throughSeq: number): Promise<void>
  /** Ops received before this time, per space: what a retention window would prune. */
  lastSeqBefore(space: string, receivedBefore: number): Promise<number>
  spaces(): Promise<string[]>
  rejectedOps(clientId: string): Promise<{ opId: string; clientSeq: number; reason: string }[]>

  insertDevice(device: Device, credentialHash: string): Promise<void>
  deviceByCredential(credentialHash: string): Promise<Device | undefined>
  devices(): Promise<Device[]>
  revokeDevice(id: string, at: number): Promise<boolean>

  /** Tells every instance that these spaces have news, pushed by `fromDevice` (who needs no poke). */
  poke(spaces: string[], fromDevice: string): Promise<void>
  onPoke(listener: (space: string, fromDevice: string) => void): () => void

  close(): Promise<void>
}
