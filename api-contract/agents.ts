import { Type, type Static } from 'typebox'
import { IsoDateTime, Name, Nullable } from './common.js'

/** Shorter passwords are refused before any estimate: ten characters is two short words and a digit. */
export const MIN_PASSWORD_LENGTH = 10
export type MinPasswordLength = typeof MIN_PASSWORD_LENGTH

export const AgentRoleSchema = Type.Enum(['agent', 'admin'])
export type AgentRole = Static<typeof AgentRoleSchema>

export const PasswordSchema = Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 1000 })

/** The languages the inbox speaks (renderer/i18n/languages.ts names them). */
export const UI_LANGUAGE_CODES = ['en', 'de', 'fr', 'it', 'es', 'zh-Hant'] as const
export const UiLanguageSchema = Type.Enum(UI_LANGUAGE_CODES, { description: "A language of the inbox's own words." })
export type UiLanguage = Static<typeof UiLanguageSchema>

export const AgentSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  email: Type.String(),
  role: AgentRoleSchema,
  active: Type.Boolean(),
  uiLanguage: Type.Union([UiLanguageSchema, Type.Null()], { description: "The language the agent chose for the inbox; null: their browser's." }),
  createdAt: IsoDateTime,
})
export type Agent = Static<typeof AgentSchema>

/** An agent as admins see it: with its failed sign-ins and lockout (others get neither field). */
export const AgentWithSignInSchema = Type.Object({
  ...AgentSchema.properties,
  failedSignIns: Type.Optional(Type.Integer({ minimum: 0, description: 'Failed sign-ins in the last 15 minutes (admins only).' })),
  lockedUntil: Type.Optional(Nullable(IsoDateTime)),
})
/** An agent in GET /v1/agents: admins also get its failed sign-ins and lockout. */
export type ListedAgent = Static<typeof AgentWithSignInSchema>

/** POST /v1/agents */
export const NewAgentBody = Type.Object(
  { name: Name(200), email: Type.String({ minLength: 3, maxLength: 320 }), password: PasswordSchema, role: AgentRoleSchema },
  { additionalProperties: false },
)
export type NewAgent = Static<typeof NewAgentBody>

/** PATCH /v1/agents/:id */
export const AgentChangesBody = Type.Object(
  {
    name: Type.Optional(Name(200)),
    role: Type.Optional(AgentRoleSchema),
    active: Type.Optional(Type.Boolean()),
    password: Type.Optional(PasswordSchema),
  },
  { additionalProperties: false, minProperties: 1 },
)
export type AgentChanges = Static<typeof AgentChangesBody>
