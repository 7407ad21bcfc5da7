import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyRequest } from 'fastify'
import { Type } from 'typebox'
import { IsoDateTime, UndoneGuestMergeSchema } from '../../../api-contract/index.js'
import type { GuestMerge, MergeActor } from '../../db/guest-merges.js'
import { HttpError, invalidInput } from '../../../sync-core/http/http-error.js'
import { guestName } from '../../services/guests.js'
import { IdParams, problemResponses } from './schemas.js'
import { deskWideOnly } from './property-scope.js'

const GuestId = Type.String({ minLength: 1, maxLength: 100 })
const Reason = Type.String({
  minLength: 1,
  maxLength: 500,
  pattern: '\\S',
  description: 'Why the profiles are one person, in a few words (shown in the timeline).',
})

const ActorSchema = Type.Object({
  agent: Type.Union([Type.Object({ id: Type.String(), name: Type.Union([Type.String(), Type.Null()]) }), Type.Null()]),
  tokenName: Type.Union([Type.String(), Type.Null()], { description: 'The API token that did it, by name.' }),
})

const GuestMergeSchema = Type.Object({
  id: Type.String(),
  keptGuestId: Type.String(),
  goneGuestId: Type.String({ description: 'The profile merged away (back again once undone).' }),
  goneName: Type.Union([Type.String(), Type.Null()]),
  moved: Type.Object(
    {
      conversationIds: Type.Array(Type.String()),
      reservationIds: Type.Array(Type.String()),
      leadIds: Type.Array(Type.String()),
      identities: Type.Integer({ description: 'How many phone numbers, addresses and issued identities moved.' }),
    },
    { description: 'What moved to the kept profile on this desk.' },
  ),
  mergedBy: Type.Union([ActorSchema, Type.Null()], { description: 'null: the desk itself (no agent or token), or a desk of an earlier version.' }),
  reason: Type.Union([Type.String(), Type.Null()]),
  fromOtherDesk: Type.Boolean(),
  createdAt: IsoDateTime,
  undoneAt: Type.Union([IsoDateTime, Type.Null()]),
  undoneBy: Type.Union([ActorSchema, Type.Null()]),
})

const iso = (ms: number) => new Date(ms).toISOString()
const actorView = (actor: { agentId: string | null; agentName: string | null; tokenName: string | null }) => ({
  agent: actor.agentId ? { id: actor.agentId, name: actor.agentName } : null,
  tokenName: actor.tokenName,
})

function mergeView(merge: GuestMerge) {
  return {
    id: merge.id,
    keptGuestId: merge.keptGuestId,
    goneGuestId: merge.goneGuestId,
    goneName: guestName(merge.gone),
    moved: {
      conversationIds: merge.moved.conversations,
      reservationIds: merge.moved.reservations,
      leadIds: merge.moved.leads,
      identities: merge.moved.identities.length,
    },
    mergedBy: merge.mergedBy.agentId || merge.mergedBy.tokenName ? actorView(merge.mergedBy) : null,
    reason: merge.reason,
    fromOtherDesk: merge.origin !== null,
    createdAt: iso(merge.createdAt),
    undoneAt: merge.undoneAt === null ? null : iso(merge.undoneAt),
    undoneBy: merge.undoneBy && (merge.undoneBy.agentId || merge.undoneBy.tokenName) ? actorView(merge.undoneBy) : null,
  }
}

/** Who acts: the signed-in agent, or the API token by name. */
const actorOf = (request: FastifyRequest): MergeActor => ({
  agentId: request.agent?.id ?? null,
  tokenName: request.agent ? null : (request.apiToken?.name ?? null),
})

/**
 * Guest profiles belong to the whole group (every property and desk shares them): a merge moves
 * other properties' conversations and reservations, and its record names the other profile. A
 * token bound to one property may do neither.
 */
function refusePropertyBound(request: FastifyRequest): void {
  if (request.apiToken?.propertyId) {
    throw new HttpError(403, 'Forbidden', 'guest profiles are shared by every property: a property-bound API token may not merge them or read merges')
  }
}

/** Guest profiles: merging two that are one person, and undoing such a merge. */
export const guestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/guests/:id/merge',
    {
      // Refused to a property-bound token before its body is read, too.
      onRequest: deskWideOnly(app, 'merge guest profiles (they are shared by every property)'),
      preHandler: app.requireScope('guest.conversation.write'),
      schema: {
        tags: ['native'],
        summary:
          'Merge two guest profiles of one person: identities, conversations, reservations, leads and onsite contacts end up on one (the smaller id); recorded, shown in the timeline, undoable, synced to every desk',
        params: IdParams,
        body: Type.Object({ intoGuestId: GuestId, reason: Type.Optional(Type.Union([Reason, Type.Null()])) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            mergeId: Type.String(),
            guestId: Type.String({ description: 'The profile kept.' }),
            conversationIds: Type.Array(Type.String(), { description: 'The conversations that moved.' }),
          }),
          ...problemResponses,
        },
      },
    },
    async (request) => {
      refusePropertyBound(request)
      const merged = app.guests.merge(request.params.id, request.body.intoGuestId, { by: actorOf(request), reason: request.body.reason ?? null })
      if (!merged.ok) throw invalidInput(merged.problems)
      return merged.value
    },
  )

  app.get(
    '/guest-merges',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: 'Recent guest merges that kept or merged away a profile (or every recent one), newest first',
        querystring: Type.Object(
          { guestId: Type.Optional(GuestId), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ merges: Type.Array(GuestMergeSchema) }), ...problemResponses },
      },
    },
    async (request) => {
      refusePropertyBound(request)
      return { merges: app.guests.merges(request.query.guestId, request.query.limit ?? 50).map(mergeView) }
    },
  )

  app.post(
    '/guest-merges/:id/undo',
    {
      preHandler: app.requireScope('guest.conversation.write'),
      schema: {
        tags: ['native'],
        summary: 'Undo a guest merge: the profile merged away comes back as it was with exactly what had moved (on every desk); 409 when undone already',
        params: IdParams,
        response: { 200: UndoneGuestMergeSchema, ...problemResponses },
      },
    },
    async (request) => {
      refusePropertyBound(request)
      return app.guests.undoMerge(request.params.id, actorOf(request))
    },
  )
}
