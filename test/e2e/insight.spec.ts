import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import { expectNoSeriousViolations } from './axe.js'
import { expect, SCREENSHOTS, test } from './fixtures.js'
import { InboxPage } from './pages/inbox-page.js'

test.use({ deskName: 'insight' })

test.describe.configure({ mode: 'serial' })

/** A guest's messages, a minute apart, the last `minutesAgo` (the AI agent answers none older than 10 minutes). */
async function guestWrites(page: Page, url: string, token: string, phone: string, texts: string[], minutesAgo = 1) {
  const response = await page.request.post(`${url}/v1/messages`, {
    headers: { authorization: `Bearer ${token}` },
    data: {
      messages: texts.map((text, i) => ({
        channel: 'web_chat',
        guest: { phone },
        direction: 'in',
        content: { type: 'text', text },
        createdAt: new Date(Date.now() - (texts.length - 1 - i + minutesAgo) * 60_000).toISOString(),
      })),
    },
  })
  expect(response.status()).toBe(201)
  return (await response.json()).items[0].conversationId as string
}

test('the side panel explains the guest: type, intent, persona with evidence, dates, contact data; the list shows and filters the type', async ({
  page,
  desk,
  signedIn,
}) => {
  const id = await guestWrites(page, desk.url, desk.token, '+41795600001', [
    'Hello, we are two adults with two kids and would like to book a family room from 3 to 5 March.',
    'My name is Eva Brunner, you can reach me at eva.brunner@example.ch',
  ])
  const inbox = new InboxPage(page)
  await inbox.goto(`${desk.url}/conversations/${id}`)
  const insight = inbox.guestPanel().getByRole('region', { name: 'Insight' })
  // Booking intent and written contact data: both a booking and a captured lead.
  await expect(insight).toContainText('Mixed', { timeout: 10_000 })
  await expect(insight).toContainText('High · wants to book and names dates')
  await expect(insight).toContainText('Family · mentions')
  await expect(insight).toContainText('“3 to 5 March”')
  await expect(insight).toContainText('eva.brunner@example.ch')
  await expect(insight).toContainText('(unverified)')
  // A name the guest writes is their claim, shown as such: the header keeps what the channel verified.
  await expect(insight).toContainText('says their name is Eva Brunner')
  await expect(inbox.chatTitle()).toHaveText('+41795600001')
  await expect(inbox.selectedRow().locator('.persona-tag')).toHaveText('Family')
  await expect(inbox.selectedRow().locator('.type-tag')).toHaveText('Mixed')

  await inbox.type('Mixed')
  await inbox.closeFilters()
  await expect.poll(() => inbox.rowLabels()).toContain('+41795600001')
  const types = await inbox.rows().locator('.type-tag').allInnerTexts()
  expect(types.every((type) => type === 'Mixed')).toBe(true)
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SCREENSHOTS}insight.png` })
})

test('the statistics bar shows each figure with its definition, and the statistics page charts them', async ({ page, desk, signedIn }) => {
  const inbox = new InboxPage(page)
  await inbox.goto(desk.url)
  const bar = page.getByRole('region', { name: 'Statistics for the period' })
  const active = bar.locator('.metric[title^="Conversations in which a guest started a session"]')
  await expect(active).toBeVisible()
  await expect(active.locator('dd')).toHaveText(/^\d+$/)
  await expect(bar.getByText('Response rate')).toBeVisible()
  await expect(bar.locator('[data-metric="humanTransfers"]')).toHaveText(/^\d+$/)
  await bar.getByRole('combobox', { name: 'Period' }).selectOption({ label: 'Last 30 days' })
  await expect(bar.locator('[data-metric="capturedLeads"]')).toHaveText(/^[1-9]\d*$/)

  // The bar follows the property the list is filtered to.
  const edelweissStats = page.waitForResponse(
    (response) => response.url().includes(`/v1/stats?`) && response.url().includes(`propertyId=${desk.seed.properties.edelweiss}`),
  )
  await inbox.property('Chalet Edelweiss')
  const { metrics } = (await (await edelweissStats).json()) as { metrics: { key: string; value: number | null }[] }
  const leadsAtEdelweiss = metrics.find((metric) => metric.key === 'capturedLeads')?.value
  await expect(bar.locator('[data-metric="capturedLeads"]')).toHaveText(String(leadsAtEdelweiss))
  await inbox.property('All properties')

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Statistics' }).click()
  await expect(page.getByRole('img', { name: 'Active conversations per Day' })).toBeVisible()
  // A chart per metric (its bars and hover values: stats-charts.spec.ts).
  await expect(page.locator('.metric-chart canvas')).toHaveCount(6)
  await page.getByRole('combobox', { name: 'Per', exact: true }).selectOption({ label: 'Week' })
  const aWeekAtAlpenblick = page.waitForResponse(
    (response) => response.url().includes('/v1/stats/series?') && response.url().includes(`propertyId=${desk.seed.properties.alpenblick}`),
  )
  await page.getByRole('combobox', { name: 'Property', exact: true }).selectOption({ label: 'Hotel Alpenblick' })
  expect((await aWeekAtAlpenblick).status()).toBe(200)
  await expect(page.getByRole('img', { name: 'Conversion rate per Week' })).toBeVisible()
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SCREENSHOTS}statistics.png`, fullPage: true })
})

