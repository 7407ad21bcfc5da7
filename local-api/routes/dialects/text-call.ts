import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyError } from 'fastify'
import { Type } from 'typebox'
import { NonBlankString } from '../../../api-contract/index.js'
import { HttpError, invalidInput } from '../../../sync-core/http/http-error.js'
import { normalizeError } from '../../../sync-core/http/problem-errors.js'
import { deskErrorAnswer } from '../../plugins/desk-errors.js'
import type { Problem } from '../../services/problems.js'

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Optional(Type.Union([schema, Type.Null()]))

const TextCallBody = Type.Object(
  {
    identifier_type: Nullable(Type.Enum(['contact_id', 'onsite_contact_id', 'onsite_contact_sn'])),
    identifier: Nullable(Type.String({ maxLength: 200 })),
    message: NonBlankString(5000),
    should_enter_queue: Nullable(Type.Boolean()),
    assignee_id: Nullable(Type.String({ minLength: 1, maxLength: 100, description: 'An agent (agt_…).' })),
    interact_collection_data: Nullable(
      Type.Object(
        {
          memo: Nullable(Type.String({ maxLength: 10_000 })),
          cz_cols: Nullable(
            Type.Array(Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }), value: Type.String({ maxLength: 2000 }) }), { maxItems: 200 }),
          ),
        },
        { description: "The conversation's service record: a memo and values of the property's custom fields (cf_…)." },
      ),
    ),
  },
  { additionalProperties: false },
)

const Accepted = Type.Object({
  data: Type.Object({
    conversation_id: Type.String(),
    message_id: Type.String(),
    contact_id: Type.Union([Type.String(), Type.Null()], { description: 'The guest profile (gst_…) of the onsite contact, if known.' }),
    onsite_contact_id: Type.String(),
    status: Type.Enum(['queued', 'manual'], { description: 'queued: in the transfer queue; manual: waiting for manual pickup.' }),
  }),
})
const Failure = Type.Object({ message: Type.String(), errors: Type.Optional(Type.Record(Type.String(), Type.Array(Type.String()))) })

/** The text-call service's fields as this vendor calls them. */
function vendorFieldName({ field }: Problem): string {
  if (field === 'identifierType') return 'identifier_type'
  if (field === 'assigneeId') return 'assignee_id'
  return field.replace(/^collection\.values\./, 'interact_collection_data.cz_cols.')
}

/**
 * Dialect 2: a text call from an online/offline channel account. Errors in this vendor's shape:
 * `{ message }`, and 422 `{ message, errors: { field: [reasons] } }` for anything invalid.
 */
export const textCallRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const normalized = normalizeError(error, request, deskErrorAnswer)
    // Field problems, found by the schema or by the service: this vendor's 422.
    if (error.validation || (normalized.status === 400 && normalized.errors?.length)) {
      const errors: Record<string, string[]> = {}
      for (const problem of normalized.errors ?? []) (errors[problem.field] ??= []).push(problem.message)
      return reply.code(422).send({ message: 'The given data was invalid.', errors })
    }
    return reply.code(normalized.status).send({ message: normalized.detail })
  })

  app.post(
    '/:onsite_account/text-call',
    {
      preHandler: app.requireScope('guest.conversation.write'),
      schema: {
        tags: ['text-call'],
        summary: 'A text call from a channel account: adds exactly one guest message',
        description:
          'identifier_type null: a new onsite contact. onsite_contact_sn: found, or created with that sn. contact_id (a guest ' +
          'profile): its onsite contact on this account, created if missing. Unknown contact_id or onsite_contact_id, an ' +
          'assignee_id that names no agent, or an unknown custom field id: 422. should_enter_queue true puts the conversation ' +
          'in the transfer queue (routed to assignee_id if given); false/null leaves it for manual pickup.',
        params: Type.Object({ onsite_account: Type.String({ minLength: 1, maxLength: 100, description: "The channel account's id or code." }) }),
        body: TextCallBody,
        response: { 200: Accepted, 400: Failure, 401: Failure, 403: Failure, 404: Failure, 422: Failure },
      },
    },
    async (request) => {
      const account = app.channelAccounts.find(request.params.onsite_account, request.apiToken?.propertyId)
      if (!account) throw new HttpError(404, 'Not Found', `no onsite account has the id or code ${request.params.onsite_account}`)
      const body = request.body
      const collection = body.interact_collection_data
      const outcome = await app.textCalls.accept({
        account,
        identifierType: body.identifier_type ?? null,
        // An identifier of spaces names nobody: it counts as missing (and a padded one is trimmed).
        identifier: body.identifier?.trim() || null,
        message: body.message,
        shouldEnterQueue: body.should_enter_queue ?? null,
        assigneeId: body.assignee_id ?? null,
        collection: collection ? { memo: collection.memo, values: collection.cz_cols ?? [] } : null,
      })
      if (!outcome.ok) throw invalidInput(outcome.problems, vendorFieldName)
      const { conversationId, messageId, contactId, onsiteContactId, status } = outcome.value
      return { data: { conversation_id: conversationId, message_id: messageId, contact_id: contactId, onsite_contact_id: onsiteContactId, status } }
    },
  )
}
