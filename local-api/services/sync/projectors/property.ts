import { defaultOutletOf } from '../../../domain/default-outlet.js'
import { lacks, type ProjectorContext, type Projector } from './context.js'
import { propertyRow } from './rows.js'

export function propertyProjector({ store }: ProjectorContext): Projector {
  return {
    missing: (f) => (lacks(f, 'name', 'defaultCountry') ? 'incomplete property' : null),
    project(id, state) {
      store.properties.fromSync(propertyRow(id, state.fields))
      // Outlets stay on each desk; a property arriving here gets its default one as a new property
      // does (the same id on every desk), unless it has outlets of its own already.
      const outlet = defaultOutletOf(id)
      if (store.outlets.ofProperty(id).length === 0 && !store.outlets.get(outlet.id)) {
        store.outlets.insert({ ...outlet, available: true, position: 1, createdAt: Date.now() })
      }
      return id
    },
  }
}
