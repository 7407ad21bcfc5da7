import { Type, type Static } from 'typebox'
import { IsoDateTime, Name, Nullable } from './common.js'

export const SCOPES = ['guest.conversation.write', 'guest.conversation.read', 'reservation.write', 'reservation.read', 'admin'] as const
export type Scope = (typeof SCOPES)[number]

/** A token as listed: never its secret, nor the secret's hash. */
export const ApiTokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  scopes: Type.Array(Type.Enum([...SCOPES])),
  propertyId: Type.Union([Type.String(), Type.Null()], { description: 'The property it is bound to, or null for every property.' }),
  createdAt: IsoDateTime,
  lastUsedAt: Type.Union([IsoDateTime, Type.Null()], { description: 'When it was last presented, to the minute.' }),
  revokedAt: Nullable(IsoDateTime),
})
export type ApiToken = Static<typeof ApiTokenSchema>

/** POST /v1/tokens */
export const NewApiTokenBody = Type.Object(
  {
    name: Name(100),
    scopes: Type.Array(Type.Enum([...SCOPES]), { minItems: 1, maxItems: SCOPES.length, uniqueItems: true }),
    propertyId: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()])),
  },
  { additionalProperties: false },
)
export type NewApiToken = Static<typeof NewApiTokenBody>

/** The created token: the answer carries its secret, shown this once. */
export const CreatedApiTokenSchema = Type.Object({
  ...ApiTokenSchema.properties,
  token: Type.String({ description: 'The secret: send it as a Bearer token. Not shown again.' }),
})
export type CreatedApiToken = Static<typeof CreatedApiTokenSchema>
