import assert from 'node:assert/strict'
import { rmSync } from 'node:fs'
import { after, describe, it } from 'node:test'
import { TOLD_UP_TO_KEY } from '../../local-api/services/guest-languages.js'
import { bearer, startTestApp, tempDir, type TestApp } from '../support/test-app.js'

// Guest messages stored before languages were told (an older store), or while the desk was closed,
// are told in slices in the background, resuming where the desk stopped; a conversation's language
// is its guest's latest told one by time, whichever order the messages were stored in.

const dataDir = tempDir()
after(() => rmSync(dataDir, { recursive: true, force: true }))

const TEXTS: Record<string, string> = {
  it: 'Buongiorno, posso fare il check-in prima delle 14?',
  de: 'Hallo, habt ihr noch ein Doppelzimmer frei am Wochenende?',
  fr: 'Bonjour, est-ce que le petit-déjeuner est compris dans le prix ?',
  es: '¿Hola, tienen aparcamiento en el hotel para esta noche?',
  ar: 'مرحبا، هل يوجد موقف للسيارات في الفندق؟',
}

async function start(): Promise<TestApp> {
  return startTestApp({ dataDir })
}
async function push(t: TestApp, phone: string, text: string, createdAt = new Date()) {
  const response = await t.app.inject({
    method: 'POST',
    url: '/v1/messages',
    headers: bearer(t.token(['guest.conversation.write'])),
    payload: { messages: [{ channel: 'whatsapp', guest: { phone }, direction: 'in', content: { type: 'text', text }, createdAt: createdAt.toISOString() }] },
  })
  assert.equal(response.statusCode, 201, response.body)
  return response.json().items[0].conversationId as string
}
const languages = (t: TestApp) => t.db.prepare('SELECT language FROM messages WHERE direction = ? ORDER BY rowid').pluck().all('in') as (string | null)[]
/** The store as a version from before guest languages left it: nothing told, no cursor. */
function forgetLanguages(t: TestApp, keepUpTo?: number) {
  t.db.exec('UPDATE messages SET language = NULL; UPDATE conversations SET language = NULL')
  if (keepUpTo === undefined) t.db.prepare('DELETE FROM settings WHERE key = ?').run(TOLD_UP_TO_KEY)
  else t.db.prepare('UPDATE settings SET value = ? WHERE key = ?').run(JSON.stringify(keepUpTo), TOLD_UP_TO_KEY)
}
async function restart(t: TestApp): Promise<TestApp> {
  t.db.close()
  await t.app.close()
  return start()
}

describe('the languages of messages stored before they were told', () => {
  let t: TestApp
  const conversations = new Map<string, string>()

  it('are told in the background after a start, every one of 600 guest messages', async () => {
    t = await start()
    const codes = Object.keys(TEXTS)
    for (let index = 0; index < 600; index++) {
      const code = codes[index % codes.length]!
      const phone = `+4179555${String(1000 + (index % 40))}`
      conversations.set(phone, await push(t, phone, `${TEXTS[code]} (${index})`))
    }
    await t.app.guestLanguages.idle()
    forgetLanguages(t)
    assert.ok(languages(t).every((language) => language === null))

    t = await restart(t)
    await t.app.guestLanguages.idle()
    const told = languages(t)
    assert.equal(told.length, 600)
    assert.deepEqual(
      told,
      told.map((_, index) => codes[index % codes.length]),
    )
    // Each conversation's language is its guest's latest message's (phone i wrote codes[(i + 40k) % 5], last k).
    for (const [phone, id] of conversations) {
      const last = 560 + (Number(phone.slice(-4)) - 1000)
      assert.equal(t.app.store.conversations.languageOf(id), codes[last % codes.length], phone)
    }
    const maxRowid = t.db.prepare("SELECT max(rowid) FROM messages WHERE direction = 'in'").pluck().get()
    assert.equal(t.app.store.settings.get(TOLD_UP_TO_KEY), maxRowid)
  })

  it('resume where the desk stopped: what was told before the kept point is not read again', async () => {
    const middle = t.db.prepare("SELECT rowid FROM messages WHERE direction = 'in' ORDER BY rowid LIMIT 1 OFFSET 299").pluck().get() as number
    forgetLanguages(t, middle)
    t = await restart(t)
    await t.app.guestLanguages.idle()
    const told = languages(t)
    assert.ok(
      told.slice(0, 300).every((language) => language === null),
      'the first 300 were told before the restart',
    )
    assert.ok(told.slice(300).every((language) => language !== null))
  })

  it("follow the guest's latest message by time, not the order messages reached the desk", async () => {
    const phone = '+41795559999'
    const id = await push(t, phone, TEXTS.de!)
    // A message written yesterday that reaches the desk later (another desk's, a late import).
    await push(t, phone, TEXTS.fr!, new Date(Date.now() - 86_400_000))
    await t.app.guestLanguages.idle()
    assert.equal(t.app.store.conversations.languageOf(id), 'de')
    await t.close()
  })
})
