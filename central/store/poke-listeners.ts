import { EventEmitter } from 'node:events'

export type PokeListener = (space: string, fromDevice: string) => void

/** This instance's listeners for pokes (one per open event stream), however the pokes reach it. */
export function createPokeListeners() {
  const emitter = new EventEmitter()
  emitter.setMaxListeners(0)
  return {
    emit: (space: string, fromDevice: string) => void emitter.emit('poke', space, fromDevice),
    /** Listens until the returned function is called. */
    on(listener: PokeListener): () => void {
      emitter.on('poke', listener)
      return () => void emitter.off('poke', listener)
    },
  }
}
