import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, PUSH_URL, pushedMessage, startTestApp, type TestApp } from '../../../support/test-app.js'

let t: TestApp
let token: string
before(async () => {
  t = await startTestApp()
  token = t.token()
})
after(() => t.close())

const push = (messages: unknown[], auth = token) => t.app.inject({ method: 'POST', url: PUSH_URL, headers: bearer(auth), payload: { messages } })

describe('POST /api/unified-messaging-service/guest-conversations/messages', () => {
  it('pushing a message for an unknown phone creates one conversation and answers 201 in the vendor shape', async () => {
    const response = await push([pushedMessage({ phone: '+41791110001', at: '2026-02-10T10:30:00Z' })])
    assert.equal(response.statusCode, 201)
    const [item] = response.json()
    assert.match(item.conversationId, /^conv_/)
    assert.match(item.messageId, /^msg_/)
    assert.deepEqual(
      { ...item, conversationId: undefined, messageId: undefined },
      {
        conversationId: undefined,
        messageId: undefined,
        direction: 'RECEIVED',
        status: 'DELIVERED',
        communicationChannel: 'WEBSITE_CHAT',
        content: { type: 'text', text: { text: 'Hi, I would like to book a room' } },
        messageCreatedAt: '2026-02-10T10:30:00.000Z',
      },
    )
  })

  it('answers in request order and groups messages by guest identifier and platform', async () => {
    const response = await push([
      pushedMessage({ phone: '+41791110002', text: 'a' }),
      pushedMessage({ email: 'guest.two@example.com', text: 'b' }),
      pushedMessage({ phone: '079 111 00 02', text: 'c' }),
      pushedMessage({ phone: '+41791110002', platform: 'PHONE_CALL', text: 'd' }),
    ])
    assert.equal(response.statusCode, 201)
    const items = response.json()
    assert.deepEqual(
      items.map((i: { content: { text: { text: string } } }) => i.content.text.text),
      ['a', 'b', 'c', 'd'],
    )
    assert.equal(items[0].conversationId, items[2].conversationId)
    assert.notEqual(items[0].conversationId, items[1].conversationId)
    assert.notEqual(items[0].conversationId, items[3].conversationId)
    assert.equal(items[3].communicationChannel, 'PHONE_CALL')
  })

  it('reuses the conversation of a guest identifier on later pushes', async () => {
    const first = (await push([pushedMessage({ email: 'Reuse@Example.com' })])).json()[0]
    const second = (await push([pushedMessage({ email: 'reuse@example.com ' })])).json()[0]
    assert.equal(first.conversationId, second.conversationId)
  })

  it('accepts email content with subject and body', async () => {
    const response = await push([
      {
        ...pushedMessage({ email: 'mail@example.com' }),
        content: { type: 'email', email: { subject: 'Late arrival', body: 'We arrive at 23:00.' } },
      },
    ])
    assert.equal(response.statusCode, 201)
    assert.deepEqual(response.json()[0].content, { type: 'email', email: { subject: 'Late arrival', body: 'We arrive at 23:00.' } })
  })

  it('a retry with the same externalId stores nothing new and returns the original ids', async () => {
    const batch = [pushedMessage({ phone: '+41791110003', externalId: 'ivr-call-1' }), pushedMessage({ phone: '+41791110003', externalId: 'ivr-call-2' })]
    const first = (await push(batch)).json()
    await t.app.aiAgent.idle()
    const retry = await push(batch)
    assert.equal(retry.statusCode, 201)
    assert.deepEqual(
      retry.json().map((i: { messageId: string }) => i.messageId),
      first.map((i: { messageId: string }) => i.messageId),
    )
    await t.app.aiAgent.idle()
    const page = await t.app.inject({
      url: `/api/unified-messaging-service/guest-conversations/${first[0].conversationId}/messages`,
      headers: bearer(token),
    })
    // The two pushed messages, and the AI agent's one handover message after them.
    const messages = page.json().content as { messageId: string; direction: string; content: { text: { text: string } } }[]
    assert.equal(page.json().totalElements, 3)
    assert.deepEqual(
      messages
        .filter((m) => m.direction === 'RECEIVED')
        .map((m) => m.messageId)
        .sort(),
      first.map((i: { messageId: string }) => i.messageId).sort(),
    )
    assert.deepEqual(
      messages.filter((m) => m.direction === 'SENT').map((m) => m.content.text.text),
      ["I've passed this to our front desk; a colleague will reply shortly."],
    )
  })

  it('accepts 100 messages in one batch', async () => {
    const messages = Array.from({ length: 100 }, (_, i) => pushedMessage({ phone: '+41791110004', text: `m${i}` }))
    const response = await push(messages)
    assert.equal(response.statusCode, 201)
    assert.equal(response.json().length, 100)
  })

  it("orders a conversation's messages by messageCreatedAt, not by arrival", async () => {
    const late = (await push([pushedMessage({ phone: '+41791110005', text: 'second', at: '2026-02-10T10:31:00Z' })])).json()[0]
    await push([pushedMessage({ phone: '+41791110005', text: 'first', at: '2026-02-10T10:30:00Z' })])
    const page = await t.app.inject({
      url: `/api/unified-messaging-service/guest-conversations/${late.conversationId}/messages`,
      headers: bearer(token),
    })
    assert.deepEqual(
      page.json().content.map((m: { content: { text: { text: string } } }) => m.content.text.text),
      ['first', 'second'],
    )
  })
})
