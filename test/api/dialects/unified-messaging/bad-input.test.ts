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

function countRows(): { conversations: number; messages: number } {
  return t.db.prepare('SELECT (SELECT count(*) FROM conversations) AS conversations, (SELECT count(*) FROM messages) AS messages').get() as {
    conversations: number
    messages: number
  }
}

const send = (payload: string | object, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: PUSH_URL,
    headers: { ...bearer(token), 'content-type': 'application/json', ...headers },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
  })

function assertRejected(response: { statusCode: number; json(): any }, status: number) {
  assert.equal(response.statusCode, status, JSON.stringify(response.json()))
  const body = response.json()
  assert.equal(body.status, status)
  assert.equal(typeof body.message, 'string')
  assert.ok(body.message.length > 0)
  assert.equal(body.path, PUSH_URL)
  return body
}

describe('a push with bad input', () => {
  it('malformed JSON gets 400 and stores nothing', async () => {
    const before = countRows()
    assertRejected(await send('{"messages": [ {'), 400)
    assert.deepEqual(countRows(), before)
  })

  it('an empty batch and a batch of 101 messages get 400', async () => {
    const empty = assertRejected(await send({ messages: [] }), 400)
    assert.match(JSON.stringify(empty.errors), /messages/)
    const tooMany = Array.from({ length: 101 }, () => pushedMessage())
    assertRejected(await send({ messages: tooMany }), 400)
    assert.equal(countRows().messages, 0)
  })

  it('one invalid message rejects the whole batch with a per-index list of problems', async () => {
    const body = assertRejected(
      await send({
        messages: [
          pushedMessage({ phone: '+41791234567' }),
          { ...pushedMessage(), platform: 'FAX' },
          { ...pushedMessage(), direction: 'OUTGOING', messageCreatedAt: 'yesterday' },
        ],
      }),
      400,
    )
    assert.deepEqual(body.errors.map((e: { index: number; field: string }) => [e.index, e.field]).sort(), [
      [1, 'platform'],
      [2, 'direction'],
      [2, 'messageCreatedAt'],
    ])
    assert.match(body.errors.find((e: { field: string }) => e.field === 'platform').message, /WEBSITE_CHAT, PHONE_CALL/)
    assert.deepEqual(countRows(), { conversations: 0, messages: 0 })
  })

  it('unparseable phones and bad emails are named by index and nothing is stored', async () => {
    const body = assertRejected(
      await send({
        messages: [
          pushedMessage({ phone: '+41791234567' }),
          pushedMessage({ phone: '12' }),
          pushedMessage({ phone: 'call me maybe' }),
          pushedMessage({ email: 'anna@' }),
        ],
      }),
      400,
    )
    assert.deepEqual(
      body.errors.map((e: { index: number; field: string }) => [e.index, e.field]),
      [
        [1, 'guestIdentifier.value'],
        [2, 'guestIdentifier.value'],
        [3, 'guestIdentifier.value'],
      ],
    )
    assert.deepEqual(countRows(), { conversations: 0, messages: 0 })
  })

  it('wrong types are rejected, not coerced', async () => {
    const body = assertRejected(await send({ messages: [{ ...pushedMessage(), content: { type: 'text', text: { text: 12345 } }, direction: true }] }), 400)
    assert.deepEqual(body.errors.map((e: { field: string }) => e.field).sort(), ['content.text.text', 'direction'])
  })

  it('a text message without its text and an unknown identifier type are rejected', async () => {
    const body = assertRejected(
      await send({
        messages: [
          { ...pushedMessage(), content: { type: 'text' } },
          { ...pushedMessage(), guestIdentifier: { type: 'FAXNUMBER', value: '123' } },
        ],
      }),
      400,
    )
    assert.deepEqual(
      body.errors.map((e: { index: number; field: string }) => [e.index, e.field]),
      [[1, 'guestIdentifier.type']],
    )
    // The schema problem comes first; once it is fixed, the missing text is named too.
    const second = assertRejected(await send({ messages: [{ ...pushedMessage(), content: { type: 'text' } }] }), 400)
    assert.deepEqual(second.errors, [{ index: 0, field: 'content.text', message: 'is required when content.type is text' }])
  })

  it('timestamps without a zone, impossible dates and far-future dates are rejected', async () => {
    for (const at of ['2026-02-10T10:30:00', '2026-02-30T10:30:00Z', '2999-01-01T00:00:00Z']) {
      const body = assertRejected(await send({ messages: [pushedMessage({ at })] }), 400)
      assert.equal(body.errors[0].field, 'messageCreatedAt', at)
    }
    assert.equal(countRows().messages, 0)
  })

  it('times before 2000-01-01 are refused per index, whatever their zone, and the first second of 2000 is taken', async () => {
    const before2000 = ['1999-12-31T23:59:59Z', '1970-01-01T00:00:00Z', '0001-01-01T00:00:00Z', '2000-01-01T00:30:00+01:00']
    const body = assertRejected(await send({ messages: [pushedMessage(), ...before2000.map((at) => pushedMessage({ at }))] }), 400)
    assert.deepEqual(
      body.errors.map((e: { index: number; field: string }) => [e.index, e.field]),
      [
        [1, 'messageCreatedAt'],
        [2, 'messageCreatedAt'],
        [3, 'messageCreatedAt'],
        [4, 'messageCreatedAt'],
      ],
    )
    for (const error of body.errors) assert.match(error.message, /before 2000-01-01/)
    assert.equal(countRows().messages, 0)
    // (On a desk of its own: this suite's desk stays empty.)
    const other = await startTestApp()
    try {
      const earliest = await other.app.inject({
        method: 'POST',
        url: PUSH_URL,
        headers: bearer(other.token()),
        payload: { messages: [pushedMessage({ at: '2000-01-01T00:00:00Z' }), pushedMessage({ at: '2000-01-01T01:00:00+01:00' })] },
      })
      assert.equal(earliest.statusCode, 201, earliest.body)
      assert.deepEqual(
        earliest.json().map((m: { messageCreatedAt: string }) => m.messageCreatedAt),
        ['2000-01-01T00:00:00.000Z', '2000-01-01T00:00:00.000Z'],
      )
    } finally {
      await other.close()
    }
  })

  it('whitespace-only texts and blank emails are refused per index; nothing is stored', async () => {
    const rows = countRows()
    const body = assertRejected(
      await send({
        messages: [
          pushedMessage({ text: 'Hello' }),
          pushedMessage({ text: '   ' }),
          pushedMessage({ text: '\n\t \u00a0' }),
          { ...pushedMessage(), content: { type: 'email', email: { subject: ' ', body: '\n' } } },
        ],
      }),
      400,
    )
    assert.deepEqual(
      body.errors.map((e: { index: number; field: string; message: string }) => [e.index, e.field, e.message]),
      [
        [1, 'content.text.text', 'must not be blank'],
        [2, 'content.text.text', 'must not be blank'],
      ],
    )
    // Once the texts say something, the blank email is named too (by the domain check every path shares).
    const email = assertRejected(await send({ messages: [{ ...pushedMessage(), content: { type: 'email', email: { subject: ' ', body: '\n' } } }] }), 400)
    assert.deepEqual(email.errors, [{ index: 0, field: 'content', message: 'must not be blank' }])
    assert.deepEqual(countRows(), rows)
  })

  it('an oversized body gets 413', async () => {
    const huge = 'x'.repeat(19_000)
    const messages = Array.from({ length: 100 }, () => pushedMessage({ text: huge }))
    messages.push(...Array.from({ length: 150 }, () => pushedMessage({ text: huge })))
    assertRejected(await send({ messages }), 413)
  })

  it('a body that is not JSON gets 415', async () => {
    const response = await send('messages=1', { 'content-type': 'application/x-www-form-urlencoded' })
    assert.equal(response.statusCode, 415)
  })

  it('no token gets 401 and a token without the write scope gets 403, in the vendor shape', async () => {
    const anonymous = await t.app.inject({ method: 'POST', url: PUSH_URL, payload: { messages: [pushedMessage()] } })
    assertRejected(anonymous, 401)
    const wrongToken = await send({ messages: [pushedMessage()] }, { authorization: 'Bearer fdk_not-a-real-token' })
    assertRejected(wrongToken, 401)
    const readOnly = await send({ messages: [pushedMessage()] }, bearer(t.token(['guest.conversation.read'])))
    const body = assertRejected(readOnly, 403)
    assert.match(body.message, /guest\.conversation\.write/)
    assert.equal(countRows().messages, 0)
  })

  it('never answers 500 to random junk', async () => {
    const junk: unknown[] = [
      null,
      1,
      'x',
      [],
      { messages: null },
      { messages: [null] },
      { messages: [[]] },
      { messages: [{}] },
      { messages: [{ ...pushedMessage(), guestIdentifier: null }] },
      { messages: [{ ...pushedMessage(), content: 'hi' }] },
      { messages: [{ ...pushedMessage(), externalId: '' }] },
      { messages: [{ ...pushedMessage(), messageCreatedAt: 17 }] },
    ]
    for (const payload of junk) {
      const response = await send(JSON.stringify(payload))
      assert.ok(response.statusCode >= 400 && response.statusCode < 500, `${JSON.stringify(payload)} → ${response.statusCode}`)
    }
    assert.equal(countRows().messages, 0)
  })
})
