import { EventEmitter } from 'node:events'
import type { DomainEvent } from '../../api-contract/events.js'

/** What the SSE stream (GET /v1/events) sends: the API contract's shapes. */
export type { DomainEvent }

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
