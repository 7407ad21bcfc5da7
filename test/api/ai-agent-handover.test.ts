import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, PUSH_URL, pushedMessage, startTestApp, type TestApp } from '../support/test-app.js'

// Never silence: wherever the AI agent is on, a handover tells the guest in their language that a
// person takes over — also on a property whose knowledge base is empty — and says it once.
let t: TestApp
let admin: string

const guestSays = async (text: string, phone: string) => {
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
  }[]
const modeOf = async (id: string) => (await t.app.inject({ url: `/v1/conversations/${id}`, headers: bearer(admin) })).json().mode

before(async () => {
  t = await startTestApp()
  admin = t.token(['admin'])
})
after(() => t.close())

describe('a handover on a property with no knowledge base', () => {
  before(() => assert.equal(t.app.store.knowledge.hasAny(t.app.store.properties.first()!.id), false))

  for (const guest of [
    {
      language: 'German',
      phone: '+41795557001',
      asks: 'Hallo, habt ihr einen Parkplatz für unser Auto?',
      then: 'Und was kostet er pro Nacht?',
      told: 'Ich habe Ihre Nachricht an unsere Rezeption weitergegeben; eine Kollegin oder ein Kollege antwortet Ihnen in Kürze.',
    },
    {
      language: 'English',
      phone: '+41795557002',
      asks: 'Hello, do you have a parking space for our car?',
      then: 'And what does it cost per night?',
      told: "I've passed this to our front desk; a colleague will reply shortly.",
    },
  ]) {
    it(`tells a ${guest.language} guest in their language, once: a second message waits for staff in silence`, async () => {
      const chat = await guestSays(guest.asks, guest.phone)
      assert.deepEqual(
        (await messagesOf(chat)).map((m) => [m.direction, m.sender.type, m.content.text]),
        [
          ['out', 'bot', guest.told],
          ['in', 'guest', guest.asks],
        ],
      )
      assert.equal(await modeOf(chat), 'human')

      await guestSays(guest.then, guest.phone)
      assert.deepEqual(
        (await messagesOf(chat)).map((m) => [m.direction, m.content.text]),
        [
          ['in', guest.then],
          ['out', guest.told],
          ['in', guest.asks],
        ],
        'no second handover message while staff have it',
      )
    })
  }

  it('tells the guest again on a later handover, after staff hand the conversation back to the agent', async () => {
    const phone = '+41795557003'
    const chat = await guestSays('Can you recommend a tailor in town?', phone)
    const back = await t.app.inject({ method: 'PUT', url: `/v1/conversations/${chat}/mode`, headers: bearer(admin), payload: { mode: 'ai' } })
    assert.deepEqual(back.json(), { mode: 'ai', changed: true })
    await guestSays('Can I talk to a real person please?', phone)
    const told = (await messagesOf(chat)).filter((m) => m.direction === 'out').map((m) => m.content.text)
    assert.deepEqual(told, [
      "I've passed this to our front desk; a colleague will reply shortly.",
      "I've passed this to our front desk; a colleague will reply shortly.",
    ])
    assert.equal(await modeOf(chat), 'human')
  })
})
