import { Type, type Static } from 'typebox'
import { AgentSchema, PasswordSchema, UiLanguageSchema } from './agents.js'

/** POST /v1/session */
export const SignInBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 320 }), password: Type.String({ minLength: 1, maxLength: 1000 }) },
  { additionalProperties: false },
)
export type SignIn = Static<typeof SignInBody>

/** GET and POST /v1/session: the signed-in agent. */
export const SessionSchema = Type.Object({ agent: AgentSchema })
export type Session = Static<typeof SessionSchema>

/** PUT /v1/session/password: the signed-in agent changes their own password. */
export const OwnPasswordChangeBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: 1000 }), newPassword: PasswordSchema },
  { additionalProperties: false },
)
export type OwnPasswordChange = Static<typeof OwnPasswordChangeBody>

/** PUT /v1/session/language: the signed-in agent's language for the inbox (null: their browser's), remembered with the agent. */
export const OwnUiLanguageBody = Type.Object({ uiLanguage: Type.Union([UiLanguageSchema, Type.Null()]) }, { additionalProperties: false })
export type OwnUiLanguage = Static<typeof OwnUiLanguageBody>
