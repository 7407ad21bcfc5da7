import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { startGuestSearchDesk, type GuestSearchDesk } from '../../support/guest-search-desk.js'
import { pushedMessage, type TestApp } from '../../support/test-app.js'

// The list's guest search (`q=`) finds a guest by every phone and email of their profile, not only
// the contact the conversation comes from, with diacritics folded ("schafer" finds "Schäfer").

let desk: GuestSearchDesk
let t: TestApp
const push = (message: object) => desk.push(message)
const reserve = (confirmationNumber: string, guest: object) => desk.reserve(confirmationNumber, guest)
const listIds = (q: string) => desk.listIds(q)

const ids: Record<string, string> = {}

before(async () => {
  desk = await startGuestSearchDesk()
  t = desk.t
  ids.chat = await push(pushedMessage({ phone: '+41791110001' }))
  ids.mail = await push(pushedMessage({ email: 'j.schafer@example.de' }))
  ids.other = await push(pushedMessage({ phone: '+41792220002' }))
  // Two bookings of one guest: the phone of the first, a second phone and an email on the second.
  await reserve('S-1', { firstName: 'Jürgen', lastName: 'Schäfer', phone: '+41791110001', email: 'juergen@example.de' })
  await reserve('S-2', { firstName: 'Jürgen', lastName: 'Schäfer', phone: '+41791110001', email: 'j.schafer@example.de' })
  await reserve('S-3', { firstName: 'Élodie', lastName: 'Nørgaard', phone: '+41792220002' })
})
after(() => t.close())

describe('GET /v1/conversations?q= finds a guest by their whole profile', () => {
  it('finds the chat from the phone by the email of the profile, and the email conversation by the phone', async () => {
    assert.deepEqual(await listIds('juergen@example.de'), [ids.mail, ids.chat])
    assert.deepEqual(await listIds('j.schafer@example.de'), [ids.mail, ids.chat])
    assert.deepEqual(await listIds('+41791110001'), [ids.mail, ids.chat])
  })

  it('reads a national number as today: 079 111 00 01 finds +41791110001 on every conversation of the profile', async () => {
    assert.deepEqual(await listIds('079 111 00 01'), [ids.mail, ids.chat])
    assert.deepEqual(await listIds('0791110001'), [ids.mail, ids.chat])
  })

  it('folds diacritics both ways: schafer, Schäfer, SCHAEFER and jurgen all find Jürgen Schäfer', async () => {
    for (const q of ['schafer', 'Schäfer', 'SCHÄFER', 'schaefer', 'jurgen', 'Jürgen schafer', 'juergen']) {
      assert.deepEqual(await listIds(q), [ids.mail, ids.chat], `q=${q}`)
    }
    assert.deepEqual(await listIds('elodie'), [ids.other])
    assert.deepEqual(await listIds('norgaard'), [ids.other])
    assert.deepEqual(await listIds('Nørgaard'), [ids.other])
    // Short queries (1-2 characters) go through the gram index, folded as well.
    assert.deepEqual(await listIds('ør'), [ids.other])
    assert.deepEqual(await listIds('schmidt'), [])
  })

  it('a contact added to the profile later makes every conversation of the guest findable by it', async () => {
    assert.deepEqual(await listIds('elodie.n@example.fr'), [])
    await reserve('S-4', { firstName: 'Élodie', lastName: 'Nørgaard', phone: '+41792220002', email: 'elodie.n@example.fr' })
    assert.deepEqual(await listIds('elodie.n@example.fr'), [ids.other])
  })
})
