import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { extractContacts } from '../../local-api/domain/insight/contacts.js'
import { datesOfInterest } from '../../local-api/domain/insight/dates.js'
import { buyerPersona, conversationKind, intentLevel } from '../../local-api/domain/insight/profile.js'

describe('contact data in what guests write', () => {
  const cases: [string, string, { emails: string[]; phones: string[]; name: string | null }][] = [
    [
      'en',
      'Please write to Anna.Muster@Example.com or call 079 123 45 67, my name is Anna Muster',
      { emails: ['anna.muster@example.com'], phones: ['+41791234567'], name: 'Anna Muster' },
    ],
    ['de', 'Ich heiße Jonas. Erreichbar unter +49 151 23456789', { emails: [], phones: ['+4915123456789'], name: 'Jonas' }],
    ['fr', "Je m'appelle Camille Dubois, mon numéro: +33 6 12 34 56 78", { emails: [], phones: ['+33612345678'], name: 'Camille Dubois' }],
    ['it', 'Mi chiamo Giulia, email giulia.rossi@libero.it', { emails: ['giulia.rossi@libero.it'], phones: [], name: 'Giulia' }],
    ['es', 'Me llamo Lucía García y mi teléfono es +34 612 345 678', { emails: [], phones: ['+34612345678'], name: 'Lucía García' }],
    ['no contact', 'I am interested in a room for 2 nights, room 12 at 3 pm', { emails: [], phones: [], name: null }],
  ]
  for (const [label, text, expected] of cases) {
    it(`finds them in ${label}`, () => {
      const found = extractContacts(text, 'CH')
      assert.deepEqual(found.emails, expected.emails)
      assert.deepEqual(found.phones, expected.phones)
      assert.equal(found.name && [found.name.firstName, found.name.lastName].filter(Boolean).join(' '), expected.name)
    })
  }
})

describe('dates of interest', () => {
  const sunday = new Date('2026-11-29T10:00:00Z')
  const cases: [string, { start: string; end: string | null }[]][] = [
    ['Do you have a room next weekend?', [{ start: '2026-12-05', end: null }]],
    ['We would like to come from 3 to 5 March', [{ start: '2027-03-03', end: '2027-03-05' }]],
    ['Haben Sie vom 3. bis 5. März ein Zimmer frei?', [{ start: '2027-03-03', end: '2027-03-05' }]],
    ['Une chambre du 3 au 5 mars ?', [{ start: '2027-03-03', end: '2027-03-05' }]],
    ['Una camera dal 3 al 5 marzo?', [{ start: '2027-03-03', end: '2027-03-05' }]],
    ['Arriving on December 24 for two nights', [{ start: '2026-12-24', end: null }]],
    ['Is breakfast included? We are 2 adults.', []],
  ]
  for (const [text, expected] of cases) {
    it(`reads "${text}"`, () => {
      assert.deepEqual(
        datesOfInterest(text, sunday).map(({ start, end }) => ({ start, end })),
        expected,
      )
    })
  }

  it("reads relative dates from the message's own time, not today", () => {
    assert.deepEqual(
      datesOfInterest('Any room tomorrow?', new Date('2026-03-01T09:00:00Z')).map((d) => d.start),
      ['2026-03-02'],
    )
  })
})

describe('persona and intent', () => {
  it('name the persona with its evidence', () => {
    assert.deepEqual(buyerPersona(['We are two adults with two children, do you have a family room?']), {
      persona: 'family',
      evidence: 'mentions "children", "family room"',
      mentions: ['children', 'family room'],
    })
    assert.equal(buyerPersona(['I need an invoice for my company, I am here for a conference'])?.persona, 'business')
    assert.equal(buyerPersona(['It is our honeymoon!'])?.persona, 'couple')
    assert.equal(buyerPersona(['We are a group of 25 people for a wedding'])?.persona, 'group')
    assert.equal(buyerPersona(['Do you rent rooms for three months?'])?.persona, 'long_stay')
    assert.equal(buyerPersona(['Is breakfast included?']), undefined)
  })

  it('rate intent from booking words, dates and details', () => {
    assert.equal(intentLevel({ bookingIntent: true, dates: 1, details: false, hasReservation: false }).level, 'high')
    assert.equal(intentLevel({ bookingIntent: true, dates: 0, details: true, hasReservation: false }).level, 'high')
    assert.equal(intentLevel({ bookingIntent: true, dates: 0, details: false, hasReservation: false }).level, 'medium')
    assert.equal(intentLevel({ bookingIntent: false, dates: 2, details: false, hasReservation: false }).level, 'medium')
    assert.deepEqual(intentLevel({ bookingIntent: false, dates: 0, details: false, hasReservation: false }), {
      level: 'low',
      reason: 'asks questions only',
      code: 'questions',
    })
  })

  it('type a conversation by what it contains', () => {
    assert.equal(conversationKind({ bookingIntent: true, lead: false, faqAnswered: false }), 'booking')
    assert.equal(conversationKind({ bookingIntent: false, lead: true, faqAnswered: false }), 'lead')
    assert.equal(conversationKind({ bookingIntent: false, lead: false, faqAnswered: true }), 'faq')
    assert.equal(conversationKind({ bookingIntent: true, lead: false, faqAnswered: true }), 'mixed')
    assert.equal(conversationKind({ bookingIntent: false, lead: false, faqAnswered: false }), null)
  })
})
