import { Type, type Static } from 'typebox'
import { ChannelSchema } from './channels.js'
import { IsoDateTime, Name } from './common.js'

export const ChannelAccountSchema = Type.Object({
  id: Type.String(),
  propertyId: Type.String(),
  channel: ChannelSchema,
  code: Type.String({ description: 'What the text-call path may name the account by, instead of its id.' }),
  name: Type.String(),
  webhookUrl: Type.Union([Type.String(), Type.Null()], { description: 'Where replies in its conversations are POSTed (signed JSON).' }),
  hasWebhookSecret: Type.Boolean({ description: 'The secret itself is never shown again.' }),
  createdAt: IsoDateTime,
})
export type ChannelAccount = Static<typeof ChannelAccountSchema>

const WebhookUrl = Type.Union([Type.String({ maxLength: 2000, pattern: '^https?://', description: 'http(s) address' }), Type.Null()])
const WebhookSecret = Type.Union([
  Type.String({ minLength: 16, maxLength: 200, description: 'At least 16 characters; signs every webhook call.' }),
  Type.Null(),
])
const Code = Type.String({ minLength: 1, maxLength: 50, pattern: '^[A-Za-z0-9_.-]+$' })

/** POST /v1/channel-accounts */
export const NewChannelAccountBody = Type.Object(
  {
    propertyId: Type.Optional(Type.String({ maxLength: 100, description: 'Defaults to the first property.' })),
    channel: ChannelSchema,
    code: Code,
    name: Name(200),
    webhookUrl: Type.Optional(WebhookUrl),
    webhookSecret: Type.Optional(WebhookSecret),
  },
  { additionalProperties: false },
)

/** PATCH /v1/channel-accounts/:id */
export const ChannelAccountChangesBody = Type.Object(
  {
    channel: Type.Optional(ChannelSchema),
    code: Type.Optional(Code),
    name: Type.Optional(Name(200)),
    webhookUrl: Type.Optional(WebhookUrl),
    webhookSecret: Type.Optional(WebhookSecret),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type ChannelAccountChanges = Static<typeof ChannelAccountChangesBody>
