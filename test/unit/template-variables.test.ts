import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fillTemplate, templateVariables, type TemplateContext } from '../../local-api/domain/template-variables.js'

const context: TemplateContext = {
  guest: { firstName: 'Anna', lastName: 'Muster', name: 'Anna Muster', language: 'de' },
  reservation: { confirmationNumber: 'AB-1', arrival: '2026-03-01', departure: '2026-03-04', room: null, status: 'confirmed' },
  property: { name: 'Hotel Lago' },
  agent: null,
}

describe('template variables', () => {
  it('fill what the conversation knows', () => {
    assert.deepEqual(fillTemplate('Hi {{guest.firstName}}, see you on {{ reservation.arrival }} at {{property.name}}!', context), {
      text: 'Hi Anna, see you on 2026-03-01 at Hotel Lago!',
      missing: [],
    })
  })

  it('leave out and report what it does not know, tidying the punctuation around it', () => {
    assert.deepEqual(fillTemplate('Your room is {{reservation.room}}. Regards, {{agent.name}}.', context), {
      text: 'Your room is. Regards.',
      missing: ['reservation.room', 'agent.name'],
    })
    assert.deepEqual(fillTemplate('Yes, {{guest.firstName}}: welcome.', { ...context, guest: { ...context.guest, firstName: null } }).text, 'Yes: welcome.')
  })

  it('use a fallback after |', () => {
    assert.deepEqual(
      fillTemplate('Hi {{guest.firstName|there}}, room {{reservation.room|to be assigned}}.', { ...context, guest: { ...context.guest, firstName: null } }),
      {
        text: 'Hi there, room to be assigned.',
        missing: [],
      },
    )
  })

  it('list the variables a body uses, once each', () => {
    assert.deepEqual(templateVariables('{{guest.firstName}} {{guest.firstName|x}} {{reservation.arrival}}'), ['guest.firstName', 'reservation.arrival'])
  })
})
