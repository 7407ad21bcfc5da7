import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { deskOpen, handoverMessage, handoverMessageAt } from '../../local-api/domain/handover-message.js'

const at = (iso: string) => Date.parse(iso)

describe('what a guest is told on a handover', () => {
  it("is in the guest's language: the property's words first, then the product's, then English", () => {
    assert.match(handoverMessage('fr'), /réception/)
    assert.equal(handoverMessage('de-CH', { de: 'Wir melden uns gleich.' }), 'Wir melden uns gleich.')
    assert.equal(handoverMessage('pt'), "I've passed this to our front desk; a colleague will reply shortly.")
    assert.equal(handoverMessage('pt', { en: 'One moment please.' }), 'One moment please.')
  })

  it("tells the desk's hours outside them, in the property's time zone, overnight hours included", () => {
    const day = { opens: '07:00', closes: '23:00' }
    assert.equal(deskOpen(day, at('2026-12-02T05:59:00Z'), 'Europe/Zurich'), false, '06:59 in Zurich')
    assert.equal(deskOpen(day, at('2026-12-02T06:00:00Z'), 'Europe/Zurich'), true, '07:00 in Zurich')
    assert.equal(deskOpen(day, at('2026-12-02T22:00:00Z'), 'Europe/Zurich'), false, '23:00 in Zurich')
    const night = { opens: '18:00', closes: '02:00' }
    assert.equal(deskOpen(night, at('2026-12-02T00:30:00Z'), 'UTC'), true)
    assert.equal(deskOpen(night, at('2026-12-02T12:00:00Z'), 'UTC'), false)
    assert.equal(deskOpen(null, at('2026-12-02T03:00:00Z'), 'UTC'), true)
    assert.equal(
      handoverMessageAt('es', {}, day, at('2026-12-02T05:00:00Z'), 'Europe/Zurich'),
      'He pasado su mensaje a nuestra recepción; un compañero le responderá en breve. Nuestra recepción está atendida de 07:00 a 23:00; le responderemos entonces.',
    )
  })
})
