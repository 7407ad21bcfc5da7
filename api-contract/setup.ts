import { Type, type Static } from 'typebox'
import { AgentSchema, PasswordSchema } from './agents.js'
import { Name } from './common.js'
import { SyncProgressSchema } from './sync.js'

/** GET /v1/setup */
export const SetupStatusSchema = Type.Object({
  needsSetup: Type.Boolean(),
  joining: Type.Boolean({ description: 'Connected to a central server and filling from it: agents sign in once it is done.' }),
  progress: Type.Union([SyncProgressSchema, Type.Null()]),
})
export type SetupStatus = Static<typeof SetupStatusSchema>

/** POST /v1/setup */
export const SetupBody = Type.Object(
  {
    property: Type.Object(
      {
        name: Name(200),
        defaultCountry: Type.String({ pattern: '^[A-Za-z]{2}$', description: 'Phone numbers without + are read in this country.' }),
        timeZone: Type.String({ minLength: 1, maxLength: 100 }),
      },
      { additionalProperties: false },
    ),
    admin: Type.Object(
      {
        name: Name(200),
        email: Type.String({ minLength: 3, maxLength: 320 }),
        password: PasswordSchema,
      },
      { additionalProperties: false },
    ),
    sampleData: Type.Boolean({ default: false }),
  },
  { additionalProperties: false },
)
export type SetupRequest = Static<typeof SetupBody>

export const SampleDataSchema = Type.Object({
  conversations: Type.Integer(),
  messages: Type.Integer(),
  reservations: Type.Integer(),
  leads: Type.Integer(),
  knowledgeEntries: Type.Integer(),
  templates: Type.Integer(),
})
export type SampleDataSummary = Static<typeof SampleDataSchema>

export const SetupResultSchema = Type.Object({ agent: AgentSchema, sampleData: Type.Union([SampleDataSchema, Type.Null()]) })
export type SetupResult = Static<typeof SetupResultSchema>
