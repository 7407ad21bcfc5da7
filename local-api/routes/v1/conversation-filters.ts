import type { FastifyInstance, FastifyRequest } from 'fastify'
import { Type, type Static, type TObject } from 'typebox'
import type { ConversationFilter } from '../../db/conversations.js'
import { normalizePhone } from '../../domain/identity.js'
import { HttpError } from '../../plugins/http-error.js'
import { ChannelSchema } from './schemas.js'

/** The list's filters, shared by the list, the export and anything else that selects conversations. */
export const ConversationFilterFields = {
  propertyId: Type.Optional(Type.String({ minLength: 1 })),
  channel: Type.Optional(ChannelSchema),
  status: Type.Optional(Type.Enum(['active', 'expired'])),
  lead: Type.Optional(Type.Boolean({ description: 'true: only conversations with a captured lead; false: only those without.' })),
  outletId: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Only guest-app conversations of this outlet (department).' })),
  assignee: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: '"me" (the signed-in agent) or an agent id.' })),
  queued: Type.Optional(Type.Boolean({ description: 'true: only conversations waiting in the transfer queue.' })),
  type: Type.Optional(Type.Enum(['booking', 'lead', 'faq', 'mixed'], { description: 'What the conversation is about.' })),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'Last activity at or after this time.' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'Last activity before this time.' })),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Words of the guest\'s name, phone or email.' })),
  text: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'Words in the messages (full-text): among the conversations of the 5,000 most recent matching messages.',
    }),
  ),
}

type FilterQuery = Static<TObject<typeof ConversationFilterFields>>

const parseTime = (value: string | undefined, field: string): number | undefined => {
  if (value === undefined) return undefined
  const ms = Date.parse(value)
  if (Number.isNaN(ms)) throw new HttpError(400, 'Bad Request', `${field} is not a valid date-time`)
  return ms
}

/** A query typed as a national phone number ("079 444 00 01") is searched as its E.164 form. */
function phoneAsE164(app: FastifyInstance, q: string, propertyId: string | undefined): string {
  if (!/^[+\d][\d\s()./-]{5,}$/.test(q.trim())) return q
  const property = (propertyId && app.store.properties.get(propertyId)) || app.store.properties.first()
  const phone = property ? normalizePhone(q, property.defaultCountry) : undefined
  return phone?.ok ? phone.value : q
}

/** The filter a request asks for, within what its token may see. */
export function conversationFilter(app: FastifyInstance, request: FastifyRequest, query: FilterQuery): Omit<ConversationFilter, 'limit' | 'before'> {
  const tokenProperty = request.apiToken?.propertyId
  if (tokenProperty && query.propertyId && query.propertyId !== tokenProperty) {
    throw new HttpError(403, 'Forbidden', 'this token is limited to another property')
  }
  const propertyId = tokenProperty ?? query.propertyId
  return {
    propertyId,
    channel: query.channel,
    status: query.status,
    lead: query.lead,
    outletId: query.outletId,
    assignedAgentId: query.assignee === 'me' ? (request.agent?.id ?? 'nobody') : query.assignee,
    queued: query.queued,
    kind: query.type,
    from: parseTime(query.from, 'from'),
    to: parseTime(query.to, 'to'),
    query: query.q === undefined ? undefined : phoneAsE164(app, query.q, propertyId),
    text: query.text,
    now: app.clock(),
  }
}
