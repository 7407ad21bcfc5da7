import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { v7 as uuidv7 } from 'uuid'
import { encodeHlc } from '../../../sync-core/hlc.js'
import { SYNC_SCHEMA_VERSION } from '../../../sync-core/protocol.js'
import { httpTransport } from '../../../local-api/services/sync/transport.js'
import { startCentralForTests, type CentralForTests } from '../../support/central-for-tests.js'
import { eventually } from '../../support/eventually.js'
import { bearer, PUSH_URL, pushedMessage, startTestApp, type TestApp } from '../../support/test-app.js'

const quickSync = { client: { periodMs: 500, maxBackoffMs: 300 } }

describe('contact suggestions between desks', () => {
  let group: CentralForTests
  let a: TestApp
  let b: TestApp
  let propertyId: string
  let annaGuestId: string
  let strangerChat: string

  const suggestionsOn = async (desk: TestApp, conversationId: string) => {
    const response = await desk.app.inject({ url: `/v1/conversations/${conversationId}/suggestions`, headers: bearer(desk.token(['admin'])) })
    return response.statusCode === 200 ? (response.json() as { id: string; value: string; status: string; matchedGuest: { id: string } | null }[]) : undefined
  }

  before(async () => {
    group = await startCentralForTests()
    a = await startTestApp({ sync: quickSync })
    b = await startTestApp({ sync: quickSync })
    propertyId = a.app.store.properties.first()!.id
    const admin = a.token(['admin'])
    const booked = await a.app.inject({
      method: 'POST',
      url: '/v1/reservations',
      headers: bearer(admin),
      payload: {
        confirmationNumber: 'SY-1',
        guest: { firstName: 'Anna', lastName: 'Muster', email: 'anna.sync@example.ch' },
        arrival: '2030-05-01',
        departure: '2030-05-03',
      },
    })
    annaGuestId = booked.json().reservation.guestId
    const pushed = await a.app.inject({
      method: 'POST',
      url: PUSH_URL,
      headers: bearer(admin),
      payload: { messages: [pushedMessage({ phone: '+41795558001', text: 'Reach me at anna.sync@example.ch' })] },
    })
    strangerChat = pushed.json()[0].conversationId
    await a.app.insight.idle()
    await group.connect(a, 'Desk A', propertyId)
    await group.connect(b, 'Desk B', propertyId)
  })
  after(async () => {
    await a.close()
    await b.close()
    await group.close()
  })

  it('another desk shows the same suggestion, and the conversation stays unlinked there', async () => {
    const [onA] = (await suggestionsOn(a, strangerChat))!
    const [onB] = await eventually(
      'the suggestion on desk B',
      async () => {
        const list = await suggestionsOn(b, strangerChat)
        assert.ok(list?.length && list[0]!.matchedGuest)
        return list
      },
      { timeoutMs: 15_000 },
    )
    assert.deepEqual(onB, onA)
    assert.equal(onB!.matchedGuest!.id, annaGuestId)
    assert.equal(b.app.store.conversations.get(strangerChat)!.guestId, null)
  })

  it('a dismissal on one desk shows on the other', async () => {
    const [suggestion] = (await suggestionsOn(a, strangerChat))!
    const dismissed = await a.app.inject({
      method: 'POST',
      url: `/v1/conversations/${strangerChat}/suggestions/${suggestion!.id}/dismiss`,
      headers: bearer(a.token(['admin'])),
    })
    assert.equal(dismissed.statusCode, 200, dismissed.body)
    await eventually('the dismissal on desk B', async () => assert.equal((await suggestionsOn(b, strangerChat))?.[0]?.status, 'dismissed'), {
      timeoutMs: 15_000,
    })
    assert.match(b.app.store.contactSuggestions.get(suggestion!.id)!.decidedBy ?? '', /^token:/)
  })

  it("an older desk's unverified identity becomes a suggestion, never a link", async () => {
    const { credential } = await group.central.centralSync.addDevice({ name: 'Old desk', propertyId })
    const clock = (counter: number) => encodeHlc({ wallMs: Date.now(), counter, node: 'olddesk1' })
    const op = (clientSeq: number, space: string, entity: string, entityId: string, fields: Record<string, unknown>) => ({
      opId: uuidv7(),
      clientId: 'olddesk1',
      clientSeq,
      hlc: clock(clientSeq),
      space,
      entity,
      entityId,
      fields,
      schemaVersion: SYNC_SCHEMA_VERSION,
    })
    const captured = {
      readUpTo: 1,
      kind: 'lead',
      persona: null,
      intent: { level: 'low', reason: 'asks questions only' },
      dates: [],
      captured: { emails: ['anna.sync@example.ch'], phones: [], name: null },
      cues: { bookingIntent: false, details: false, personaTexts: [] },
    }
    const pushed = await httpTransport(group.url, credential).push({
      clientId: 'olddesk1',
      schemaVersion: SYNC_SCHEMA_VERSION,
      ops: [
        op(1, propertyId, 'conversation', 'conv_olddesk1', {
          propertyId,
          channel: 'whatsapp',
          createdAt: Date.now(),
          identity: { kind: 'phone', value: '+41795558002' },
          guestId: null,
          mode: 'human',
          insight: captured,
        }),
        // What an older desk's insight did: the written address as an unverified identity of the writer's profile…
        op(2, 'group', 'guest_identity', 'email:eve.old@example.ch', {
          kind: 'email',
          value: 'eve.old@example.ch',
          guestId: null,
          verified: false,
          createdAt: Date.now(),
        }),
        // …and for an address known elsewhere, the same value with the stranger's profile.
        op(3, 'group', 'guest_identity', 'email:anna.sync@example.ch', { kind: 'email', value: 'anna.sync@example.ch', guestId: null, verified: false }),
      ],
    })
    assert.ok('rejected' in pushed && pushed.rejected.length === 0, JSON.stringify(pushed))
    for (const desk of [a, b]) {
      const [suggestion] = await eventually(
        "the old desk's conversation",
        async () => {
          const list = await suggestionsOn(desk, 'conv_olddesk1')
          assert.ok(list?.length)
          return list
        },
        { timeoutMs: 15_000 },
      )
      assert.equal(suggestion!.value, 'anna.sync@example.ch')
      assert.equal(suggestion!.matchedGuest?.id, annaGuestId, "Anna's verified address is still hers")
      assert.equal(desk.app.store.guests.findIdentity('email', 'eve.old@example.ch'), undefined)
      assert.equal(desk.app.store.guests.findIdentity('email', 'anna.sync@example.ch')!.guestId, annaGuestId)
      assert.equal(desk.app.store.conversations.get('conv_olddesk1')!.guestId, null)
    }
  })
})
