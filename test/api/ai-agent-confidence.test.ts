import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, PUSH_URL, pushedMessage, startTestApp, type TestApp } from '../support/test-app.js'

// The agent is right or silent: it answers when sure, proposes a reply to staff when less sure,
// hands over (telling the guest, in their language) when the base has nothing; staff act on the proposal.
let t: TestApp
let admin: string
let propertyId: string
let parkingId: string
let phones = 0

const guestSays = async (text: string, phone = `+4179555${String(1000 + phones++)}`) => {
  const response = await t.app.inject({ method: 'POST', url: PUSH_URL, headers: bearer(admin), payload: { messages: [pushedMessage({ phone, text })] } })
  assert.equal(response.statusCode, 201, response.body)
  await t.app.aiAgent.idle()
  return response.json()[0].conversationId as string
}
const messagesOf = async (conversationId: string) =>
  (await t.app.inject({ url: `/v1/conversations/${conversationId}/messages?limit=100`, headers: bearer(admin) })).json().items as {
    direction: string
    content: { text: string }
    sender: { type: string }
    agentTools: string[]
  }[]
const modeOf = async (id: string) => (await t.app.inject({ url: `/v1/conversations/${id}`, headers: bearer(admin) })).json().mode
const api = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: bearer(admin), ...(payload && { payload }) })

before(async () => {
  t = await startTestApp()
  admin = t.token(['admin'])
  propertyId = t.app.store.properties.first()!.id
  const created = await api('POST', '/v1/knowledge', {
    question: 'Is there parking at the hotel?',
    answer: 'Yes: our garage has 40 spaces at CHF 20 a night.',
    tags: 'car garage parking',
    phrasings: ['Where can I park my car?', 'Wo kann ich parken?', 'Où puis-je garer ma voiture ?'],
    answers: { de: 'Ja: Unsere Garage hat 40 Plätze zu CHF 20 pro Nacht.', fr: 'Oui : notre garage a 40 places à 20 CHF la nuit.' },
  })
  parkingId = created.json().id
  await api('POST', '/v1/knowledge', {
    question: 'Are pets allowed?',
    answer: 'Dogs are welcome for CHF 15 a night; please tell us when you book.',
    tags: 'dog pets animals',
    phrasings: ['Can I bring my dog?', 'Sind Hunde erlaubt?'],
  })
})
after(() => t.close())

describe('answering with confidence, in the guest language', () => {
  it('answers a clear question, in the guest language when the entry has it, and records that language', async () => {
    const english = await guestSays('where can i leave the car?')
    const [reply] = await messagesOf(english)
    assert.deepEqual([reply!.sender.type, reply!.content.text, reply!.agentTools], ['bot', 'Yes: our garage has 40 spaces at CHF 20 a night.', ['rag']])

    const german = await guestSays('Hallo, wo kann ich mein Auto parken?')
    assert.equal((await messagesOf(german))[0]!.content.text, 'Ja: Unsere Garage hat 40 Plätze zu CHF 20 pro Nacht.')
    // Told in the background from every guest message (services/guest-languages.ts).
    await t.app.guestLanguages.idle()
    assert.equal(t.app.store.conversations.languageOf(german), 'de')
    // Staff and integrators see it on the conversation, in its view and in the list.
    assert.equal((await api('GET', `/v1/conversations/${german}`)).json().language, 'de')
    const listed = (await api('GET', '/v1/conversations?limit=50')).json().items as { id: string; language: string | null }[]
    assert.equal(listed.find((item) => item.id === german)?.language, 'de')
    assert.equal(await modeOf(german), 'ai')
  })

  it('hands over what the base cannot answer, telling the guest in their language, and keeps the question as a gap', async () => {
    const carWash = await guestSays('Gibt es eine Autowaschanlage in der Nähe?')
    const [said, asked] = await messagesOf(carWash)
    assert.equal(asked!.direction, 'in')
    assert.match(said!.content.text, /Rezeption/)
    assert.equal(await modeOf(carWash), 'human')
    const usage = (await api('GET', '/v1/knowledge/usage')).json()
    assert.equal(usage.gaps[0].question, 'Gibt es eine Autowaschanlage in der Nähe?')
    assert.equal(usage.gaps[0].language, 'de')
    assert.ok(usage.entries.find((e: { entryId: string }) => e.entryId === parkingId).answered >= 2)
  })

  it("answers by the property's own thresholds", async () => {
    const unsure = await guestSays('is there parking for my motorhome?')
    assert.equal(await modeOf(unsure), 'human')
    const saved = await api('PUT', '/v1/settings/agent', { propertyId, thresholds: { high: 0.5 } })
    assert.deepEqual(saved.json().thresholds, { high: 0.5, medium: 0.45, minGap: 0.15 })
    const sure = await guestSays('is there parking for my motorhome?')
    assert.equal((await messagesOf(sure))[0]!.content.text, 'Yes: our garage has 40 spaces at CHF 20 a night.')
    await api('PUT', '/v1/settings/agent', { thresholds: { high: 0.75 } })
  })

  it('uses the property’s own handover words, and refuses settings that make no sense', async () => {
    const saved = await api('PUT', '/v1/settings/agent', { handoverMessages: { en: 'Thanks! Our reception team will get back to you within minutes.' } })
    assert.equal(saved.statusCode, 200, saved.body)
    const tailor = await guestSays('can you recommend a tailor in town?')
    assert.equal((await messagesOf(tailor))[0]!.content.text, 'Thanks! Our reception team will get back to you within minutes.')

    for (const bad of [
      { thresholds: { high: 0.3, medium: 0.6 } },
      { thresholds: { high: 2 } },
      { handoverMessages: { english: 'x' } },
      { deskHours: { opens: '7:00', closes: '23:00' } },
      { deskHours: { opens: '07:00' } },
    ]) {
      const refused = await api('PUT', '/v1/settings/agent', bad)
      assert.equal(refused.statusCode, 400, JSON.stringify(bad))
    }
  })
})

