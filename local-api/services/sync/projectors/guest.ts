import type { ProjectorContext, Projector } from './context.js'

export function guestProjector({ store, rows }: ProjectorContext): Projector {
  return {
    missing: () => null,
    project(id, state) {
      rows.guest(id, state.fields)
      for (const conversation of store.conversations.byGuest(id)) store.conversations.refreshSearchText(conversation)
      return id
    },
  }
}
