import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyError } from 'fastify'
import { Type } from 'typebox'
import type { Conversation } from '../../db/conversations.js'
import type { Message } from '../../db/messages.js'
import { normalizePhone } from '../../domain/identity.js'
import { HttpError } from '../../../sync-core/http/http-error.js'
import { normalizeError } from '../../../sync-core/http/problem-errors.js'
import { senderKind, type SenderKind } from '../../domain/message-sender.js'
import { deskErrorAnswer } from '../../plugins/desk-errors.js'

const Failure = Type.Object({ message: Type.String() })
const failures = { 400: Failure, 401: Failure, 403: Failure, 404: Failure }

type VendorType = 'text' | 'quick_reply' | 'response' | 'image' | 'file' | 'location' | 'contact'

const Item = Type.Object({
  _id: Type.String(),
  doc_name: Type.Literal('message'),
  public_id: Type.String(),
  organization_id: Type.String({ description: 'The property (prop_…).' }),
  business_unit_id: Type.String({ description: 'The channel account, else the outlet, else the property.' }),
  conversation_id: Type.String(),
  from: Type.Enum(['guest', 'agent', 'property'], { description: 'guest; agent: a staff reply from the inbox; property: sent by a local system or bot.' }),
  type: Type.Enum(['text', 'quick_reply', 'response', 'image', 'file', 'location', 'contact']),
  content: Type.Record(Type.String(), Type.Unknown()),
  created_at: Type.String({ format: 'date-time' }),
  updated_at: Type.String({ format: 'date-time' }),
})

/** Our message content in this vendor's shape: snake_case, email as text with is_mail. */
/** This vendor knows no AI sender: the desk's AI agent speaks as the property. */
const vendorSender = (kind: SenderKind) => (kind === 'ai-agent' ? ('property' as const) : kind)

function vendorContent(message: Message): { type: VendorType; content: Record<string, unknown> } {
  const content = message.content
  switch (content.type) {
    case 'text':
      return { type: 'text', content: { text: content.text, is_mail: content.isMail ?? false } }
    case 'email':
      return { type: 'text', content: { text: [content.subject, content.body].filter(Boolean).join('\n\n'), is_mail: true, subject: content.subject } }
    case 'quick_reply':
      return { type: 'quick_reply', content: { text: content.text, payload: content.payload ?? null } }
    case 'response':
      return {
        type: 'response',
        content: { text: content.text, quick_replies: content.quickReplies.map((o) => ({ title: o.title, payload: o.payload ?? null })) },
      }
    case 'image':
      return { type: 'image', content: { url: content.url, caption: content.caption ?? null, mime_type: content.mimeType ?? null, size: content.size ?? null } }
    case 'file':
      return { type: 'file', content: { url: content.url, name: content.name, mime_type: content.mimeType ?? null, size: content.size ?? null } }
    case 'location':
      return {
        type: 'location',
        content: { latitude: content.latitude, longitude: content.longitude, name: content.name ?? null, address: content.address ?? null },
      }
    case 'contact':
      return { type: 'contact', content: { name: content.name, phone: content.phone ?? null, email: content.email ?? null } }
  }
}

/** Dialect 4: third-party reads of conversations, with `x-access-token` and `{ message }` errors. */
export const thirdPartyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const normalized = normalizeError(error, request, deskErrorAnswer)
    return reply.code(normalized.status).send({ message: normalized.detail })
  })

  app.get(
    '/conversations/:conversation_id/messages',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['third-party'],
        summary: "A conversation's messages, newest first",
        description: '`count`: messages in the conversation; `total`: items in this page; `has_more`: older messages remain.',
        params: Type.Object({ conversation_id: Type.String({ minLength: 1, maxLength: 100 }) }),
        querystring: Type.Object({
          limit: Type.Integer({ minimum: 1, maximum: 100, default: 10 }),
          skip: Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 }),
        }),
        response: {
          200: Type.Object({ items: Type.Array(Item), count: Type.Integer(), total: Type.Integer(), has_more: Type.Boolean() }),
          ...failures,
        },
      },
    },
    async (request) => {
      const conversation = app.conversationFor(request, request.params.conversation_id)
      const { limit, skip } = request.query
      const count = app.store.messages.count(conversation.id)
      const items = app.store.messages.pageNewestFirstFrom(conversation.id, limit, skip).map((message) => ({
        _id: message.id,
        doc_name: 'message' as const,
        public_id: message.externalId ?? message.id,
        organization_id: conversation.propertyId,
        business_unit_id: conversation.channelAccount?.id ?? conversation.outlet?.id ?? conversation.propertyId,
        conversation_id: conversation.id,
        from: vendorSender(senderKind(message)),
        ...vendorContent(message),
        created_at: new Date(message.createdAt).toISOString(),
        updated_at: new Date(message.receivedAt).toISOString(),
      }))
      return { items, count, total: items.length, has_more: skip + items.length < count }
    },
  )

  app.get(
    '/conversations/links',
    {
      preHandler: app.requireScope('guest.conversation.read'),
      schema: {
        tags: ['third-party'],
        summary: "Links that open each phone number's conversations (and its guest profile's) in the inbox, newest first",
        description: 'One entry per number asked, in order. 404 only when none of the numbers has a conversation.',
        querystring: Type.Object({
          phone_numbers: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 100 })),
          organization_id: Type.Optional(Type.String({ maxLength: 100, description: 'The property (prop_…).' })),
        }),
        response: {
          200: Type.Array(
            Type.Object({
              phone_number: Type.String(),
              conversation_links: Type.Array(Type.Object({ link: Type.String(), created_at: Type.String({ format: 'date-time' }) })),
            }),
          ),
          ...failures,
        },
      },
    },
    async (request) => {
      const { phone_numbers: numbers, organization_id: organizationId } = request.query
      if (!numbers?.length || !organizationId) throw new HttpError(400, 'Bad Request', 'phone_numbers and organization_id are both required')
      const tokenProperty = request.apiToken?.propertyId
      const property = !tokenProperty || tokenProperty === organizationId ? app.store.properties.get(organizationId) : undefined
      // The configured public base URL, never the request's Host (which a rebinding page controls).
      const origin = app.publicUrl()
      const entries = numbers.map((asked) => {
        const phone = property ? normalizePhone(asked, property.defaultCountry) : undefined
        const identity = phone?.ok ? app.store.guests.findIdentity('phone', phone.value) : undefined
        // The number's own conversations, and those of the guest profile the number belongs to.
        const byId = new Map<string, Conversation>()
        if (identity && property) {
          for (const conversation of app.store.conversations.ofIdentity(identity.rowid, property.id)) byId.set(conversation.id, conversation)
          if (identity.guestId) {
            for (const conversation of app.store.conversations.byGuest(identity.guestId)) {
              if (conversation.propertyId === property.id) byId.set(conversation.id, conversation)
            }
          }
        }
        const conversations = [...byId.values()]
        return {
          phone_number: asked,
          conversation_links: [...conversations]
            .sort((a, b) => b.createdAt - a.createdAt)
            .map((conversation) => ({
              link: `${origin}/conversations/${conversation.id}`,
              created_at: new Date(conversation.createdAt).toISOString(),
            })),
        }
      })
      if (entries.every((entry) => entry.conversation_links.length === 0)) {
        throw new HttpError(404, 'Not Found', 'none of these phone numbers has a conversation')
      }
      return entries
    },
  )
}
