import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { bearer, PUSH_URL, pushedMessage, startTestApp, type TestApp } from '../../support/test-app.js'

const NOW = Date.parse('2026-03-10T12:00:00Z')
let clock = NOW

let t: TestApp
let admin: string
let writer: string
let cookie: string
let marco: { guestId: string; conversationId: string; reservationId: string }
let sara: { guestId: string; conversationIds: string[]; reservationId: string }
let otherPropertyId: string

/** Every row a merge touches and an undo must give back exactly (events aside: the timeline keeps both). */
function rows() {
  const q = (sql: string) => t.db.prepare(sql).all()
  return {
    guests: q('SELECT * FROM guests ORDER BY id'),
    identities: q('SELECT rowid, kind, value, guest_id, verified, created_at FROM guest_identities ORDER BY rowid'),
    conversations: q('SELECT id, guest_id, identity_rowid, property_id, channel FROM conversations ORDER BY id'),
    search: q('SELECT c.id, s.guest_text FROM conversations c JOIN conversation_search s ON s.rowid = c.rowid ORDER BY c.id'),
    reservations: q('SELECT * FROM reservations ORDER BY id'),
    leads: q('SELECT id, conversation_id, guest_id, status FROM leads ORDER BY id'),
  }
}

const push = async (message: object) => {
  const response = await t.app.inject({
    method: 'POST',
    url: PUSH_URL,
    headers: bearer(admin),
    payload: { messages: [{ ...message, messageCreatedAt: new Date(clock).toISOString() }] },
  })
  assert.ok(response.statusCode < 300, response.body)
  return response.json()[0].conversationId as string
}
const reserve = async (confirmationNumber: string, guest: object) => {
  const response = await t.app.inject({
    method: 'POST',
    url: '/v1/reservations',
    headers: bearer(admin),
    payload: { confirmationNumber, guest, arrival: '2026-03-12', departure: '2026-03-15', status: 'confirmed' },
  })
  assert.equal(response.statusCode, 201, response.body)
  return response.json().reservation as { id: string; guestId: string }
}
const events = async (conversationId: string) =>
  (await t.app.inject({ url: `/v1/conversations/${conversationId}/events`, headers: { cookie } })).json() as {
    type: string
    agent: { name: string } | null
    data: Record<string, unknown>
  }[]
const mergeRequest = (guestId: string, payload: object, headers: Record<string, string>) =>
  t.app.inject({ method: 'POST', url: `/v1/guests/${guestId}/merge`, headers, payload })
const undoRequest = (mergeId: string, headers: Record<string, string>) => t.app.inject({ method: 'POST', url: `/v1/guest-merges/${mergeId}/undo`, headers })

before(async () => {
  t = await startTestApp({ clock: () => clock })
  admin = t.token(['admin'])
  writer = t.token(['guest.conversation.write', 'guest.conversation.read'])
  const setup = await t.app.inject({
    method: 'POST',
    url: '/v1/setup',
    payload: {
      property: { name: 'Hotel Lago', defaultCountry: 'CH', timeZone: 'Europe/Zurich' },
      admin: { name: 'Sara Brunner', email: 'sara@lago.ch', password: 'correct horse battery staple 42' },
    },
  })
  assert.equal(setup.statusCode, 201, setup.body)
  cookie = String([setup.headers['set-cookie']].flat()[0]).split(';')[0]!

  const marcoReservation = await reserve('LG-1', { firstName: 'Marco', lastName: 'Rossi', phone: '+41795550001', language: 'it' })
  clock += 60_000
  const saraReservation = await reserve('LG-2', { firstName: 'Sara', lastName: 'Keller', phone: '+41795550002', email: 'sara@example.ch', language: 'de' })
  marco = {
    guestId: marcoReservation.guestId,
    reservationId: marcoReservation.id,
    conversationId: await push(pushedMessage({ phone: '+41795550001', text: 'Hello' })),
  }
  sara = {
    guestId: saraReservation.guestId,
    reservationId: saraReservation.id,
    conversationIds: [
      await push(pushedMessage({ phone: '+41795550002', text: 'Is parking free?' })),
      await push(pushedMessage({ email: 'sara@example.ch', text: 'Hi' })),
    ],
  }
  assert.ok(marco.guestId < sara.guestId, 'the older profile has the smaller id')
  const lead = await t.app.inject({ method: 'POST', url: `/v1/conversations/${sara.conversationIds[0]}/lead`, headers: { cookie } })
  assert.ok(lead.statusCode < 300, lead.body)
  otherPropertyId = (
    await t.app.inject({
      method: 'POST',
      url: '/v1/properties',
      headers: bearer(admin),
      payload: { name: 'Hotel Monte', defaultCountry: 'CH', timeZone: 'Europe/Zurich' },
    })
  ).json().id
})
after(() => t.close())

