import { Type, type Static } from 'typebox'

const Reason = Type.Object({
  code: Type.Union(
    [
      Type.Literal('store-damaged'),
      Type.Literal('disk-full'),
      Type.Literal('read-only'),
      Type.Literal('storage-unavailable'),
      Type.Literal('outbox-stuck'),
      Type.Literal('outbox-failing'),
      Type.Literal('backup-failed'),
    ],
    { description: 'What is wrong.' },
  ),
  detail: Type.String({ description: 'In words, with what to do.' }),
  since: Type.String({ description: 'Since when (ISO 8601).' }),
})

export const BackgroundFailureSchema = Type.Object({
  worker: Type.Union(
    [
      Type.Literal('ai-agent'),
      Type.Literal('delivery'),
      Type.Literal('insight'),
      Type.Literal('sync'),
      Type.Literal('statistics'),
      Type.Literal('translation'),
    ],
    {
      description: 'The background work that failed.',
    },
  ),
  failures: Type.Integer({ description: 'How often it failed in the last 24 hours.' }),
  lastAt: Type.String({ description: 'When it last failed (ISO 8601).' }),
  reason: Type.String({ description: 'What failed, in short.' }),
  detail: Type.String({ description: "Which conversation and message, and the error's words." }),
})
/** Background work (AI agent, delivery, insight, sync, counting statistics) that failed in the last 24 hours. */
export type BackgroundFailure = Static<typeof BackgroundFailureSchema>

/** GET /v1/health */
export const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  reasons: Type.Array(Reason),
  background: Type.Array(BackgroundFailureSchema),
  schemaVersion: Type.Integer(),
  time: Type.String(),
})
export type Health = Static<typeof HealthSchema>
