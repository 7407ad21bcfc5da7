import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { MessageSchema, NoteBody } from '../../../api-contract/index.js'
import { HttpError, invalidInput } from '../../../sync-core/http/http-error.js'
import { seesInternalNotes } from '../../domain/scopes.js'
import { IdParams, problemResponses } from './schemas.js'
import { messageView } from './views.js'

/** Internal notes: staff write them in a conversation's chat for staff; they never reach the guest. */
export const noteRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/conversations/:id/notes',
    {
      preHandler: app.requireScope('guest.conversation.write'),
      schema: {
        tags: ['native'],
        summary: 'Write an internal note in the conversation (signed-in staff only): never sent to the guest',
        description:
          'A note shows in the chat of signed-in staff (`internal: true`) and nowhere else: not delivered, not exported, not in the ' +
          "dialects' reads nor to API tokens, not counted in statistics, and it neither answers the guest nor becomes the list's " +
          'preview. `mentions` are the ids of the agents to notify (each an active agent of this desk, else 400). An API token gets 400.',
        params: IdParams,
        body: NoteBody,
        response: { 201: MessageSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      // As notifications: a note belongs to a signed-in staff member, never to an API token (whatever its scopes).
      if (!seesInternalNotes(request) || !request.agent)
        throw new HttpError(400, 'Bad Request', 'internal notes are written by signed-in staff, not by an API token')
      const conversation = app.conversationFor(request, request.params.id)
      const written = await app.notes.write(conversation, request.agent, request.body)
      if (!written.ok) throw invalidInput(written.problems)
      return reply.code(201).send(messageView(written.value, app.store, conversation))
    },
  )
}
