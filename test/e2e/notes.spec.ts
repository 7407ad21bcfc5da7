import type { Page } from '@playwright/test'
import { expectNoSeriousViolations } from './axe.js'
import { expect, SCREENSHOTS, test } from './fixtures.js'
import { InboxPage } from './pages/inbox-page.js'

test.use({ deskName: 'notes' })

const PHONE = '+41795559101'
const LUCA = { name: 'Luca Meier', email: 'luca@alpenblick.ch', password: 'front desk 2026' }

async function api(page: Page, url: string, token: string, method: 'POST' | 'PUT', path: string, data: object) {
  const response = await page.request.fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${token}` }, data })
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true)
  return response.json()
}

test('a note with an @mention is a distinct bubble; the mentioned agent is notified and opens the conversation; previews name who wrote', async ({
  page,
  browser,
  desk,
  signedIn,
}) => {
  // Two browsers, two axe scans: more than the default 30 s on a busy machine.
  test.setTimeout(120_000)
  await api(page, desk.url, desk.adminToken, 'POST', '/v1/agents', { ...LUCA, role: 'agent' })
  const pushed = await api(page, desk.url, desk.token, 'POST', '/v1/messages', {
    messages: [
      {
        channel: 'web_chat',
        guest: { phone: PHONE },
        direction: 'in',
        content: { type: 'text', text: 'Could we check in late, around 23:00?' },
        createdAt: new Date(Date.now() - 30 * 60_000).toISOString(),
      },
    ],
  })
  const id = pushed.items[0].conversationId as string
  // Older than the AI agent's freshness window, and in human mode: the AI agent leaves it to staff.
  await api(page, desk.url, desk.adminToken, 'PUT', `/v1/conversations/${id}/mode`, { mode: 'human' })

  // Anna (the admin) writes a note, picking Luca from the @ list with the keyboard.
  const inbox = new InboxPage(page)
  await inbox.goto(`${desk.url}/conversations/${id}`)
  const modes = page.getByRole('group', { name: 'Write a reply or an internal note' })
  await expect(modes.getByRole('button', { name: 'Reply' })).toHaveAttribute('aria-pressed', 'true')
  await modes.getByRole('button', { name: 'Note' }).focus()
  await page.keyboard.press('Enter')
  await expect(modes.getByRole('button', { name: 'Note' })).toHaveAttribute('aria-pressed', 'true')
  const note = page.getByRole('textbox', { name: 'Internal note' })
  await expect(note).toBeFocused()
  await note.pressSequentially('Late arrival is fine, @lu')
  const options = page.getByRole('listbox', { name: 'Mention a colleague' })
  await expect(options.getByRole('option', { name: 'Luca Meier' })).toHaveAttribute('aria-selected', 'true')
  await expectNoSeriousViolations(page)
  await note.press('Enter')
  await expect(options).toBeHidden()
  await expect(note).toHaveValue('Late arrival is fine, @Luca Meier ')
  await note.pressSequentially('please leave the key at the night desk')
  await note.press('Enter')

  const bubble = inbox.history().locator('.bubble-note')
  await expect(bubble).toContainText('Anna Keller · Internal note — not sent to the guest')
  await expect(bubble.locator('mark.mention')).toHaveText('@Luca Meier')
  await expect(bubble).toContainText('please leave the key at the night desk')
  await expect(note).toHaveValue('')
  // The note is not the list's preview: the guest's words stay.
  await expect(inbox.row(PHONE)).toContainText('Could we check in late')
  await page.screenshot({ path: `${SCREENSHOTS}internal-note.png` })

  // Anna replies: her own row says "You:".
  await modes.getByRole('button', { name: 'Reply' }).click()
  await inbox.reply('Of course, the night desk will have your key.')
  // Answered, the conversation leaves Needs reply (the default view): it is under All.
  await inbox.view('All')
  await expect(inbox.row(PHONE).locator('.row-preview')).toHaveText('You: Of course, the night desk will have your key.')

  // Luca, signed in in another browser, sees the notification and opens the conversation from it.
  const other = await browser.newContext()
  try {
    const signIn = await other.request.post(`${desk.url}/v1/session`, { data: { email: LUCA.email, password: LUCA.password } })
    expect(signIn.ok(), await signIn.text()).toBe(true)
    const lucas = await other.newPage()
    const lucasInbox = new InboxPage(lucas)
    await lucasInbox.goto(desk.url)
    await lucasInbox.view('All')
    await expect(lucasInbox.row(PHONE).locator('.row-preview')).toHaveText('Anna Keller: Of course, the night desk will have your key.')
    const bell = lucas.getByRole('button', { name: 'Notifications (1 unread)' })
    await bell.click()
    const panel = lucas.getByRole('region', { name: 'Notifications' })
    await expect(panel).toContainText('Anna Keller mentioned you in a note on the conversation with')
    await panel.getByRole('button', { name: /Anna Keller mentioned you/ }).click()
    await expect(lucas).toHaveURL(new RegExp(`/conversations/${id}$`))
    await expect(lucasInbox.history().locator('.bubble-note mark.mention')).toHaveText('@Luca Meier')
    await expectNoSeriousViolations(lucas)
    await lucas.screenshot({ path: `${SCREENSHOTS}internal-note-mentioned.png` })
  } finally {
    await other.close()
  }
})
