import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { listConversationsQuery } from '../../../local-api/db/conversations.js'
import { shortGrams, shortQueryLookup } from '../../../local-api/db/guest-search-grams.js'
import { foldForSearch } from '../../../local-api/domain/search-folding.js'
import { startGuestSearchDesk, type GuestSearchDesk } from '../../support/guest-search-desk.js'
import { bearer, pushedMessage, type TestApp } from '../../support/test-app.js'

// A query with no term of 3 characters (`q=li`) is a substring of the guest's search text (name,
// phone or email, a phone's digits; lower case, diacritics folded), found through the index of 1- and 2-character
// substrings: the same conversations, in the same order, as the scan it replaces.

let desk: GuestSearchDesk
let t: TestApp
let admin: string
const push = (message: object) => desk.push(message)
const reserve = (confirmationNumber: string, guest: object) => desk.reserve(confirmationNumber, guest)
const listIds = (q: string) => desk.listIds(q)

/** What the list answered before the index: a LIKE scan of every search text. */
const scanned = (q: string) =>
  (
    t.db
      .prepare(
        `SELECT c.id FROM conversations c
         WHERE c.rowid IN (SELECT rowid FROM conversation_search WHERE guest_text LIKE ? ESCAPE '\\')
         ORDER BY c.last_message_at DESC, c.id DESC LIMIT 100`,
      )
      .pluck()
      .all(`%${foldForSearch(q.trim()).replace(/[\\%_]/g, (c) => `\\${c}`)}%`) as string[]
  ).slice()

/** Every stored search text's grams are exactly those in the index. */
function assertGramsInStep(): void {
  const texts = t.db.prepare('SELECT rowid, guest_text AS text FROM conversation_search').all() as { rowid: number; text: string }[]
  const expected = texts.flatMap(({ rowid, text }) => shortGrams(text).map((gram) => `${gram}|${rowid}`)).sort()
  const stored = (t.db.prepare('SELECT gram, conversation_rowid AS rowid FROM conversation_search_grams').all() as { gram: string; rowid: number }[])
    .map(({ gram, rowid }) => `${gram}|${rowid}`)
    .sort()
  assert.deepEqual(stored, expected)
}

/** Every 1- and 2-character substring of the stored texts, some in upper case, and a few that match nothing. */
function shortQueries(): string[] {
  const texts = t.db.prepare('SELECT guest_text FROM conversation_search').pluck().all() as string[]
  const grams = [...new Set(texts.flatMap((text) => shortGrams(text)))]
  return [...grams, ...grams.filter((_, i) => i % 7 === 0).map((gram) => gram.toUpperCase()), 'zz', 'qx', ' l ', '%', '_', 'u', 'o', 'a b', 'li wu', 'zo m']
}

async function assertSameAsScan(): Promise<void> {
  for (const q of shortQueries()) assert.deepEqual(await listIds(q), scanned(q), `q=${JSON.stringify(q)}`)
}

const ids: Record<string, string> = {}

before(async () => {
  desk = await startGuestSearchDesk()
  t = desk.t
  admin = desk.admin
  ids.zoe = await push(pushedMessage({ phone: '+41795550101' }))
  ids.joseMail = await push(pushedMessage({ email: 'jose.n@example.es' }))
  ids.josePhone = await push(pushedMessage({ phone: '+34600000001', platform: 'PHONE_CALL' }))
  ids.asa = await push(pushedMessage({ phone: '+46700000002' }))
  ids.li = await push(pushedMessage({ phone: '+41795550103' }))
  ids.wei = await push(pushedMessage({ phone: '+41795550104' }))
  ids.nameless = await push(pushedMessage({ email: 'x_y%z@example.com' }))
  await reserve('R-1', { firstName: 'Zoë', lastName: 'Müller', phone: '+41795550101' })
  // One guest, two contacts: both conversations carry the name.
  await reserve('R-2', { firstName: 'José', lastName: 'Núñez', phone: '+34600000001', email: 'jose.n@example.es' })
  await reserve('R-3', { firstName: 'Åsa', lastName: 'Löfgren', phone: '+46700000002' })
})
after(() => t.close())

describe('GET /v1/conversations?q= of 1 or 2 characters', () => {
  it('finds a substring of names, contacts and digits, in any case, with diacritics folded', async () => {
    assert.deepEqual(await listIds('mü'), [ids.zoe])
    assert.deepEqual(await listIds('MÜ'), [ids.zoe])
    assert.deepEqual(await listIds('ñe'), [ids.josePhone, ids.joseMail])
    assert.deepEqual(await listIds('ë'), await listIds('e'))
    assert.deepEqual(await listIds('%'), [ids.nameless])
    assert.deepEqual(await listIds('qq'), [])
    // José's email conversation is found by the phone of his profile too.
    assert.deepEqual(await listIds('34'), [ids.josePhone, ids.joseMail])
    assertGramsInStep()
    await assertSameAsScan()
  })

  it('follows a renamed guest: the old name no longer matches, the new one does', async () => {
    assert.deepEqual(await listIds('öf'), [ids.asa])
    await reserve('R-3', { firstName: 'Åsa', lastName: 'Lindqvist', phone: '+46700000002' })
    assert.deepEqual(await listIds('öf'), [])
    assert.deepEqual(await listIds('qv'), [ids.asa])
    assertGramsInStep()
    await assertSameAsScan()
  })

  it('follows a merge: the conversations of both profiles carry the kept name', async () => {
    const li = await reserve('R-4', { firstName: 'Li', lastName: 'Wu', phone: '+41795550103' })
    const wei = await reserve('R-5', { firstName: 'Wei', lastName: 'Zhang', phone: '+41795550104' })
    assert.deepEqual(await listIds('wu'), [ids.li])
    const merged = await t.app.inject({
      method: 'POST',
      url: `/v1/guests/${wei.guestId}/merge`,
      headers: bearer(admin),
      payload: { intoGuestId: li.guestId },
    })
    assert.equal(merged.statusCode, 200, merged.body)
    const kept = merged.json().guestId === li.guestId ? 'wu' : 'zh'
    assert.deepEqual(await listIds(kept), [ids.wei, ids.li])
    assertGramsInStep()
    await assertSameAsScan()
  })

  it('gives the same answer whichever plan the store picks (seek a rare substring, walk the activity order for a common one)', () => {
    for (const q of shortQueries()) {
      const lookup = shortQueryLookup(foldForSearch(q.trim()))!
      for (const gram of lookup.grams) {
        for (const common of [false, true]) {
          const { sql, params } = listConversationsQuery({ limit: 100, now: desk.now(), query: q }, { shortGram: { gram, common } })
          const found = (t.db.prepare(sql).all(params) as { id: string }[]).map((row) => row.id)
          assert.deepEqual(found, scanned(q), `q=${JSON.stringify(q)} by ${gram}, ${common ? 'walking' : 'seeking'}`)
        }
      }
    }
  })

  it('pages a short query with the cursor like any other', async () => {
    const first = await t.app.inject({ url: '/v1/conversations?limit=2&q=e', headers: bearer(admin) })
    const page = first.json() as { items: { id: string }[]; nextCursor: string | null }
    assert.ok(page.nextCursor)
    const rest = await t.app.inject({ url: `/v1/conversations?limit=100&q=e&cursor=${encodeURIComponent(page.nextCursor)}`, headers: bearer(admin) })
    assert.deepEqual(
      [...page.items, ...rest.json().items].map((item: { id: string }) => item.id),
      scanned('e'),
    )
  })
})