describe('guest merges', () => {
  let mergeId: string
  let before: ReturnType<typeof rows>

  it('POST /v1/guests/:id/merge by a signed-in agent: recorded with who and why, shown in every affected timeline', async () => {
    before = rows()
    clock += 60_000
    const response = await mergeRequest(sara.guestId, { intoGuestId: marco.guestId, reason: "wrote sara@example.ch from Marco's phone" }, { cookie })
    assert.equal(response.statusCode, 200, response.body)
    const body = response.json()
    mergeId = body.mergeId
    assert.match(mergeId, /^gmg_/)
    assert.equal(body.guestId, marco.guestId)
    assert.deepEqual(body.conversationIds.sort(), [...sara.conversationIds].sort())

    const after = rows()
    assert.deepEqual(
      (after.guests as { id: string }[]).map((g) => g.id),
      [marco.guestId],
    )
    assert.ok((after.conversations as { guest_id: string }[]).every((c) => c.guest_id === marco.guestId))
    assert.ok((after.reservations as { guest_id: string }[]).every((r) => r.guest_id === marco.guestId))
    assert.ok((after.leads as { guest_id: string }[]).every((l) => l.guest_id === marco.guestId))

    for (const conversationId of [marco.conversationId, ...sara.conversationIds]) {
      const merged = (await events(conversationId)).filter((event) => event.type === 'guest_merged')
      assert.equal(merged.length, 1, conversationId)
      assert.equal(merged[0]!.agent?.name, 'Sara Brunner')
      assert.equal(merged[0]!.data.mergeId, mergeId)
      assert.equal(merged[0]!.data.reason, "wrote sara@example.ch from Marco's phone")
      assert.equal(merged[0]!.data.otherName, conversationId === marco.conversationId ? 'Sara Keller' : 'Marco Rossi')
    }

    const listed = await t.app.inject({ url: `/v1/guest-merges?guestId=${sara.guestId}`, headers: bearer(writer) })
    assert.equal(listed.statusCode, 200, listed.body)
    const [merge] = listed.json().merges
    assert.equal(merge.id, mergeId)
    assert.equal(merge.keptGuestId, marco.guestId)
    assert.equal(merge.goneName, 'Sara Keller')
    assert.deepEqual(merge.moved.reservationIds, [sara.reservationId])
    assert.equal(merge.moved.identities, 2)
    assert.equal(merge.mergedBy.agent.name, 'Sara Brunner')
    assert.equal(merge.undoneAt, null)
  })

  it('POST /v1/guest-merges/:id/undo gives every row back exactly, and says so in the timeline', async () => {
    clock += 60_000
    const response = await undoRequest(mergeId, bearer(writer))
    assert.equal(response.statusCode, 200, response.body)
    assert.deepEqual(response.json().guestIds, [marco.guestId, sara.guestId])
    assert.deepEqual(response.json().conversationIds.sort(), [...sara.conversationIds].sort())
    assert.deepEqual(rows(), before)

    const undone = (await events(sara.conversationIds[0]!)).filter((event) => event.type === 'guest_merge_undone')
    assert.equal(undone.length, 1)
    assert.equal(undone[0]!.agent, null)
    assert.equal(undone[0]!.data.tokenName, 'test')
    assert.equal(undone[0]!.data.mergeId, mergeId)

    const [merge] = (await t.app.inject({ url: `/v1/guest-merges?guestId=${marco.guestId}`, headers: { cookie } })).json().merges
    assert.equal(merge.undoneBy.tokenName, 'test')
    assert.ok(merge.undoneAt)
  })

  it('an undo of an undone merge is 409; an unknown merge is 404', async () => {
    const again = await undoRequest(mergeId, { cookie })
    assert.equal(again.statusCode, 409)
    assert.match(again.json().detail, /undone already/)
    assert.equal((await undoRequest('gmg_nope', { cookie })).statusCode, 404)
  })

  it('a merge of a profile that does not exist is 404; into itself or into nothing is 400; a blank reason is 400', async () => {
    assert.equal((await mergeRequest('gst_nope', { intoGuestId: marco.guestId }, { cookie })).statusCode, 404)
    const self = await mergeRequest(marco.guestId, { intoGuestId: marco.guestId }, { cookie })
    assert.equal(self.statusCode, 400)
    assert.match(self.json().detail, /same profile/)
    assert.equal((await mergeRequest(marco.guestId, { intoGuestId: 'gst_nope' }, { cookie })).statusCode, 400)
    assert.equal((await mergeRequest(marco.guestId, { intoGuestId: sara.guestId, reason: '   ' }, { cookie })).statusCode, 400)
    assert.equal((await mergeRequest(marco.guestId, { intoGuestId: sara.guestId, extra: 1 }, { cookie })).statusCode, 400)
    assert.equal((await mergeRequest(marco.guestId, {}, { cookie })).statusCode, 400)
    assert.equal(rows().guests.length, 2, 'nothing merged')
  })

  it('needs a credential, the write scope, and a token not bound to one property', async () => {
    assert.equal((await mergeRequest(sara.guestId, { intoGuestId: marco.guestId }, {})).statusCode, 401)
    assert.equal((await undoRequest(mergeId, {})).statusCode, 401)
    assert.equal((await t.app.inject({ url: '/v1/guest-merges' })).statusCode, 401)
    const reader = t.token(['guest.conversation.read'])
    assert.equal((await mergeRequest(sara.guestId, { intoGuestId: marco.guestId }, bearer(reader))).statusCode, 403)
    assert.equal((await undoRequest(mergeId, bearer(reader))).statusCode, 403)
    const bound = t.token(['guest.conversation.write', 'guest.conversation.read'], otherPropertyId)
    assert.equal((await mergeRequest(sara.guestId, { intoGuestId: marco.guestId }, bearer(bound))).statusCode, 403)
    assert.equal((await t.app.inject({ url: '/v1/guest-merges', headers: bearer(bound) })).statusCode, 403)
    assert.equal(rows().guests.length, 2, 'nothing merged')
  })

  it('a profile can be merged again after an undo, by an API token (named in the record), and undone again', async () => {
    const before = rows()
    const response = await mergeRequest(marco.guestId, { intoGuestId: sara.guestId }, bearer(writer))
    assert.equal(response.statusCode, 200, response.body)
    const { mergeId: second } = response.json()
    assert.notEqual(second, mergeId)
    const merges = (await t.app.inject({ url: '/v1/guest-merges', headers: bearer(writer) })).json().merges
    assert.deepEqual(
      merges.map((m: { id: string }) => m.id),
      [second, mergeId],
    )
    assert.equal(merges[0].mergedBy.tokenName, 'test')
    assert.equal(merges[0].reason, null)
    assert.equal((await undoRequest(second, bearer(writer))).statusCode, 200)
    assert.deepEqual(rows(), before)
  })

  it('two profiles with an onsite contact on one channel account merge (the merged-away one set aside) and split back exactly', async () => {
    const account = await t.app.inject({
      method: 'POST',
      url: '/v1/channel-accounts',
      headers: bearer(admin),
      payload: { channel: 'web_chat', code: 'lobby', name: 'Lobby tablet' },
    })
    assert.equal(account.statusCode, 201, account.body)
    const channelAccountId = account.json().id as string
    for (const [n, guestId] of [
      [1, marco.guestId],
      [2, sara.guestId],
    ] as const) {
      const identity = t.app.store.guests.insertIdentity('onsite_contact', `lobby:${n}`, guestId, clock)
      t.app.store.onsiteContacts.insert({ id: `oc_test${n}`, channelAccountId, sn: `SN-${n}`, guestId, identityRowid: identity.rowid, createdAt: clock })
    }
    const contacts = () => t.db.prepare('SELECT id, guest_id FROM onsite_contacts ORDER BY id').raw().all()
    const before = rows()
    const beforeContacts = contacts()
    const response = await mergeRequest(sara.guestId, { intoGuestId: marco.guestId }, { cookie })
    assert.equal(response.statusCode, 200, response.body)
    assert.deepEqual(
      contacts(),
      [
        ['oc_test1', marco.guestId],
        ['oc_test2', null],
      ],
      'one contact per account and profile: the other is set aside',
    )
    assert.equal((await undoRequest(response.json().mergeId, { cookie })).statusCode, 200)
    assert.deepEqual(contacts(), beforeContacts)
    assert.deepEqual(rows(), before)
  })
})
