import { EventEmitter } from 'node:events'

/**
 * Every event names the property it belongs to: the SSE stream shows a property-bound credential
 * only its own property's events (and a notification only to the agent it is for).
 */
export type DomainEvent =
  | { type: 'conversation.created'; conversationId: string; propertyId: string }
  | { type: 'conversation.updated'; conversationId: string; propertyId: string }
  /** `replicated`: another desk stored it first and sync brought it here; that desk's agents act on it. */
  | { type: 'message.created'; conversationId: string; propertyId: string; messageId: string; direction: 'in' | 'out'; createdAt: number; replicated?: true }
  | { type: 'reservation.upserted'; reservationId: string; propertyId: string; guestId: string }
  /** A reply's delivery state changed (queued, sent, failed, not_deliverable). */
  | { type: 'message.updated'; conversationId: string; propertyId: string; messageId: string }
  /** A timeline event: a takeover, a handover, an assignment, a lead change. */
  | { type: 'conversation.event'; conversationId: string; propertyId: string; eventType: string }
  /** For one agent only (`agentId`); `propertyId`: the property of the conversation it is about (null: none). */
  | { type: 'notification.created'; agentId: string; propertyId: string | null; notificationId: string }

export type DomainEventListener = (event: DomainEvent) => void

/** In-process fan-out of domain events, published only after their transaction has committed. */
export function createEventBus() {
  const emitter = new EventEmitter()
  emitter.setMaxListeners(0)
  return {
    publish(events: readonly DomainEvent[]): void {
      for (const event of events) emitter.emit('event', event)
    },
    subscribe(listener: DomainEventListener): () => void {
      emitter.on('event', listener)
      return () => emitter.off('event', listener)
    },
    listenerCount(): number {
      return emitter.listenerCount('event')
    },
  }
}

export type EventBus = ReturnType<typeof createEventBus>
