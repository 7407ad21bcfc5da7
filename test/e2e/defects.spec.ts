import type { Page } from '@playwright/test'
import { expectNoSeriousViolations } from './axe.js'
import { expect, SCREENSHOTS, test } from './fixtures.js'

test.use({ deskName: 'defects' })

test.describe.configure({ mode: 'serial' })

async function api(page: Page, url: string, token: string, method: 'GET' | 'PUT' | 'POST', path: string, data?: object) {
  const response = await page.request.fetch(`${url}${path}`, { method, headers: { authorization: `Bearer ${token}` }, ...(data && { data }) })
  expect(response.ok(), `${path}: ${await response.text()}`).toBe(true)
  return response.status() === 204 ? null : response.json()
}

test("the Templates page flags a shortcut the API would refuse, in the browser's own validation", async ({ page, desk, signedIn }) => {
  await page.goto(`${desk.url}/templates`)
  const form = page.getByRole('form', { name: 'Add template' })
  const shortcut = form.getByLabel('Shortcut')
  await form.getByLabel('Name').fill('Late checkout')
  await form.getByLabel('Text').fill('Late checkout is possible until 13:00.')
  await shortcut.fill('Late Checkout!')
  expect(await shortcut.evaluate((input: HTMLInputElement) => input.validity.patternMismatch)).toBe(true)
  await form.getByRole('button', { name: 'Add template' }).click()
  await expect(form.locator('input:invalid')).toHaveCount(1)
  expect(await api(page, desk.url, desk.adminToken, 'GET', '/v1/templates')).toEqual([])

  await shortcut.fill('late-checkout_2')
  expect(await shortcut.evaluate((input: HTMLInputElement) => input.validity.valid)).toBe(true)
  await form.getByRole('button', { name: 'Add template' }).click()
  await expect(page.getByRole('form', { name: 'Late checkout' })).toBeVisible()
  await expectNoSeriousViolations(page)
})

test('a new notification chimes unless the agent turned the sound off, which is remembered', async ({ page, desk, signedIn }) => {
  // Two notifications through the live stream and a second page load: more than 30 s on a busy 2-core machine.
  test.setTimeout(90_000)
  const agents = (await api(page, desk.url, desk.adminToken, 'GET', '/v1/agents')) as { id: string; email: string }[]
  const me = agents.find((agent) => agent.email === desk.seed.admin.email)!.id
  const assignToMe = (conversationId: string) => api(page, desk.url, desk.adminToken, 'PUT', `/v1/conversations/${conversationId}/assignee`, { agentId: me })
  await page.goto(desk.url)
  const bell = page.getByRole('button', { name: /^Notifications/ })
  // A click on the page: browsers let a page play sound after one.
  await bell.click()
  const panel = page.getByRole('region', { name: 'Notifications' })
  const sound = panel.getByRole('checkbox', { name: 'Sound' })
  await expect(sound).toBeChecked()
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SCREENSHOTS}notification-sound.png` })

  await assignToMe(desk.seed.conversations.whatsapp.id)
  await expect(panel.getByText(/You were assigned the conversation/)).toHaveCount(1)
  await expect(page.locator('body')).toHaveAttribute('data-notification-chimes', '1')

  await sound.uncheck()
  await assignToMe(desk.seed.conversations.instagram.id)
  await expect(panel.getByText(/You were assigned the conversation/)).toHaveCount(2)
  // Give a chime the time it would take, then check none came.
  await page.waitForTimeout(500)
  await expect(page.locator('body')).toHaveAttribute('data-notification-chimes', '1')

  await page.goto(desk.url, { waitUntil: 'domcontentloaded' })
  await page.getByRole('button', { name: /^Notifications/ }).click()
  await expect(page.getByRole('region', { name: 'Notifications' }).getByRole('checkbox', { name: 'Sound' })).not.toBeChecked()
})

test('admins set the auto-resolve time and the reminder interval under Settings (empty: never)', async ({ page, desk, signedIn }) => {
  await page.goto(`${desk.url}/settings`)
  const form = page.getByRole('form', { name: 'Auto-resolve and reminders' })
  const autoResolve = form.getByLabel('Auto-resolve after the guest is quiet for (minutes)')
  const reminder = form.getByLabel('Remind of a waiting guest every (minutes)')
  await expect(autoResolve).toHaveValue('1440')
  await expect(reminder).toHaveValue('5')
  await autoResolve.fill('90')
  await reminder.fill('')
  await form.getByRole('button', { name: 'Save auto-resolve and reminders' }).click()
  await expect(form.getByRole('status')).toHaveText('Saved')
  const saved = await api(page, desk.url, desk.adminToken, 'GET', '/v1/settings/agent')
  expect([saved.autoResolveMinutes, saved.waitingReminderMinutes]).toEqual([90, null])
  await expectNoSeriousViolations(page)
  await form.screenshot({ path: `${SCREENSHOTS}settings-desk-timers.png` })
})
