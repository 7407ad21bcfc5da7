import type { ProjectorContext, Projector } from './context.js'
import { guestRow } from './rows.js'

export function guestProjector({ store }: ProjectorContext): Projector {
  return {
    missing: () => null,
    project(id, state) {
      store.guests.fromSync(guestRow(id, state.fields))
      for (const conversation of store.conversations.byGuest(id)) store.conversations.refreshSearchText(conversation)
      return id
    },
  }
}
