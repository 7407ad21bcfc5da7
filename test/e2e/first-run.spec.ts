import { expectNoSeriousViolations } from './axe.js'
import { expect, SCREENSHOTS, test } from './fixtures.js'
import { InboxPage } from './pages/inbox-page.js'
import { SetupPage } from './pages/setup-page.js'
import { SignInPage } from './pages/sign-in-page.js'

const ADMIN = { name: 'Sara Brunner', email: 'sara@hotel-lago.ch', password: 'lakeside view 1' }

test.describe.configure({ mode: 'serial' })

test('a new data dir opens on setup; setup creates the property and admin, loads sample data and signs in', async ({ page, freshServer }) => {
  const setup = new SetupPage(page)
  await page.goto(freshServer.url)
  await expect(setup.heading()).toBeVisible()
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SCREENSHOTS}setup.png`, fullPage: true })

  await setup.fill({ property: 'Hotel Lago', country: 'CH', timeZone: 'Europe/Zurich', ...ADMIN, sampleData: true })
  await setup.submit()

  const inbox = new InboxPage(page)
  // Loading the sample data (and starting its demo webhook receiver) takes a few seconds.
  await expect(page.getByText(`Signed in as ${ADMIN.name}`)).toBeVisible({ timeout: 60_000 })
  await inbox.view('All')
  await expect(inbox.rows().first()).toBeVisible()
  expect(await inbox.rows().count()).toBeGreaterThan(5)
  await expect(inbox.rows().getByRole('img', { name: 'Phone' }).first()).toBeVisible()
  await expect(inbox.rows().getByRole('img', { name: 'Web Chat' }).first()).toBeVisible()

  const properties = await (await page.request.get(`${freshServer.url}/v1/properties`)).json()
  expect(properties.map((p: { name: string; defaultCountry: string; timeZone: string }) => [p.name, p.defaultCountry, p.timeZone])).toEqual([
    ['Hotel Lago', 'CH', 'Europe/Zurich'],
  ])
})

test('the session is an httpOnly, SameSite=Strict cookie; signing out and in again works', async ({ page, freshServer }) => {
  const signIn = new SignInPage(page)
  await page.goto(freshServer.url)
  await expect(signIn.heading()).toBeVisible()
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SCREENSHOTS}sign-in.png` })

  await signIn.signIn(ADMIN.email, 'not the password')
  await expect(signIn.error()).toHaveText('The email or password is wrong, or the account is deactivated.')

  await signIn.signIn(ADMIN.email, ADMIN.password)
  await expect(page.getByText(`Signed in as ${ADMIN.name}`)).toBeVisible()
  const [cookie] = await page.context().cookies()
  expect(cookie).toMatchObject({ name: 'frontdesk_session', httpOnly: true, sameSite: 'Strict' })
  expect(await page.evaluate(() => document.cookie)).toBe('')

  await page.getByRole('button', { name: 'Sign out' }).click()
  await expect(signIn.heading()).toBeVisible()
  await page.reload()
  await expect(signIn.heading()).toBeVisible()
})

test('an admin adds an agent, who can then sign in; a deactivated one cannot', async ({ page, browser, freshServer }) => {
  await page.goto(freshServer.url)
  await new SignInPage(page).signIn(ADMIN.email, ADMIN.password)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agents' }).click()
  await expect(page.getByRole('heading', { name: 'Agents', level: 1 })).toBeVisible()

  const form = page.getByRole('form', { name: 'Add agent' })
  await form.getByLabel('Name').fill('Luca Meier')
  await form.getByLabel('Email').fill('luca@hotel-lago.ch')
  await form.getByLabel('Password').fill('night shift 2026')
  await form.getByRole('button', { name: 'Add agent' }).click()
  await expect(page.getByRole('status')).toHaveText('Luca Meier can now sign in.')
  await expect(page.getByRole('row', { name: /Luca Meier/ })).toContainText('Agent')
  await page
    .getByRole('row', { name: /Luca Meier/ })
    .getByRole('button', { name: 'Rename' })
    .click()
  await page.getByLabel('New name for Luca Meier').fill('Luca M. Meier')
  await page.getByRole('button', { name: 'Save' }).click()
  await expect(page.getByRole('row', { name: /Luca M\. Meier/ })).toBeVisible()
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SCREENSHOTS}agents.png`, fullPage: true })

  const other = await browser.newContext()
  const lucaPage = await other.newPage()
  await lucaPage.goto(freshServer.url)
  await new SignInPage(lucaPage).signIn('luca@hotel-lago.ch', 'night shift 2026')
  await expect(lucaPage.getByText('Signed in as Luca M. Meier')).toBeVisible()
  // Agents work the inbox; managing agents is for admins.
  await expect(lucaPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agents' })).toHaveCount(0)

  await page
    .getByRole('row', { name: /Luca M\. Meier/ })
    .getByRole('button', { name: 'Deactivate' })
    .click()
  // Deactivating is confirmed first.
  await page.getByRole('dialog', { name: 'Deactivate Luca M. Meier?' }).getByRole('button', { name: 'Deactivate' }).click()
  await expect(page.getByRole('row', { name: /Luca M\. Meier/ })).toContainText('Deactivated')
  await lucaPage.reload()
  await expect(new SignInPage(lucaPage).heading()).toBeVisible()
  await other.close()
})
