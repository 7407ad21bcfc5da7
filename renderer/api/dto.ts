/**
 * The shapes the inbox reads from and sends to the local API's native /v1 routes (the one shared
 * DTO module: the renderer imports nothing from local-api/). Times are ISO 8601 strings.
 * The server's TypeBox schemas (local-api/routes/v1/schemas.ts) are the source of truth;
 * test/unit/dto-contract.test.ts has the compiler check these types against them.
 */

export type Channel = 'web_chat' | 'phone' | 'whatsapp' | 'facebook' | 'instagram' | 'sms' | 'email' | 'guest_app'
export type Direction = 'in' | 'out'
export type ConversationStatus = 'active' | 'expired'
export type AgentRole = 'agent' | 'admin'

export type ConversationType = 'booking' | 'lead' | 'faq' | 'mixed'
export type Persona = 'business' | 'family' | 'couple' | 'group' | 'long_stay'

/** Derived from the guest's messages: intent, persona, dates of interest, contact data found. */
export interface ConversationInsight {
  intent: { level: 'high' | 'medium' | 'low'; reason: string }
  persona: { tag: string; evidence: string } | null
  dates: { text: string; start: string; end: string | null }[]
  captured: { emails: string[]; phones: string[]; name: string | null }
}

export interface Property {
  id: string
  name: string
  defaultCountry: string
  timeZone: string
  createdAt: string
}

export interface Outlet {
  id: string
  propertyId: string
  code: string
  name: string
  available: boolean
  position: number
}

/** GET /v1/conversations/:id/service-record: a memo and every custom field with its value. */
export interface ServiceRecord {
  conversationId: string
  memo: string
  values: { id: string; name: string; value: string }[]
  updatedAt: string | null
}

export interface Agent {
  id: string
  name: string
  email: string
  role: AgentRole
  active: boolean
  createdAt: string
}

/** An agent in GET /v1/agents: admins also get its failed sign-ins and lockout. */
export interface ListedAgent extends Agent {
  failedSignIns?: number
  lockedUntil?: string | null
}

export type Scope = 'guest.conversation.write' | 'guest.conversation.read' | 'reservation.write' | 'reservation.read' | 'admin'