test('searching the messages finds the conversation and highlights the words in the chat', async ({ page, desk, signedIn }) => {
  await guestWrites(page, desk.url, desk.token, '+41795600002', ['Can we rent paddleboards at the lakeside beach?'])
  const inbox = new InboxPage(page)
  await inbox.goto(desk.url)
  await inbox.view('All')
  await inbox.searchInMessages()
  await inbox.closeFilters()
  await inbox.search().fill('paddleboard')
  await expect.poll(() => inbox.rowLabels()).toEqual(['+41795600002'])
  await inbox.rows().first().click()
  await expect(page).toHaveURL(/\?find=paddleboard$/)
  await expect(inbox.history().locator('mark')).toHaveText(['paddleboards'])
  await page.screenshot({ path: `${SCREENSHOTS}search.png` })
})

test('Export downloads the filtered history as CSV, with progress', async ({ page, desk, signedIn }) => {
  const inbox = new InboxPage(page)
  await inbox.goto(desk.url)
  await inbox.channel('WhatsApp')
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export CSV' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^frontdesk-export-\d{4}-\d{2}-\d{2}\.csv$/)
  const csv = readFileSync((await download.path())!, 'utf8')
  const [header, ...lines] = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\n')
  expect(header).toBe(
    'conversation_id,message_id,channel,guest,guest_phone_or_email,direction,sender,created_at,received_at,type,lead,reservation,message_type,text,property_id,language,translation',
  )
  expect(lines.length).toBeGreaterThanOrEqual(1)
  expect(lines.every((line) => line.split(',')[2] === 'whatsapp')).toBe(true)
  expect(csv).toContain('Can I bring my dog?')
  await expect(page.getByRole('status').filter({ hasText: /^Exported \d+ messages?$/ })).toBeVisible()
})

test("Arrivals lists today's guests with what they asked, open questions first", async ({ page, desk, signedIn }) => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Zurich' }).format(new Date())
  const book = (number: string, first: string, phone: string, room: string) =>
    page.request.post(`${desk.url}/v1/reservations`, {
      headers: { authorization: `Bearer ${desk.adminToken}` },
      data: {
        propertyId: desk.seed.properties.alpenblick,
        confirmationNumber: number,
        guest: { firstName: first, lastName: 'Arrival', phone },
        arrival: today,
        departure: '2099-01-01',
        room,
      },
    })
  await book('ARR-1', 'Silent', '+41795600010', '301')
  await book('ARR-2', 'Curious', '+41795600011', '302')
  // Asked a quarter of an hour ago, pushed as history the AI agent does not answer: nobody answered
  // it. (A fresh one would get the agent's handover notice, which Arrivals reads as an answer.)
  await guestWrites(page, desk.url, desk.token, '+41795600011', ['Can we check in at noon?'], 15)
  await page.goto(desk.url)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Arrivals' }).click()
  const cards = page.locator('.arrival h2')
  await expect(cards).toHaveText(['Curious Arrival', 'Silent Arrival'])
  const curious = page.getByRole('region', { name: 'Curious Arrival' })
  await expect(curious).toContainText('1 open question')
  await expect(curious).toContainText('Room 302')
  await curious.getByRole('link', { name: /Can we check in at noon\?/ }).click()
  await expect(new InboxPage(page).chatTitle()).toHaveText('Curious Arrival')
  await page.goto(`${desk.url}/arrivals`)
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SCREENSHOTS}arrivals.png` })
})
