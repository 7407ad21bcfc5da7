import type { Store } from '../db/store.js'
import type { DeskHours } from '../domain/handover-message.js'
import type { EmbeddingsProvider } from './embeddings-client.js'
import { DEFAULT_THRESHOLDS, type RetrievalThresholds } from '../domain/retrieval/retrieve.js'

/** How sure the agent must be to answer or suggest, and what it tells a guest it hands over: per property. */
export interface AgentSettings {
  thresholds: RetrievalThresholds
  /** The property's own handover words by language; the product's defaults fill the others. */
  handoverMessages: Record<string, string>
  /** When the front desk is staffed (a handover outside them says so); null: around the clock. */
  deskHours: DeskHours | null
  /** An OpenAI-compatible embeddings endpoint for semantic retrieval beside the lexical one; null: offline, lexical only. */
  embeddings: EmbeddingsProvider | null
  /** How long the guest stays quiet after the agent's own answer before the conversation resolves itself; null: never. */
  autoResolveMinutes: number | null
  /** How often staff are reminded of a queued or handed-over conversation whose guest waits; null: never. */
  waitingReminderMinutes: number | null
}

/** A day: the guest has gone quiet, and the conversation leaves Open without anyone's work. */
export const DEFAULT_AUTO_RESOLVE_MINUTES = 24 * 60
/** Every five minutes while a guest waits in the queue or after a handover. */
export const DEFAULT_WAITING_REMINDER_MINUTES = 5

const keyOf = (propertyId: string) => `ai.agent.${propertyId}`

/** The property's agent settings, the safe defaults where it has none. */
export function agentSettingsOf(store: Store, propertyId: string): AgentSettings {
  const own = store.settings.get<Partial<AgentSettings>>(keyOf(propertyId)) ?? {}
  return {
    thresholds: { ...DEFAULT_THRESHOLDS, ...own.thresholds },
    handoverMessages: { ...own.handoverMessages },
    deskHours: own.deskHours ?? null,
    embeddings: own.embeddings ?? null,
    autoResolveMinutes: own.autoResolveMinutes === undefined ? DEFAULT_AUTO_RESOLVE_MINUTES : own.autoResolveMinutes,
    waitingReminderMinutes: own.waitingReminderMinutes === undefined ? DEFAULT_WAITING_REMINDER_MINUTES : own.waitingReminderMinutes,
  }
}

export function saveAgentSettings(store: Store, propertyId: string, changes: Partial<AgentSettings>): AgentSettings {
  const next = { ...agentSettingsOf(store, propertyId), ...changes }
  store.settings.put(keyOf(propertyId), next)
  return next
}
