import { Type, type Static } from 'typebox'
import { Name } from './common.js'

/** GET /v1/settings/llm: the LLM provider the AI agent words its replies with, or null (the built-in agent answers). */
export const LlmProviderSchema = Type.Union([Type.Object({ baseUrl: Type.String(), model: Type.String(), hasApiKey: Type.Boolean() }), Type.Null()])
export type LlmProvider = NonNullable<Static<typeof LlmProviderSchema>>

/** PUT /v1/settings/llm */
export const LlmProviderBody = Type.Object(
  {
    baseUrl: Type.String({ minLength: 1, maxLength: 500, description: 'e.g. http://127.0.0.1:11434/v1' }),
    model: Name(200),
    apiKey: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
  },
  { additionalProperties: false },
)
export type LlmProviderSettings = Static<typeof LlmProviderBody>
