import { Type, type Static } from 'typebox'
import { IsoDateTime, Nullable } from './common.js'

export const SyncProgressSchema = Type.Object({ done: Type.Integer(), total: Type.Integer() })
export type SyncProgress = Static<typeof SyncProgressSchema>

/** Another desk's change this desk could not apply, set aside with why. */
export const SyncParkedOpSchema = Type.Object({
  opId: Type.String(),
  entity: Type.String(),
  entityId: Type.String(),
  reason: Type.String(),
  parkedAt: IsoDateTime,
})
export type SyncParkedOp = Static<typeof SyncParkedOpSchema>

/** A change made on this desk that the central server refused, kept with why: no other desk has it. */
export const SyncRefusedOpSchema = Type.Object({
  opId: Type.String(),
  entity: Type.String(),
  entityId: Type.String(),
  reason: Type.String({ description: "The central server's reason, e.g. a value it does not accept." }),
  refusedAt: IsoDateTime,
})
export type SyncRefusedOp = Static<typeof SyncRefusedOpSchema>

/** POST /v1/sync/parked/retry */
export const SyncParkedRetrySchema = Type.Object({
  applied: Type.Integer({ description: 'Parked changes that applied this time (they leave the list).' }),
  stillParked: Type.Integer({ description: 'Parked changes that still cannot apply.' }),
  resent: Type.Integer({
    description:
      "This desk's refused changes queued to be sent again with the next round, under its current client id (they leave the list; refused again, they come back to it).",
  }),
})
export type SyncParkedRetry = Static<typeof SyncParkedRetrySchema>

/** GET /v1/sync: this desk's sync with the central server. */
export const SyncStatusSchema = Type.Object({
  configured: Type.Boolean({ description: 'Connected to a central server.' }),
  state: Type.Enum(['off', 'idle', 'syncing', 'offline'], { description: 'offline: the last round failed (see lastError); it is retried with backoff.' }),
  pendingOps: Type.Integer({ description: 'Changes made here that the central server has not acknowledged yet.' }),
  waitingOps: Type.Integer({ description: "Other desks' changes that cannot apply yet (from a newer version, or waiting for what they refer to)." }),
  parkedOps: Type.Integer({
    description:
      "Other desks' changes this desk could not apply at all (e.g. a value it does not accept): set aside so sync goes on; an admin may retry them after an upgrade (POST /v1/sync/parked/retry).",
  }),
  parked: Type.Array(SyncParkedOpSchema, { description: 'The first 50 parked changes, oldest first.' }),
  refusedOps: Type.Integer({
    description:
      'Changes made on this desk that the central server refused (push answered them as rejected): no other desk has them; an admin may send them again after an upgrade (POST /v1/sync/parked/retry).',
  }),
  refused: Type.Array(SyncRefusedOpSchema, { description: 'The first 50 refused changes, oldest first.' }),
  lastSyncAt: Nullable(IsoDateTime),
  lastError: Nullable(Type.String()),
  progress: Type.Union([SyncProgressSchema, Type.Null()]),
  joining: Type.Boolean({ description: 'Connected but not synced yet: the desk is still filling from the central server.' }),
  centralUrl: Nullable(Type.String()),
  deviceId: Nullable(Type.String()),
  propertyId: Nullable(Type.String()),
  identityChange: Type.Union(
    [
      Type.Object({
        reason: Type.Enum(['restored', 'cloned', 'restored-or-cloned'], {
          description:
            'restored-or-cloned: the central server had changes under its id it never sent, and it synced before desks kept a machine fingerprint, so a copy made back then cannot be told from a backup.',
        }),
        message: Type.String({
          description:
            'e.g. "This desk was restored from a backup; its changes since then have been re-sent." or "This data dir was copied from another computer; this desk now syncs as a new desk."',
        }),
        at: IsoDateTime,
      }),
      Type.Null(),
    ],
    {
      description:
        'Set for 7 days after this desk took a new client id: restored from a backup (the central server had changes of it this desk never sent) or its data dir copied from another computer.',
    },
  ),
})
export type SyncStatus = Static<typeof SyncStatusSchema>

/** PUT /v1/sync */
export const SyncConnectBody = Type.Object(
  {
    centralUrl: Type.String({ minLength: 1, maxLength: 2000, description: 'e.g. http://central.hotel.lan:4790' }),
    credential: Type.String({ pattern: '^fdd_', maxLength: 200, description: 'From `frontdesk central device add`.' }),
  },
  { additionalProperties: false },
)
export type SyncConnect = Static<typeof SyncConnectBody>
