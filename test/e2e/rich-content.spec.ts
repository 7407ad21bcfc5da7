import type { Page } from '@playwright/test'
import { expectNoSeriousViolations } from './axe.js'
import { expect, SCREENSHOTS, test } from './fixtures.js'
import { InboxPage } from './pages/inbox-page.js'

test.use({ deskName: 'rich-content' })

test.describe.configure({ mode: 'serial' })

const XSS = {
  text: '<img src=x onerror="window.__xss = 1">Hello',
  script: '<script>window.__xss = 2</script>',
  caption: '<svg onload="window.__xss = 3">',
  file: '"><iframe src="javascript:window.__xss=4">.pdf',
}
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000100000001008060000001ff3ff610000001c49444154789c63fccfc0f09f8180816ea0600001a4061b7a6e99e6050000000049454e44ae426082',
  'hex',
)

async function push(page: Page, url: string, token: string, messages: object[]) {
  const response = await page.request.post(`${url}/v1/messages`, { headers: { authorization: `Bearer ${token}` }, data: { messages } })
  expect(response.status(), await response.text()).toBe(201)
  return (await response.json()).items as { conversationId: string }[]
}

test('every rich message type renders in the chat, and markup in any of them stays inert text', async ({ page, desk, signedIn }) => {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  const upload = await page.request.post(`${desk.url}/v1/attachments?name=room.png`, {
    headers: { authorization: `Bearer ${desk.token}`, 'content-type': 'image/png' },
    data: PNG,
  })
  expect(upload.status()).toBe(201)
  const image = (await upload.json()).url as string
  const guest = { channel: 'whatsapp', guest: { phone: '+41795550999' } }
  const at = (i: number) => new Date(Date.now() - (20 - i) * 60_000).toISOString()
  await push(page, desk.url, desk.token, [
    { ...guest, direction: 'in', content: { type: 'text', text: XSS.text }, createdAt: at(0) },
    { ...guest, direction: 'in', content: { type: 'text', text: XSS.script }, createdAt: at(1) },
    {
      ...guest,
      direction: 'out',
      content: { type: 'response', text: 'When shall we book the spa?', quickReplies: [{ title: 'Morning' }, { title: 'Evening' }] },
      createdAt: at(2),
    },
    { ...guest, direction: 'in', content: { type: 'quick_reply', text: 'Evening', payload: 'PM' }, createdAt: at(3) },
    { ...guest, direction: 'in', content: { type: 'image', url: image, caption: XSS.caption, mimeType: 'image/png', size: PNG.length }, createdAt: at(4) },
    { ...guest, direction: 'out', content: { type: 'file', url: 'https://files.example.com/menu.pdf', name: XSS.file, size: 2_400_000 }, createdAt: at(5) },
    {
      ...guest,
      direction: 'out',
      content: { type: 'location', latitude: 46.0101, longitude: 8.9601, name: 'Hotel Lago', address: 'Riva 1, Lugano' },
      createdAt: at(6),
    },
    {
      ...guest,
      direction: 'out',
      content: { type: 'contact', name: 'Concierge <b>desk</b>', phone: '+41 91 123 45 67', email: 'concierge@lago.ch' },
      createdAt: at(7),
    },
    { ...guest, direction: 'in', content: { type: 'text', text: 'Sent by mail', isMail: true }, createdAt: at(8) },
  ])

  const inbox = new InboxPage(page)
  await inbox.goto(desk.url)
  await inbox.view('All')
  await inbox.row('+41795550999').click()
  const history = inbox.history()
  await expect(inbox.bubbles()).toHaveCount(9)

  // Markup arrives as the very text the guest typed, and nothing of it runs.
  await expect(history.getByText(XSS.text, { exact: true })).toBeVisible()
  await expect(history.getByText(XSS.script, { exact: true })).toBeVisible()
  await expect(history.getByText(XSS.caption, { exact: true })).toBeVisible()
  await expect(history.getByText(XSS.file, { exact: true })).toBeVisible()
  await expect(history.getByText('Concierge <b>desk</b>', { exact: true })).toBeVisible()
  await expect(history.locator('script, iframe, svg, b')).toHaveCount(0)
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()
  expect(dialogs).toEqual([])

  // Each type as its own kind of card.
  await expect(history.getByRole('list', { name: 'Options offered' }).getByRole('listitem')).toHaveText(['Morning', 'Evening'])
  await expect(history.getByText('Tapped')).toBeVisible()
  const thumbnail = history.locator('.content-image img')
  await expect(thumbnail).toHaveAttribute('src', image)
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(16)
  const file = history.locator('a.content-file')
  await expect(file).toHaveAttribute('href', 'https://files.example.com/menu.pdf')
  await expect(file).toContainText('2.3 MB')
  const location = history.getByRole('group', { name: 'Location' })
  await expect(location).toContainText('Hotel Lago')
  await expect(location.getByRole('link', { name: '46.01010, 8.96010' })).toHaveAttribute('href', /openstreetmap\.org.*mlat=46\.0101/)
  const contact = history.getByRole('group', { name: 'Contact' })
  await expect(contact.getByRole('link', { name: '+41 91 123 45 67' })).toHaveAttribute('href', 'tel:+41911234567')
  await expect(contact.getByRole('link', { name: 'concierge@lago.ch' })).toHaveAttribute('href', 'mailto:concierge@lago.ch')
  await expect(history.getByText('Email', { exact: true })).toBeVisible()

  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SCREENSHOTS}rich-messages.png` })
})

test('a guest-app conversation shows its department, and the list filters by department', async ({ page, desk, signedIn }) => {
  const admin = { authorization: `Bearer ${desk.adminToken}` }
  const api = async (path: string, data: object) => {
    const response = await page.request.post(`${desk.url}${path}`, { headers: admin, data })
    expect(response.ok(), await response.text()).toBe(true)
    return response.json()
  }
  await api('/v1/outlets', { propertyId: desk.seed.properties.alpenblick, code: 'SPA', name: 'Spa' })
  const booked = await api('/v1/reservations', {
    propertyId: desk.seed.properties.alpenblick,
    confirmationNumber: 'SPA-7',
    guest: { firstName: 'Lena', lastName: 'Graf', email: 'lena.graf@example.ch' },
    arrival: '2027-01-10',
    departure: '2027-01-12',
    room: '310',
  })
  const { token } = await api(`/v1/reservations/${booked.reservation.id}/guest-sessions`, {})
  const created = await page.request.post(`${desk.url}/API/V40/Interactive/Messages/Conversations`, {
    data: { message: 'Is the sauna open tonight?', conversationType: 'guest', outletCode: 'SPA', sessionToken: token },
  })
  expect((await created.json()).status).toBe('Success')

  const inbox = new InboxPage(page)
  await inbox.goto(desk.url)
  await inbox.view('All')
  // With two properties, each department says whose it is.
  await inbox.department('Spa (Hotel Alpenblick)')
  await expect.poll(() => inbox.rowLabels()).toEqual(['Lena Graf'])
  await expect(inbox.row('Lena Graf').locator('.row-department')).toHaveText('Spa')
  await inbox.closeFilters()
  await inbox.row('Lena Graf').click()
  await expect(inbox.chat().locator('.chat-meta')).toContainText('Department: Spa')
  await expect(inbox.chat().locator('.chat-header .channel-badge')).toHaveText('Guest app')
})

test('the service record is shown and editable in the side panel', async ({ page, desk, signedIn }) => {
  const field = await page.request.post(`${desk.url}/v1/custom-fields`, {
    headers: { authorization: `Bearer ${desk.adminToken}` },
    data: { propertyId: desk.seed.properties.alpenblick, name: 'Budget per night' },
  })
  expect(field.status()).toBe(201)
  const inbox = new InboxPage(page)
  await inbox.goto(`${desk.url}/conversations/${desk.seed.conversations.whatsapp.id}`)
  const record = inbox.guestPanel().getByRole('region', { name: 'Service record' })
  await record.getByLabel('Memo').fill('Travels with a small dog')
  await record.getByLabel('Budget per night').fill('CHF 250')
  await record.getByRole('button', { name: 'Save' }).click()
  await expect(record.getByRole('status')).toHaveText('Saved')

  await page.reload()
  const reloaded = inbox.guestPanel().getByRole('region', { name: 'Service record' })
  await expect(reloaded.getByLabel('Memo')).toHaveValue('Travels with a small dog')
  await expect(reloaded.getByLabel('Budget per night')).toHaveValue('CHF 250')
  await page.screenshot({ path: `${SCREENSHOTS}service-record.png` })
})

test('a link from the third-party reads opens that conversation in the inbox', async ({ page, desk, signedIn }) => {
  const response = await page.request.get(
    `${desk.url}/3rd/conversations/links?phone_numbers=%2B41791110001&organization_id=${desk.seed.properties.alpenblick}`,
    { headers: { 'x-access-token': desk.token } },
  )
  const [entry] = await response.json()
  const links = entry.conversation_links.map((l: { link: string }) => l.link)
  expect(links).toHaveLength(2)
  await page.goto(links[1])
  const inbox = new InboxPage(page)
  await expect(inbox.chatTitle()).toHaveText('Anna Muster')
  await expect(page).toHaveURL(links[1])
})
