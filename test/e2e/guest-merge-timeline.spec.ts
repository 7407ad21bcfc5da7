import { expectNoSeriousViolations } from './axe.js'
import { expect, SCREENSHOTS, test } from './fixtures.js'
import { InboxPage } from './pages/inbox-page.js'

// This spec adds conversations and changes guests: a desk of its own, so the others see the seed as it is.
test.use({ deskName: 'guest-merge-timeline' })

test('a guest merge shows in the timeline with who and why, and its Undo there splits the profiles again', async ({ page, desk, signedIn }) => {
  // A guest writes from a new number and names the email of Anna Muster's reservation (CONF-1001).
  const written = await page.request.post(`${desk.url}/v1/messages`, {
    headers: { authorization: `Bearer ${desk.token}` },
    data: {
      messages: [
        {
          channel: 'web_chat',
          guest: { phone: '+41795700031' },
          direction: 'in',
          content: { type: 'text', text: 'It is me, write to anna.muster@example.com' },
          createdAt: new Date(Date.now() - 60_000).toISOString(),
        },
      ],
    },
  })
  expect(written.status()).toBe(201)
  const id = (await written.json()).items[0].conversationId as string

  const inbox = new InboxPage(page)
  await inbox.goto(`${desk.url}/conversations/${id}`)
  const suggestion = inbox.guestPanel().getByRole('listitem', { name: 'anna.muster@example.com' })
  await suggestion.getByRole('button', { name: 'Link' }).click({ timeout: 10_000 })
  await expect(inbox.chatTitle()).toHaveText('Anna Muster')

  // The link is a recorded merge: who, with whom, why — and an Undo.
  const merged = inbox.history().getByRole('note').filter({ hasText: 'linked this conversation to' })
  await expect(merged).toContainText("Anna Keller linked this conversation to Anna Muster's profile — reason: the guest wrote anna.muster@example.com")
  const undo = merged.getByRole('button', { name: 'Undo' })
  await expect(undo).toBeVisible()
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SCREENSHOTS}guest-merge-timeline.png` })

  // Undo from the timeline: the conversation is the stranger's again, and the timeline says so.
  await undo.click()
  await expect(inbox.chatTitle()).toHaveText('+41795700031')
  await expect(inbox.history().getByRole('note').filter({ hasText: 'undid the link' })).toContainText("Anna Keller undid the link to Anna Muster's profile")
  await expect(merged.getByRole('button', { name: 'Undo' })).toHaveCount(0)
  await expect(inbox.guestPanel().getByRole('region', { name: 'Confirmation CONF-1001' })).toHaveCount(0)

  // The merge is recorded as undone; a second undo is refused.
  const merges = await page.request.get(`${desk.url}/v1/guest-merges`, { headers: { authorization: `Bearer ${desk.adminToken}` } })
  const [latest] = (await merges.json()).merges as { id: string; undoneAt: string | null; undoneBy: { agent: { name: string } | null } }[]
  expect(latest!.undoneAt).not.toBeNull()
  expect(latest!.undoneBy.agent?.name).toBe('Anna Keller')
  const again = await page.request.post(`${desk.url}/v1/guest-merges/${latest!.id}/undo`, { headers: { authorization: `Bearer ${desk.adminToken}` } })
  expect(again.status()).toBe(409)
})
