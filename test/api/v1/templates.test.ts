import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { AGENT_PASSWORD, startDeskWithAgents, type DeskWithAgents } from '../../support/desk-with-agents.js'
import { pushedMessage } from '../../support/test-app.js'

const HOUR = 3600_000
let desk: DeskWithAgents
let api: DeskWithAgents['api']
let push: DeskWithAgents['push']
let native: DeskWithAgents['native']
let agents: DeskWithAgents['agents']

before(async () => {
  desk = await startDeskWithAgents()
  api = desk.api
  push = desk.push
  native = desk.native
  agents = desk.agents
  agents.mia.cookie = await desk.signIn('mia@alpenblick.ch', AGENT_PASSWORD)
})
after(() => desk.t.close())

describe('templates', () => {
  let welcome: string
  let approved: string
  let pending: string

  before(async () => {
    welcome = (
      await api('POST', '/v1/templates', {
        name: 'Welcome',
        shortcut: 'welcome',
        body: 'Hi {{guest.firstName|there}}, welcome to {{property.name}}! You arrive on {{reservation.arrival}}.',
      })
    ).json().id
    approved = (
      await api('POST', '/v1/templates', {
        name: 'Follow-up',
        shortcut: 'followup',
        body: 'Hello again from {{property.name}}.',
        channel: 'whatsapp',
        approval: 'approved',
      })
    ).json().id
    pending = (
      await api('POST', '/v1/templates', { name: 'Promo', shortcut: 'promo', body: 'A spa offer for you.', channel: 'whatsapp', approval: 'pending' })
    ).json().id
  })

  it('are managed by admins, with unique shortcuts, and list the variables they use', async () => {
    const list = (await api('GET', '/v1/templates')).json()
    assert.deepEqual(
      list.map((tpl: { shortcut: string }) => tpl.shortcut),
      ['followup', 'promo', 'welcome'],
    )
    assert.deepEqual(list.find((tpl: { id: string }) => tpl.id === welcome).variables, ['guest.firstName', 'property.name', 'reservation.arrival'])
    assert.equal((await api('POST', '/v1/templates', { name: 'Again', shortcut: 'welcome', body: 'x' })).statusCode, 400)
    assert.equal((await api('POST', '/v1/templates', { name: 'Bad', shortcut: 'Has Space', body: 'x' })).statusCode, 400)
    assert.equal((await api('POST', '/v1/templates', { name: 'X', shortcut: 'x', body: 'x' }, { cookie: agents.mia.cookie })).statusCode, 403)
    assert.equal((await api('PATCH', `/v1/templates/${pending}`, { name: 'Spa promo' })).json().name, 'Spa promo')
  })

  it('fill in for a conversation, reporting what it lacks', async () => {
    const id = await push(pushedMessage({ phone: '+41795553333', at: new Date(Date.now() - HOUR).toISOString() }))
    await api('POST', '/v1/reservations', {
      confirmationNumber: 'T-1',
      guest: { firstName: 'Eva', phone: '+41795553333' },
      arrival: '2030-05-01',
      departure: '2030-05-02',
    })
    const filled = (await api('GET', `/v1/conversations/${id}/templates/${welcome}`)).json()
    // The arrival is written for the guest: in the language of the property's country (CH) when the guest's is not known.
    assert.deepEqual(filled, { text: 'Hi Eva, welcome to My hotel! You arrive on Mittwoch, 1. Mai 2030.', missing: [] })
    const other = await push(pushedMessage({ phone: '+41795554444', at: new Date(Date.now() - HOUR).toISOString() }))
    assert.deepEqual((await api('GET', `/v1/conversations/${other}/templates/${welcome}`)).json().missing, ['reservation.arrival'])
    const sent = await api('POST', `/v1/conversations/${id}/messages`, { templateId: welcome })
    assert.equal(sent.json().content.text, 'Hi Eva, welcome to My hotel! You arrive on Mittwoch, 1. Mai 2030.')
    assert.equal((await api('POST', `/v1/conversations/${other}/messages`, { templateId: welcome })).statusCode, 400)
  })

  it('are the only way to reach a WhatsApp guest after the 24 h window, if approved', async () => {
    const open = await native('whatsapp', '+41795555555', Date.now() - HOUR)
    assert.equal((await api('POST', `/v1/conversations/${open}/messages`, { text: 'Inside the window' })).statusCode, 201)
    const closed = await native('whatsapp', '+41795556666', Date.now() - 30 * HOUR)
    const free = await api('POST', `/v1/conversations/${closed}/messages`, { text: 'Outside the window' })
    assert.equal(free.statusCode, 409)
    assert.match(free.json().detail, /24 h window/)
    assert.equal((await api('POST', `/v1/conversations/${closed}/messages`, { templateId: pending })).statusCode, 409)
    assert.equal((await api('POST', `/v1/conversations/${closed}/messages`, { templateId: approved })).statusCode, 201)
  })

  it('follow the reply policy each conversation carries, evaluated when it is fetched', async () => {
    const wroteAt = Date.now() - 24 * HOUR + 60_000
    const late = await native('whatsapp', '+41795550001', wroteAt)
    const fetched = (await api('GET', `/v1/conversations/${late}`)).json()
    assert.deepEqual(fetched.replyPolicy, {
      canReply: true,
      templatesOnly: false,
      reason: 'window-open',
      windowEndsAt: new Date(wroteAt + 24 * HOUR).toISOString(),
      afterWindow: { canReply: true, templatesOnly: true, reason: 'window-closed-templates-only' },
    })
    const listed = (await api('GET', '/v1/conversations?limit=100')).json().items.find((c: { id: string }) => c.id === late)
    assert.deepEqual(listed.replyPolicy, fetched.replyPolicy)
    const expired = await native('instagram', '+41795550002', Date.now() - 30 * HOUR)
    const closed = (await api('GET', `/v1/conversations/${expired}`)).json().replyPolicy
    assert.deepEqual(closed, {
      canReply: false,
      templatesOnly: false,
      reason: 'window-closed',
      windowEndsAt: null,
      afterWindow: { canReply: false, templatesOnly: false, reason: 'window-closed' },
    })
    assert.equal(
      (await api('POST', `/v1/conversations/${expired}/messages`, { text: 'Hello?' })).json().detail,
      'the 24 h window of this instagram conversation has closed: the guest must write first',
    )
  })

  it('close nothing on web chat, and everything on Messenger and Instagram after the window', async () => {
    const web = await native('web_chat', '+41795557777', Date.now() - 30 * HOUR)
    assert.equal((await api('POST', `/v1/conversations/${web}/messages`, { text: 'Still here' })).statusCode, 201)
    const messenger = await native('facebook', '+41795558888', Date.now() - 30 * HOUR)
    assert.equal((await api('POST', `/v1/conversations/${messenger}/messages`, { text: 'Hello?' })).statusCode, 409)
    assert.equal((await api('POST', `/v1/conversations/${messenger}/messages`, { templateId: approved })).statusCode, 409)
  })
})
