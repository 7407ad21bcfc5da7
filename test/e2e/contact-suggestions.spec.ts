import type { Page } from '@playwright/test'
import { expectNoSeriousViolations } from './axe.js'
import { expect, SCREENSHOTS, test } from './fixtures.js'
import { InboxPage } from './pages/inbox-page.js'

// This spec adds conversations and changes guests: a desk of its own, so the others see the seed as it is.
test.use({ deskName: 'contact-suggestions' })

test.describe.configure({ mode: 'serial' })

async function strangerWrites(page: Page, url: string, token: string, phone: string, text: string) {
  const response = await page.request.post(`${url}/v1/messages`, {
    headers: { authorization: `Bearer ${token}` },
    data: {
      messages: [
        { channel: 'web_chat', guest: { phone }, direction: 'in', content: { type: 'text', text }, createdAt: new Date(Date.now() - 60_000).toISOString() },
      ],
    },
  })
  expect(response.status()).toBe(201)
  return (await response.json()).items[0].conversationId as string
}

test('a contact the guest writes is a suggestion: nothing linked until staff link it; the link is a merge that can be undone', async ({
  page,
  desk,
  signedIn,
}) => {
  // A stranger claims Anna Muster's email (the seeded guest with reservation CONF-1001).
  const id = await strangerWrites(page, desk.url, desk.token, '+41795700001', 'Hi, my name is Anna Muster, you can also reach me at anna.muster@example.com')
  const inbox = new InboxPage(page)
  await inbox.goto(`${desk.url}/conversations/${id}`)
  const panel = inbox.guestPanel()
  const suggestions = panel.getByRole('region', { name: 'Contacts the guest wrote' })
  const suggestion = suggestions.getByRole('listitem', { name: 'anna.muster@example.com' })
  await expect(suggestion).toHaveText(/This guest wrote anna\.muster@example\.com — it belongs to the profile of Anna Muster \(CONF-1001\)\./, {
    timeout: 10_000,
  })

  // Nothing of Anna's is shown yet: the header and the list keep the stranger's number, no reservation.
  await expect(inbox.chatTitle()).toHaveText('+41795700001')
  await expect(inbox.selectedRow().locator('.row-name')).toHaveText('+41795700001')
  await expect(panel.getByRole('region', { name: /Confirmation CONF-1001/ })).toHaveCount(0)
  await expect(panel.getByRole('region', { name: 'Insight' })).toContainText('says their name is Anna Muster')
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SCREENSHOTS}contact-suggestion.png` })

  // Staff link: the profiles merge; the header shows the real guest and her reservation shows.
  await suggestion.getByRole('button', { name: 'Link' }).click()
  await expect(inbox.chatTitle()).toHaveText('Anna Muster')
  await expect(panel.getByRole('region', { name: 'Confirmation CONF-1001' })).toBeVisible()
  await expect(suggestion).toHaveText("anna.muster@example.com is on this guest's profile.")
  await expect(suggestion.getByRole('button')).toHaveCount(0)
  await page.screenshot({ path: `${SCREENSHOTS}contact-suggestion-linked.png` })

  // The timeline shows the merge; its Undo brings everything back.
  const merged = inbox.history().getByRole('note').filter({ hasText: 'linked this conversation to' })
  await expect(merged).toContainText("linked this conversation to Anna Muster's profile")
  await merged.getByRole('button', { name: 'Undo' }).click()
  await expect(inbox.chatTitle()).toHaveText('+41795700001')
  await expect(panel.getByRole('region', { name: 'Confirmation CONF-1001' })).toHaveCount(0)
  await expect(suggestion).toHaveText(/it belongs to the profile of Anna Muster \(CONF-1001\)/)
  await expect(suggestion.getByRole('button', { name: 'Link' })).toBeVisible()
  // Anna's own conversation is hers alone again.
  const own = await page.request.get(`${desk.url}/v1/conversations/${desk.seed.conversations.anna.id}`, { headers: { authorization: `Bearer ${desk.token}` } })
  expect((await own.json()).guest.name).toBe('Anna Muster')

  // Dismissed, the suggestion is gone from the panel.
  await suggestion.getByRole('button', { name: 'Dismiss' }).click()
  await expect(suggestions).toHaveCount(0)
  await expect(inbox.chatTitle()).toHaveText('+41795700001')
})

test("a value nobody owns can be added to the guest's profile", async ({ page, desk, signedIn }) => {
  const id = await strangerWrites(page, desk.url, desk.token, '+41795700002', 'Please send the offer to nora.new@example.com')
  const inbox = new InboxPage(page)
  await inbox.goto(`${desk.url}/conversations/${id}`)
  const suggestion = inbox.guestPanel().getByRole('listitem', { name: 'nora.new@example.com' })
  await expect(suggestion.locator('p')).toHaveText('This guest wrote nora.new@example.com.', { timeout: 10_000 })
  await suggestion.getByRole('button', { name: 'Add to profile' }).click()
  await expect(suggestion).toHaveText("nora.new@example.com is on this guest's profile.")
  await expect(inbox.guestPanel().getByRole('link', { name: 'nora.new@example.com' })).toBeVisible()
})
