import { expectNoSeriousViolations } from './axe.js'
import { expect, SCREENSHOTS, test } from './fixtures.js'

test.use({ deskName: 'stats-charts' })
test.describe.configure({ timeout: 90_000 })

test('Statistics draws a bar chart per metric with dates and values; pointing at a bar tells its value', async ({ page, desk, signedIn }) => {
  await page.goto(`${desk.url}/stats`)
  await expect(page.getByRole('heading', { name: 'Statistics', level: 1 })).toBeVisible()
  const chart = page.getByRole('img', { name: 'Active conversations per Day' })
  await expect(chart).toBeVisible()
  await expect(page.locator('.metric-chart canvas')).toHaveCount(6)

  const box = (await chart.boundingBox())!
  // The right end of the chart: the last days, where the seeded conversations are.
  await page.mouse.move(box.x + box.width - 12, box.y + box.height / 2)
  const tooltip = page.locator('.chart-tooltip').first()
  await expect(tooltip).toBeVisible()
  // "Dec 1: 3": the bar's day and its value.
  await expect(tooltip).toHaveText(/^(\w{3} \d{1,2}|\d{1,2} \w{3}): (\d+|—)$/)
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SCREENSHOTS}stats-charts.png`, fullPage: true })
})

test('Statistics of a property without conversations says so instead of empty charts', async ({ page, desk, signedIn }) => {
  const added = await page.request.post(`${desk.url}/v1/properties`, {
    headers: { authorization: `Bearer ${desk.adminToken}` },
    data: { name: 'Hotel Quiet', defaultCountry: 'CH', timeZone: 'Europe/Zurich' },
  })
  expect(added.status()).toBe(201)
  await page.goto(`${desk.url}/stats`)
  await page.getByRole('combobox', { name: 'Property' }).selectOption({ label: 'Hotel Quiet' })
  await expect(page.getByRole('status').filter({ hasText: 'No conversations in this period.' })).toBeVisible()
  await expect(page.locator('.metric-chart canvas')).toHaveCount(0)
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SCREENSHOTS}stats-empty.png` })
})
