import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { invalidFields } from '../../sync-core/fields.js'

describe('an op carrying the NUL character', () => {
  it('is refused with a reason, in a field or in its id (PostgreSQL cannot store it)', () => {
    assert.match(invalidFields({ entity: 'lead', entityId: 'lead_1', fields: { reservationId: 'res\u0000' } })!, /NUL character/)
    assert.match(invalidFields({ entity: 'template', entityId: 'tpl\u00001', fields: { name: 'Welcome' } })!, /NUL character/)
    assert.equal(invalidFields({ entity: 'lead', entityId: 'lead_1', fields: { reservationId: 'res_1' } }), null)
  })
})
