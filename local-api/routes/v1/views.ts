import { UI_LANGUAGE_CODES, type UiLanguage } from '../../../api-contract/index.js'
import type { Agent } from '../../db/agents.js'
import type { Conversation } from '../../db/conversations.js'
import type { HistoryMessage, Message } from '../../db/messages.js'
import type { Reservation } from '../../db/reservations.js'
import type { Store } from '../../db/store.js'
import { senderKind, type SenderKind } from '../../domain/message-sender.js'
import { notDeliverableReason, replyPolicy, type ReplyPolicy, type ReplyRule } from '../../domain/reply-policy.js'
import { conversationStatus } from '../../domain/session-window.js'

const iso = (ms: number) => new Date(ms).toISOString()
const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms))

export function conversationView(conversation: Conversation, now: number) {
  return {
    id: conversation.id,
    propertyId: conversation.propertyId,
    channel: conversation.channel,
    status: conversationStatus(conversation.lastGuestMessageAt, now),
    guest: {
      id: conversation.guestId,
      name: conversation.guestName,
      identity: conversation.identity && { type: conversation.identity.kind, value: conversation.identity.value },
    },
    createdAt: iso(conversation.createdAt),
    lastMessageAt: iso(conversation.lastMessageAt),
    lastMessagePreview: conversation.lastMessagePreview,
    lastMessageDirection: conversation.lastMessageDirection,
    lastMessageBy: conversation.lastMessageBy && senderView(conversation.lastMessageBy.kind, conversation.lastMessageBy.agent),
    lastGuestMessageAt: isoOrNull(conversation.lastGuestMessageAt),
    unreadCount: conversation.unreadCount,
    messageCount: conversation.messageCount,
    lead: conversation.lead && { ...conversation.lead, createdAt: iso(conversation.lead.createdAt) },
    source: {
      channelAccount: conversation.channelAccount,
      onsiteContact: conversation.onsiteContact,
      outlet: conversation.outlet,
      orderCode: conversation.orderCode,
    },
    mode: conversation.mode,
    type: conversation.kind,
    persona: conversation.persona,
    insight: conversation.insight && {
      intent: conversation.insight.intent,
      persona: conversation.insight.persona,
      dates: conversation.insight.dates,
      captured: conversation.insight.captured,
    },
    routing: { queueState: conversation.queueState, assignedAgentId: conversation.assignedAgentId },
    language: conversation.language,
    state: conversation.state,
    snoozedUntil: isoOrNull(conversation.snoozedUntil),
    waitingSince: isoOrNull(conversation.waitingSince),
    replyPolicy: replyPolicyView(replyPolicy(conversation, now)),
  }
}

const ruleView = ({ canReply, templatesOnly, reason }: ReplyRule) => ({ canReply, templatesOnly, reason })

function replyPolicyView(policy: ReplyPolicy) {
  return { ...ruleView(policy), windowEndsAt: isoOrNull(policy.windowEndsAt), afterWindow: ruleView(policy.afterWindow) }
}

/**
 * A message for the native API; with the store, an outbound one also says how its delivery stands
 * (read with the message when it is a HistoryMessage; its conversation, when given, spares a lookup).
 */
export function messageView(message: Message | HistoryMessage, store?: Store, conversation?: Pick<Conversation, 'id' | 'channel'>) {
  return {
    id: message.id,
    conversationId: message.conversationId,
    externalId: message.externalId,
    direction: message.direction,
    content: message.content,
    status: message.status,
    sender: messageSender(message),
    agentTools: message.meta?.tools ?? [],
    replyLatencyMs: message.meta?.latencyMs ?? null,
    original: message.meta?.original ?? null,
    internal: message.internal,
    // A note names a few agents: each looked up by key (a removed one keeps its id, no name).
    mentions: message.mentions.map((id) => ({ id, name: store?.agents.get(id)?.name ?? '' })),
    delivery: store && message.direction === 'out' ? deliveryView(message, store, conversation) : null,
    createdAt: iso(message.createdAt),
    receivedAt: iso(message.receivedAt),
  }
}

function deliveryView(message: Message | HistoryMessage, store: Store, conversation?: Pick<Conversation, 'id' | 'channel'>) {
  const entry = 'outbox' in message ? message.outbox : store.outbox.get(message.id)
  if (entry) return { state: entry.state, attempts: entry.attempts, lastError: entry.lastError, notDeliverable: null }
  if (message.status !== 'not_deliverable') return null
  // Not deliverable and never queued: the channel has no reply channel, or had no webhook then.
  const channel = (conversation?.id === message.conversationId ? conversation.channel : store.conversations.get(message.conversationId)?.channel) ?? ''
  return { state: 'not_deliverable' as const, attempts: 0, lastError: null, notDeliverable: notDeliverableReason(channel, false)! }
}

function messageSender(message: Message) {
  return senderView(senderKind(message), message.senderAgent)
}

/** Who wrote a message, as the native API names it (a message's sender, a list row's last message). */
function senderView(kind: SenderKind, agent: { id: string; name: string } | null) {
  if (kind === 'agent' && agent) return { type: 'agent' as const, agentId: agent.id, name: agent.name }
  return { type: kind === 'ai-agent' ? ('bot' as const) : kind === 'agent' ? ('property' as const) : kind, agentId: null, name: null }
}

/** A language another desk's newer version synced that this one does not speak reads as none chosen. */
const uiLanguageOf = (language: string | null): UiLanguage | null =>
  (UI_LANGUAGE_CODES as readonly string[]).includes(language ?? '') ? (language as UiLanguage) : null

export function agentView(agent: Agent) {
  return {
    id: agent.id,
    name: agent.name,
    email: agent.email,
    role: agent.role,
    active: agent.active,
    uiLanguage: uiLanguageOf(agent.uiLanguage),
    createdAt: iso(agent.createdAt),
  }
}

export function reservationView(reservation: Reservation) {
  return {
    id: reservation.id,
    propertyId: reservation.propertyId,
    confirmationNumber: reservation.confirmationNumber,
    guestId: reservation.guestId,
    firstName: reservation.firstName,
    lastName: reservation.lastName,
    phone: reservation.phone,
    email: reservation.email,
    language: reservation.language,
    arrival: reservation.arrival,
    departure: reservation.departure,
    room: reservation.room,
    status: reservation.status,
    createdAt: iso(reservation.createdAt),
    updatedAt: iso(reservation.updatedAt),
  }
}

/** Opaque keyset cursors: base64url of the last row's sort key. */
export function encodeCursor(key: { at: number; id: string }): string {
  return Buffer.from(`${key.at}:${key.id}`).toString('base64url')
}

export function decodeCursor(cursor: string): { at: number; id: string } | undefined {
  const text = Buffer.from(cursor, 'base64url').toString()
  const separator = text.indexOf(':')
  const at = Number(text.slice(0, separator))
  const id = text.slice(separator + 1)
  return separator > 0 && Number.isSafeInteger(at) && id !== '' ? { at, id } : undefined
}
