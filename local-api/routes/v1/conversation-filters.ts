import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { ConversationFilters } from '../../../api-contract/index.js'
import type { ConversationFilter } from '../../db/conversations.js'
import { normalizePhone } from '../../domain/identity.js'
import { HttpError } from '../../../sync-core/http/http-error.js'

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
export function conversationFilter(
  app: FastifyInstance,
  request: FastifyRequest,
  query: ConversationFilters,
): Omit<ConversationFilter, 'limit' | 'before' | 'afterWaiting'> {
  const tokenProperty = request.apiToken?.propertyId
  if (tokenProperty && query.propertyId && query.propertyId !== tokenProperty) {
    throw new HttpError(403, 'Forbidden', 'this token is limited to another property')
  }
  const propertyId = tokenProperty ?? query.propertyId
  return {
    propertyId,
    view: query.view,
    channel: query.channel,
    status: query.status,
    lead: query.lead,
    outletId: query.outletId,
    assignedAgentId: query.assignee === 'me' ? (request.agent?.id ?? 'nobody') : query.assignee,
    queued: query.queued,
    unread: query.unread,
    kind: query.type,
    language: query.language,
    from: parseTime(query.from, 'from'),
    to: parseTime(query.to, 'to'),
    query: query.q === undefined ? undefined : phoneAsE164(app, query.q, propertyId),
    text: query.text,
    now: app.clock(),
  }
}
