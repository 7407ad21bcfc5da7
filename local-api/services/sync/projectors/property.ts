import { lacks, type ProjectorContext, type Projector } from './context.js'
import { propertyRow } from './rows.js'

export function propertyProjector({ store }: ProjectorContext): Projector {
  return {
    missing: (f) => (lacks(f, 'name', 'defaultCountry') ? 'incomplete property' : null),
    project(id, state) {
      store.properties.fromSync(propertyRow(id, state.fields))
      return id
    },
  }
}