describe('talking like a receptionist', () => {
  it("gives the desk's hours with a handover outside them", async () => {
    const now = new Intl.DateTimeFormat('en-GB', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZone: t.app.store.properties.first()!.timeZone,
    }).format(Date.now())
    const hour = Number(now.slice(0, 2))
    // Staffed for an hour that has not begun yet: now is outside.
    const opens = `${String((hour + 2) % 24).padStart(2, '0')}:00`
    const closes = `${String((hour + 3) % 24).padStart(2, '0')}:00`
    await api('PUT', '/v1/settings/agent', { deskHours: { opens, closes } })
    const chat = await guestSays('Gibt es in der Nähe einen Friseur?')
    assert.equal(
      (await messagesOf(chat))[0]!.content.text.endsWith(`Unsere Rezeption ist von ${opens} bis ${closes} Uhr besetzt; wir antworten Ihnen dann.`),
      true,
    )
    await api('PUT', '/v1/settings/agent', { deskHours: null })
    const staffed = await guestSays('Gibt es in der Nähe einen Schuhmacher?')
    assert.doesNotMatch((await messagesOf(staffed))[0]!.content.text, /besetzt/)
  })

  it('reads a short follow-up with the question before it', async () => {
    const phone = '+41795558801'
    await guestSays('Are pets allowed?', phone)
    const chat = await guestSays('and what does it cost?', phone)
    const [reply] = await messagesOf(chat)
    assert.equal(reply!.content.text, 'Dogs are welcome for CHF 15 a night; please tell us when you book.')
  })

  it('tells a guest their own stay in their language, with the dates written for a person', async () => {
    const booked = await api('POST', '/v1/reservations', {
      confirmationNumber: 'CF-77',
      guest: { firstName: 'Lena', lastName: 'Graf', phone: '+41795558802' },
      arrival: '2030-03-01',
      departure: '2030-03-04',
      room: '305',
    })
    assert.equal(booked.statusCode < 300, true, booked.body)
    const chat = await guestSays('Hallo, wann ist meine Anreise?', '+41795558802')
    const [reply] = await messagesOf(chat)
    assert.deepEqual(reply!.agentTools, ['pms'])
    assert.equal(reply!.content.text, 'Ihre Reservierung CF-77: Anreise Freitag, 1. März 2030, Abreise Montag, 4. März 2030, Zimmer 305.')
  })
})

describe('a suggested reply for staff', () => {
  let chat: string

  it('is proposed instead of sent: the guest hears a person takes over, staff see the proposal', async () => {
    // A word the base does not know: parking fits, but not surely enough to tell the guest.
    chat = await guestSays('is there parking for my campervan?')
    const [said] = await messagesOf(chat)
    assert.equal(said!.content.text, 'Thanks! Our reception team will get back to you within minutes.')
    assert.equal(await modeOf(chat), 'human')
    const suggestion = (await api('GET', `/v1/conversations/${chat}/suggestion`)).json()
    assert.deepEqual([suggestion.entryId, suggestion.text], [parkingId, 'Yes: our garage has 40 spaces at CHF 20 a night.'])
  })

  it('is sent by staff after an edit, once; then nothing is open', async () => {
    const sent = await api('POST', `/v1/conversations/${chat}/suggestion/send`, { text: 'Yes: our garage has 40 spaces at CHF 20 a night (EV chargers too).' })
    assert.equal(sent.statusCode, 201, sent.body)
    assert.equal(sent.json().content.text, 'Yes: our garage has 40 spaces at CHF 20 a night (EV chargers too).')
    assert.equal((await api('GET', `/v1/conversations/${chat}/suggestion`)).json(), null)
    const again = await api('POST', `/v1/conversations/${chat}/suggestion/send`, {})
    assert.equal(again.statusCode, 409)
    assert.match(again.json().detail, /no open suggestion/)
  })

  it('is dismissed by staff; the knowledge page counts what happened to each entry', async () => {
    const other = await guestSays('can I park my caravan there?')
    assert.equal((await api('POST', `/v1/conversations/${other}/suggestion/dismiss`)).statusCode, 204)
    assert.equal((await api('POST', `/v1/conversations/${other}/suggestion/dismiss`)).statusCode, 409)
    const parking = (await api('GET', '/v1/knowledge/usage')).json().entries.find((e: { entryId: string }) => e.entryId === parkingId)
    assert.deepEqual([parking.suggested, parking.edited, parking.dismissed, parking.sent], [3, 1, 1, 0])
  })
})

describe('handover notifications', () => {
  it('go to the agents on duty (signed in), not to every agent', async () => {
    const post = async (payload: object) => (await api('POST', '/v1/agents', payload)).json().id as string
    const onDuty = await post({ name: 'Nina Roth', email: 'nina@example.com', password: 'early shift 2026 x', role: 'agent' })
    const offDuty = await post({ name: 'Marc Weber', email: 'marc@example.com', password: 'night shift 2026 x', role: 'agent' })
    const signIn = await t.app.inject({ method: 'POST', url: '/v1/session', payload: { email: 'nina@example.com', password: 'early shift 2026 x' } })
    assert.equal(signIn.statusCode, 200, signIn.body)
    const chat = await guestSays('I want to speak to a real person please')
    const notified = (agentId: string) => t.app.store.notifications.ofAgent(agentId).some((n) => n.kind === 'handover' && n.conversationId === chat)
    assert.equal(notified(onDuty), true)
    assert.equal(notified(offDuty), false)
  })
})
