import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { notFound, HttpError } from '../../../sync-core/http/http-error.js'
import { MAX_ATTACHMENT_BYTES } from '../../services/attachments.js'
import { IdParams, problemResponses } from './schemas.js'

/** Images shown inline in the chat; every other type is served as a download. */
const INLINE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif'])

const AttachmentSchema = Type.Object({
  id: Type.String(),
  url: Type.String({ description: "Use it as an image or file message's url." }),
  name: Type.String(),
  mimeType: Type.String(),
  size: Type.Integer(),
})

/** Files stored in the data dir, for image and file messages. */
export const attachmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // The upload's body is the file itself, whatever its type.
  app.removeAllContentTypeParsers()
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_ATTACHMENT_BYTES }, (_request, body, done) => done(null, body))

  app.post(
    '/attachments',
    {
      preHandler: app.requireScope('guest.conversation.write'),
      bodyLimit: MAX_ATTACHMENT_BYTES,
      schema: {
        tags: ['native'],
        summary: `Store a file (the request body, up to ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MiB) for image and file messages of the token's property`,
        querystring: Type.Object({ name: Type.String({ minLength: 1, maxLength: 255, pattern: '^[^/\\\\]+$', description: 'The file name to show.' }) }),
        response: { 201: AttachmentSchema, ...problemResponses },
      },
    },
    async (request, reply) => {
      const bytes = request.body
      if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw new HttpError(400, 'Bad Request', 'the request body (the file) is empty')
      const mimeType = (request.headers['content-type'] ?? 'application/octet-stream').split(';')[0]!.trim().toLowerCase() || 'application/octet-stream'
      const attachment = app.attachments.save(bytes, request.query.name, mimeType, request.apiToken?.propertyId ?? null)
      return reply.code(201).send({ id: attachment.id, url: `/v1/attachments/${attachment.id}`, name: attachment.name, mimeType, size: attachment.size })
    },
  )

  app.get(
    '/attachments/:id',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['native'],
        summary: "A stored file (images inline, everything else as a download); a property-bound token gets only its property's files",
        params: IdParams,
      },
    },
    async (request, reply) => {
      // A property-bound token finds only its own property's files; another's are not there (404).
      const attachment = app.attachments.visibleTo(request.params.id, request.apiToken?.propertyId ?? null)
      if (!attachment) throw notFound('attachment', request.params.id)
      const inline = INLINE_TYPES.has(attachment.mimeType)
      return reply
        .header('content-type', inline ? attachment.mimeType : 'application/octet-stream')
        .header('content-length', attachment.size)
        .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(attachment.name)}`)
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=31536000, immutable')
        .send(app.attachments.open(attachment))
    },
  )
}
