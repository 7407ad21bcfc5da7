import type { Page } from '@playwright/test'
import { expectNoSeriousViolations } from './axe.js'
import { expect, SCREENSHOTS, test } from './fixtures.js'
import { InboxPage } from './pages/inbox-page.js'
import { SettingsPage } from './pages/settings-page.js'
import { SetupPage } from './pages/setup-page.js'
import { SignInPage } from './pages/sign-in-page.js'

test.use({ deskName: 'settings-admin' })
// Axe scans and sign-ins on a busy 2-core machine: more than the default 30 s.
test.describe.configure({ timeout: 120_000 })

/** Adds an agent over the API, as an admin would under Agents. */
async function addAgent(page: Page, url: string, adminToken: string, agent: { name: string; email: string; password: string; role: string }) {
  const response = await page.request.post(`${url}/v1/agents`, { headers: { authorization: `Bearer ${adminToken}` }, data: agent })
  expect(response.status(), await response.text()).toBe(201)
}

test('an admin edits the property: name, phone country and time zone; a wrong time zone is explained', async ({ page, desk, signedIn }) => {
  await page.goto(desk.url)
  const settings = new SettingsPage(page)
  await settings.open()
  const property = settings.property('Hotel Alpenblick')
  await property.getByLabel('Time zone').fill('Mars/Olympus')
  await property.getByRole('button', { name: 'Save the property' }).click()
  await expect(property.getByRole('alert')).toHaveText('unknown time zone "Mars/Olympus"')

  await property.getByLabel('Name').fill('Hotel Alpenblick & Spa')
  await property.getByLabel('Country for phone numbers').fill('AT')
  await property.getByLabel('Time zone').fill('Europe/Vienna')
  await property.getByRole('button', { name: 'Save the property' }).click()
  const saved = settings.property('Hotel Alpenblick & Spa')
  await expect(saved.getByLabel('Time zone')).toHaveValue('Europe/Vienna')
  await expect(saved.getByLabel('Country for phone numbers')).toHaveValue('AT')
  const properties = await (await page.request.get(`${desk.url}/v1/properties`)).json()
  expect(properties.map((p: { name: string; timeZone: string }) => [p.name, p.timeZone])).toContainEqual(['Hotel Alpenblick & Spa', 'Europe/Vienna'])
  await expectNoSeriousViolations(page)
})

test('an admin creates a channel account with its webhook, then edits it', async ({ page, desk, signedIn }) => {
  await page.goto(desk.url)
  const settings = new SettingsPage(page)
  await settings.open()
  await page.getByRole('button', { name: 'Add a channel account' }).click()
  const form = settings.newChannelAccount()
  await form.getByLabel('Name').fill('SMS gateway')
  await form.getByLabel('Code').fill('sms-gw')
  await form.getByLabel('Channel').selectOption({ label: 'SMS' })
  await form.getByLabel('Webhook URL').fill('https://sms.example.com/frontdesk')
  await form.getByLabel('Secret (16+ characters)').fill('sms-secret-of-24-chars!!')
  await expectNoSeriousViolations(page)
  await form.getByRole('button', { name: 'Create the channel account' }).click()

  const account = settings.channelAccount('SMS gateway')
  await expect(account.getByLabel('Webhook URL')).toHaveValue('https://sms.example.com/frontdesk')
  await expect(account.getByLabel('Channel')).toHaveValue('sms')
  await expect(account.getByLabel('Secret (16+ characters)')).toHaveAttribute('placeholder', 'A secret is stored; leave empty to keep it.')

  await account.getByLabel('Name').fill('SMS (reception)')
  await account.getByRole('button', { name: 'Save' }).click()
  await expect(settings.channelAccount('SMS (reception)').getByLabel('Code')).toHaveValue('sms-gw')
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SCREENSHOTS}settings-admin.png`, fullPage: true })
})

test("an admin resets an agent's password, and deactivates an agent only after confirming", async ({ page, browser, desk, signedIn }) => {
  await addAgent(page, desk.url, desk.adminToken, { name: 'Luca Meier', email: 'luca@alpenblick.ch', password: 'night shift 2026', role: 'agent' })
  await page.goto(`${desk.url}/agents`)
  const row = page.getByRole('row', { name: /Luca Meier/ })
  await row.getByRole('button', { name: 'Reset the password of Luca Meier' }).click()
  await row.getByLabel('New password for Luca Meier').fill('given by the admin 42')
  await row.getByRole('button', { name: 'Set password' }).click()
  await expect(row.getByRole('status')).toHaveText('A new password is set for Luca Meier; they are signed out everywhere.')

  const other = await browser.newContext()
  const lucaPage = await other.newPage()
  await lucaPage.goto(desk.url)
  await new SignInPage(lucaPage).signIn('luca@alpenblick.ch', 'given by the admin 42')
  await expect(lucaPage.getByText('Signed in as Luca Meier')).toBeVisible()

  // Deactivating asks first; Cancel (where focus starts) keeps the agent active.
  await row.getByRole('button', { name: 'Deactivate Luca Meier' }).click()
  const dialog = page.getByRole('dialog', { name: 'Deactivate Luca Meier?' })
  await expect(dialog).toBeVisible()
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SCREENSHOTS}agents-confirm-deactivate.png` })
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toHaveCount(0)
  await expect(row).toContainText('Active')

  await row.getByRole('button', { name: 'Deactivate Luca Meier' }).click()
  await dialog.getByRole('button', { name: 'Deactivate' }).click()
  await expect(row).toContainText('Deactivated')
  await lucaPage.reload()
  await expect(new SignInPage(lucaPage).heading()).toBeVisible()
  await other.close()
})

