import { Type, type Static } from 'typebox'

/** How long a guest may wait for a reply before the inbox marks the wait amber (warn) and red (late). */
export const ReplyTargetsSchema = Type.Object(
  {
    warnMinutes: Type.Integer({ minimum: 1, maximum: 1440, description: 'From this many minutes of waiting the badge turns amber (default 5).' }),
    lateMinutes: Type.Integer({ minimum: 1, maximum: 1440, description: 'From this many minutes it turns red (default 15); not below warnMinutes.' }),
  },
  { additionalProperties: false },
)
export type ReplyTargets = Static<typeof ReplyTargetsSchema>

export const PropertySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  defaultCountry: Type.String({ description: 'ISO 3166-1 alpha-2; phone numbers without + are read in it.' }),
  timeZone: Type.String(),
  replyTargets: ReplyTargetsSchema,
  createdAt: Type.String({ format: 'date-time' }),
})
export type Property = Static<typeof PropertySchema>
