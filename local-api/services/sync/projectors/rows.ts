// An entity's merged synced fields as the row its repository writes: what the desks wrote, with
// the defaults a row needs for what none did (a field an older desk does not send). The fields a
// projector needs are checked before (its `missing`); references are resolved by the projector.
import type { Agent, AgentRole } from '../../../db/agents.js'
import type { ConversationEvent, ConversationEventType } from '../../../db/conversation-events.js'
import type { ConversationInsight, ConversationMode, NewConversation, QueueState, SyncedConversationFields } from '../../../db/conversations.js'
import type { Guest } from '../../../db/guests.js'
import type { KnowledgeEntry } from '../../../db/knowledge.js'
import type { Lead, LeadStatus } from '../../../db/leads.js'
import type { Property } from '../../../db/properties.js'
import type { Reservation, ReservationStatus } from '../../../db/reservations.js'
import type { Template, TemplateApproval } from '../../../db/templates.js'
import type { Channel } from '../../../domain/channels.js'
import type { ConversationState } from '../../../domain/conversation-state.js'
import type { ConversationKind, Persona } from '../../../domain/insight/profile.js'
import type { Fields } from './context.js'

const text = (value: unknown) => (value === undefined || value === null ? null : String(value))
/** A field the projector checked is given, or a reference it resolved: passed on as it is. */
const as = <T>(value: unknown) => value as T
const createdAt = (f: Fields) => as<number>(f.createdAt ?? 0)
const updatedAt = (f: Fields) => as<number>(f.updatedAt ?? f.createdAt ?? 0)

export const propertyRow = (id: string, f: Fields): Property => ({
  id,
  name: as<string>(text(f.name)),
  defaultCountry: as<string>(text(f.defaultCountry)),
  timeZone: text(f.timeZone) ?? 'UTC',
  createdAt: createdAt(f),
})

export const agentRow = (id: string, f: Fields): Agent & { passwordHash: string } => ({
  id,
  name: as<string>(text(f.name)),
  email: as<string>(text(f.email)),
  role: as<AgentRole>(text(f.role) ?? 'agent'),
  active: f.active !== false,
  // An agent from a desk that sends no hash cannot sign in here until one comes.
  passwordHash: text(f.passwordHash) ?? '!',
  uiLanguage: text(f.uiLanguage),
  createdAt: createdAt(f),
  updatedAt: updatedAt(f),
})

export const guestRow = (id: string, f: Fields): Guest => ({
  id,
  firstName: text(f.firstName),
  lastName: text(f.lastName),
  language: text(f.language),
  createdAt: createdAt(f),
  updatedAt: updatedAt(f),
})

/** A conversation's row as it is made (what another desk sets on it follows: `conversationFields`). */
export const newConversation = (id: string, f: Fields, identityRowid: number | null): NewConversation => ({
  id,
  propertyId: as<string>(f.propertyId),
  channel: as<Channel>(f.channel),
  identityRowid,
  guestId: as<string | null>(f.guestId ?? null),
  createdAt: createdAt(f),
})

export const conversationFields = (f: Fields): SyncedConversationFields => ({
  guestId: as<string | null>(f.guestId ?? null),
  mode: as<ConversationMode>(f.mode ?? 'ai'),
  queueState: as<QueueState | null>(f.queueState ?? null),
  assignedAgentId: as<string | null>(f.assignedAgentId ?? null),
  kind: as<ConversationKind | null>(f.kind ?? null),
  persona: as<Persona | null>(f.persona ?? null),
  insight: as<ConversationInsight | null>(f.insight ?? null),
  orderCode: as<string | null>(f.orderCode ?? null),
  // Ops from before conversation states leave it open.
  state: as<ConversationState>(f.state ?? 'open'),
  snoozedUntil: f.state === 'snoozed' ? as<number | null>(f.snoozedUntil ?? null) : null,
  language: text(f.language),
})

export const reservationRow = (id: string, f: Fields): Reservation => ({
  id,
  propertyId: as<string>(f.propertyId),
  confirmationNumber: as<string>(f.confirmationNumber),
  guestId: as<string>(f.guestId),
  firstName: text(f.firstName),
  lastName: text(f.lastName),
  phone: text(f.phone),
  email: text(f.email),
  language: text(f.language),
  arrival: as<string>(f.arrival),
  departure: as<string>(f.departure),
  room: text(f.room),
  status: as<ReservationStatus>(f.status ?? 'confirmed'),
  createdAt: createdAt(f),
  updatedAt: updatedAt(f),
})

/** `shortcut`: the one it holds here (two templates of a property may have wanted one). */
export const templateRow = (id: string, f: Fields, shortcut: string): Template => ({
  id,
  propertyId: as<string>(f.propertyId),
  name: as<string>(text(f.name)),
  shortcut,
  body: text(f.body) ?? '',
  language: text(f.language) ?? 'en',
  channel: as<Channel | null>(f.channel ?? null),
  approval: as<TemplateApproval | null>(f.approval ?? null),
  createdAt: createdAt(f),
  updatedAt: updatedAt(f),
})

export const knowledgeEntryRow = (id: string, f: Fields): KnowledgeEntry => ({
  id,
  propertyId: as<string>(f.propertyId),
  question: text(f.question) ?? '',
  answer: text(f.answer) ?? '',
  tags: text(f.tags) ?? '',
  language: text(f.language) ?? 'en',
  phrasings: Array.isArray(f.phrasings) ? f.phrasings.filter((p): p is string => typeof p === 'string') : [],
  answers: isStringRecord(f.answers) ? f.answers : {},
  createdAt: createdAt(f),
  updatedAt: updatedAt(f),
})

const isStringRecord = (value: unknown): value is Record<string, string> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((v) => typeof v === 'string')

export const leadRow = (id: string, f: Fields): Lead => ({
  id,
  conversationId: as<string>(f.conversationId),
  guestId: as<string | null>(f.guestId ?? null),
  status: as<LeadStatus>(f.status ?? 'new'),
  notes: text(f.notes) ?? '',
  createdByAgentId: as<string | null>(f.createdByAgentId ?? null),
  reservationId: as<string | null>(f.reservationId ?? null),
  createdAt: createdAt(f),
  updatedAt: updatedAt(f),
})

export const conversationEventRow = (id: string, f: Fields): Omit<ConversationEvent, 'agentName'> => ({
  id,
  conversationId: as<string>(f.conversationId),
  type: as<ConversationEventType>(f.type),
  agentId: as<string | null>(f.agentId ?? null),
  data: as<Record<string, unknown>>(f.data ?? {}),
  createdAt: createdAt(f),
})