test('an admin changes their own password and signs in with it again', async ({ browser, desk }) => {
  // An admin of their own, so the desk's shared session stays valid for the other tests.
  const context = await browser.newContext()
  const page = await context.newPage()
  await addAgent(page, desk.url, desk.adminToken, { name: 'Mara Frei', email: 'mara@alpenblick.ch', password: 'mountain hut 2026', role: 'admin' })
  await page.goto(desk.url)
  const signIn = new SignInPage(page)
  await signIn.signIn('mara@alpenblick.ch', 'mountain hut 2026')
  await expect(page.getByText('Signed in as Mara Frei')).toBeVisible()
  const settings = new SettingsPage(page)
  await settings.open()
  const form = settings.ownPassword()
  await form.getByLabel('Current password').fill('not my password')
  await form.getByLabel('New password (10+ characters)').fill('glacier lake sunrise 9')
  await form.getByLabel('New password again').fill('glacier lake sunrise 9')
  await form.getByRole('button', { name: 'Change my password' }).click()
  await expect(form.getByRole('alert')).toHaveText('currentPassword is not your current password')

  await form.getByLabel('Current password').fill('mountain hut 2026')
  await form.getByRole('button', { name: 'Change my password' }).click()
  await expect(form.getByRole('status')).toContainText('Your password is changed')
  await expectNoSeriousViolations(page)

  await page.getByRole('button', { name: 'Sign out' }).click()
  await signIn.signIn('mara@alpenblick.ch', 'mountain hut 2026')
  await expect(signIn.error()).toBeVisible()
  await signIn.signIn('mara@alpenblick.ch', 'glacier lake sunrise 9')
  await expect(page.getByText('Signed in as Mara Frei')).toBeVisible()
  await context.close()
})

test('the sample data of a first run: a reply in a web chat is delivered to the local demo receiver', async ({ page, freshServer }) => {
  await page.goto(freshServer.url)
  const setup = new SetupPage(page)
  await setup.fill({
    property: 'Hotel Lago',
    country: 'CH',
    timeZone: 'Europe/Zurich',
    name: 'Sara Brunner',
    email: 'sara@hotel-lago.ch',
    password: 'lakeside view 1',
    sampleData: true,
  })
  await setup.submit()
  // Loading the sample data takes a few seconds.
  await expect(page.getByText('Signed in as Sara Brunner')).toBeVisible({ timeout: 60_000 })

  const accounts = await (await page.request.get(`${freshServer.url}/v1/channel-accounts`)).json()
  expect(accounts.map((a: { name: string; webhookUrl: string }) => [a.name, a.webhookUrl])).toEqual([
    ['Website chat', expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/demo-webhook$/)],
  ])
  const [conversation] = (await (await page.request.get(`${freshServer.url}/v1/conversations?channel=web_chat&limit=1`)).json()).items
  const inbox = new InboxPage(page)
  await inbox.goto(`${freshServer.url}/conversations/${conversation.id}`)
  await inbox.reply('Thank you, we look forward to your stay.')
  const sent = inbox.bubbles().filter({ hasText: 'Thank you, we look forward to your stay.' })
  await expect(sent.locator('.delivery')).toHaveText('Delivered')
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SCREENSHOTS}sample-data-delivered.png` })
})