/** An API token as GET /v1/tokens lists it: never its secret. */
export interface ApiToken {
  id: string
  name: string
  scopes: Scope[]
  propertyId: string | null
  createdAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

export interface GuestIdentity {
  /** phone and email are the guest's own; onsite_contact and guest_app are issued by their dialects. */
  type: 'phone' | 'email' | 'onsite_contact' | 'guest_app'
  value: string
}

export interface Lead {
  id: string
  status: string
  createdAt: string
}

/** Why staff may reply as they may (the server's domain/reply-policy.ts decides; see /docs). */
export type ReplyReason = 'window-open' | 'window-closed-with-warning' | 'window-closed-templates-only' | 'window-closed' | 'no-reply-channel'

/** What may be sent: anything, only approved templates, or nothing. */
export interface ReplyRule {
  canReply: boolean
  templatesOnly: boolean
  reason: ReplyReason
}

/** The server's answer, as of the request: the rule now, when the 24 h window closes, and the rule after. */
export interface ReplyPolicy extends ReplyRule {
  windowEndsAt: string | null
  afterWindow: ReplyRule
}

export interface Conversation {
  id: string
  propertyId: string
  channel: Channel
  status: ConversationStatus
  guest: { id: string | null; name: string | null; identity: GuestIdentity | null }
  createdAt: string
  lastMessageAt: string
  lastMessagePreview: string
  lastMessageDirection: Direction | null
  lastGuestMessageAt: string | null
  unreadCount: number
  messageCount: number
  lead: Lead | null
  source: {
    channelAccount: { id: string; name: string } | null
    onsiteContact: { id: string; sn: string | null } | null
    outlet: { id: string; code: string; name: string } | null
    orderCode: string | null
  }
  /** ai: the AI agent answers guest messages; human: staff do. */
  mode: 'ai' | 'human'
  type: ConversationType | null
  persona: Persona | null
  insight: ConversationInsight | null
  routing: { queueState: 'queued' | 'manual' | null; assignedAgentId: string | null }
  replyPolicy: ReplyPolicy
}

export interface QuickReplyOption {
  title: string
  payload?: string
}

/** Every message type (the server's MessageContentSchema). */
export type MessageContent =
  | { type: 'text'; text: string; isMail?: boolean }
  | { type: 'email'; subject: string; body: string }
  | { type: 'quick_reply'; text: string; payload?: string }
  | { type: 'response'; text: string; quickReplies: QuickReplyOption[] }
  | { type: 'image'; url: string; caption?: string; mimeType?: string; size?: number }
  | { type: 'file'; url: string; name: string; mimeType?: string; size?: number }
  | { type: 'location'; latitude: number; longitude: number; name?: string; address?: string }
  | { type: 'contact'; name: string; phone?: string; email?: string }

export interface MessageSender {
  /** guest: the guest wrote it; agent: a staff member replied in the inbox; bot: the AI agent; property: pushed as sent by a local system. */
  type: 'guest' | 'agent' | 'bot' | 'property'
  agentId: string | null
  name: string | null
}

export interface Message {
  id: string
  conversationId: string
  externalId: string | null
  direction: Direction
  content: MessageContent
  status: string
  sender: MessageSender
  /** What the AI agent used for this reply. */
  agentTools: ('rag' | 'pms' | 'llm')[]
  replyLatencyMs: number | null
  /** An outbound reply's way to the channel; null for guest messages and pushed ones. */
  delivery: {
    state: 'queued' | 'sent' | 'failed' | 'not_deliverable'
    attempts: number
    lastError: string | null
    notDeliverable: 'phone-call transcript' | 'no channel webhook' | null
  } | null
  createdAt: string
  receivedAt: string
}

export interface Reservation {
  id: string
  propertyId: string
  confirmationNumber: string
  guestId: string
  firstName: string | null
  lastName: string | null
  phone: string | null
  email: string | null
  language: string | null
  arrival: string
  departure: string
  room: string | null
  status: string
  createdAt: string
  updatedAt: string
}

/** GET /v1/conversations/:id/guest: the side panel's data. */
export interface GuestPanel {
  profile: { id: string; firstName: string | null; lastName: string | null; language: string | null; identities: GuestIdentity[] } | null
  identity: GuestIdentity | null
  reservations: Reservation[]
  otherConversations: Conversation[]
}

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export interface ConversationFilters {
  propertyId?: string
  channel?: Channel
  status?: ConversationStatus
  /** Only conversations with a captured lead. */
  lead?: boolean
  /** Only guest-app conversations of this outlet (department). */
  outletId?: string
  /** "me" or an agent id. */
  assignee?: string
  /** Only conversations waiting in the transfer queue. */
  queued?: boolean
  type?: ConversationType
  /** Words in the messages (full-text). */
  text?: string
  /** Last activity at or after / before (ISO). */
  from?: string
  to?: string
  q?: string
}

export interface SetupRequest {
  property: { name: string; defaultCountry: string; timeZone: string }
  admin: { name: string; email: string; password: string }
  sampleData: boolean
}

export interface SampleDataSummary {
  conversations: number
  messages: number
  reservations: number
  leads: number
}

/** GET /v1/conversations/:id/events: the timeline besides messages. */
export interface ConversationEvent {
  id: string
  type: 'mode_changed' | 'handover' | 'assigned' | 'lead_captured' | 'lead_status' | 'guest_merged' | 'guest_merge_undone'
  agent: { id: string; name: string } | null
  data: Record<string, unknown>
  createdAt: string
}

export type LeadStatus = 'new' | 'contacted' | 'follow_up' | 'converted' | 'lost'

export interface LeadDetail {
  id: string
  conversationId: string
  guestId: string | null
  guestName: string | null
  channel: Channel
  status: LeadStatus
  notes: string
  reservationId: string | null
  createdAt: string
  updatedAt: string
}

export interface Template {
  id: string
  propertyId: string
  name: string
  shortcut: string
  body: string
  variables: string[]
  language: string
  channel: Channel | null
  approval: 'pending' | 'approved' | 'rejected' | null
  updatedAt: string
}

export interface KnowledgeEntry {
  id: string
  propertyId: string
  question: string
  answer: string
  tags: string
  language: string
  updatedAt: string
}

export interface Notification {
  id: string
  kind: 'assigned' | 'handover' | 'queued'
  conversationId: string | null
  text: string
  createdAt: string
  read: boolean
}

export interface ChannelAccount {
  id: string
  propertyId: string
  channel: Channel
  code: string
  name: string
  webhookUrl: string | null
  hasWebhookSecret: boolean
  createdAt: string
}

export interface LlmProvider {
  baseUrl: string
  model: string
  hasApiKey: boolean
}

export interface Metric {
  key: 'activeConversations' | 'responseRate' | 'faqResolved' | 'humanTransfers' | 'capturedLeads' | 'conversionRate'
  label: string
  unit: 'count' | 'percent'
  definition: string
  value: number | null
  numerator?: number
  denominator?: number
}

export interface Arrival {
  reservation: Reservation
  guestName: string | null
  unread: number
  openQuestions: number
  conversations: Conversation[]
}

/** Server-Sent Events on GET /v1/events: `event: <type>`, `data: <json>` of this shape. */
export type DomainEvent =
  | { type: 'conversation.created'; conversationId: string; propertyId: string }
  | { type: 'conversation.updated'; conversationId: string; propertyId: string }
  | { type: 'message.created'; conversationId: string; messageId: string; direction: Direction; createdAt: number }
  | { type: 'reservation.upserted'; reservationId: string; guestId: string }
  | { type: 'message.updated'; conversationId: string; messageId: string }
  | { type: 'conversation.event'; conversationId: string; propertyId: string; eventType: string }
  | { type: 'notification.created'; agentId: string; notificationId: string }

/** RFC 9457 problem details: every /v1 error body. */
export interface Problem {
  type: string
  title: string
  status: number
  detail: string
  errors?: { field: string; message: string; index?: number }[]
}

export interface SyncProgress {
  done: number
  total: number
}

/** GET /v1/sync: this desk's sync with the central server. */
export interface SyncStatus {
  configured: boolean
  state: 'off' | 'idle' | 'syncing' | 'offline'
  pendingOps: number
  waitingOps: number
  lastSyncAt: string | null
  lastError: string | null
  progress: SyncProgress | null
  joining: boolean
  centralUrl: string | null
  deviceId: string | null
  propertyId: string | null
}

/** GET /v1/health: background work (AI agent, delivery, insight, sync) that failed in the last 24 hours. */
export interface BackgroundFailure {
  worker: 'ai-agent' | 'delivery' | 'insight' | 'sync'
  failures: number
  lastAt: string
  reason: string
  /** Which conversation and message, and the error (for a signed-in agent). */
  detail: string
}

/** GET /v1/health */
export interface Health {
  status: 'ok' | 'degraded'
  reasons: { code: string; detail: string; since: string }[]
  background: BackgroundFailure[]
  schemaVersion: number
  time: string
}

/** GET /v1/setup */
export interface SetupStatus {
  needsSetup: boolean
  /** Connected to a central server and filling from it: sign in once it is done. */
  joining: boolean
  progress: SyncProgress | null
}
