import { Type, type Static } from 'typebox'
import { Name, NonBlankString } from './common.js'

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

const Threshold = Type.Number({ minimum: 0, maximum: 1 })
const HandoverMessages = Type.Record(Type.String({ pattern: '^[a-z]{2,3}$' }), NonBlankString(1000), {
  maxProperties: 30,
  additionalProperties: false,
  description: 'What a guest is told on a handover, by language ({"de": "…"}); the product has words for en, de, fr, it, es.',
})

const AutoResolveMinutes = Type.Union([Type.Integer({ minimum: 1, maximum: 43_200 }), Type.Null()], {
  description:
    "Minutes the guest stays quiet after the AI agent's own answer (no handover, no staff reply) before the conversation resolves itself; null: never. Default 1440 (a day).",
})
const WaitingReminderMinutes = Type.Union([Type.Integer({ minimum: 1, maximum: 1440 }), Type.Null()], {
  description: 'Minutes between reminders to staff while a guest waits in a queued or handed-over conversation; null: no reminders. Default 5.',
})

const ClockTime = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$', description: 'HH:MM' })
const DeskHours = Type.Object({ opens: ClockTime, closes: ClockTime }, { additionalProperties: false })

/** GET /v1/settings/agent: how sure the AI agent must be to answer (high) or to suggest a reply to staff (medium), and its handover words. */
export const AgentSettingsSchema = Type.Object({
  propertyId: Type.String(),
  thresholds: Type.Object({
    high: Threshold,
    medium: Threshold,
    minGap: Type.Number({ minimum: 0, maximum: 1, description: 'How far the best entry must be ahead of the next to answer.' }),
  }),
  handoverMessages: HandoverMessages,
  deskHours: Type.Union([DeskHours, Type.Null()], { description: "When the front desk is staffed, in the property's time zone; null: around the clock." }),
  embeddings: Type.Union([Type.Object({ baseUrl: Type.String(), model: Type.String(), hasApiKey: Type.Boolean() }), Type.Null()], {
    description: 'The OpenAI-compatible embeddings endpoint for semantic retrieval beside the lexical one; null: lexical only (offline).',
  }),
  autoResolveMinutes: AutoResolveMinutes,
  waitingReminderMinutes: WaitingReminderMinutes,
})
export type AgentSettingsView = Static<typeof AgentSettingsSchema>

/** PUT /v1/settings/agent */
export const AgentSettingsBody = Type.Object(
  {
    propertyId: Type.Optional(Type.String({ maxLength: 100 })),
    thresholds: Type.Optional(
      Type.Object({ high: Type.Optional(Threshold), medium: Type.Optional(Threshold), minGap: Type.Optional(Threshold) }, { additionalProperties: false }),
    ),
    handoverMessages: Type.Optional(HandoverMessages),
    deskHours: Type.Optional(Type.Union([DeskHours, Type.Null()])),
    embeddings: Type.Optional(
      Type.Union([
        Type.Object(
          {
            baseUrl: Type.String({ minLength: 1, maxLength: 500, description: 'e.g. http://192.168.1.20:11434/v1' }),
            model: Name(200),
            apiKey: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ]),
    ),
    autoResolveMinutes: Type.Optional(AutoResolveMinutes),
    waitingReminderMinutes: Type.Optional(WaitingReminderMinutes),
  },
  { additionalProperties: false },
)
export type AgentSettingsChanges = Static<typeof AgentSettingsBody>
