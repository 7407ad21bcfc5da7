import type { Page } from '@playwright/test'
import { expectNoSeriousViolations } from './axe.js'
import { expect, SCREENSHOTS, test } from './fixtures.js'
import { InboxPage } from './pages/inbox-page.js'

test.use({ deskName: 'long-conversation' })

const MESSAGES = 3000
const PHONE = '+41795557000'
const MINUTE = 60_000
/** However long the chat, the page holds about a screenful of bubbles (plus the virtualiser's overscan). */
const MOST_BUBBLES_IN_THE_PAGE = 60

const text = (n: number) => `Long chat message ${n} of ${MESSAGES}`

/** A guest and the desk writing 3,000 messages over weeks, a new session every 500, pushed 100 a request. */
async function pushLongConversation(page: Page, url: string, token: string) {
  const first = Date.now() - 30 * 24 * 60 * MINUTE
  for (let start = 0; start < MESSAGES; start += 100) {
    const messages = Array.from({ length: 100 }, (_, i) => {
      const n = start + i
      return {
        channel: 'web_chat',
        guest: { phone: PHONE },
        direction: n % 2 ? 'out' : 'in',
        content: { type: 'text', text: text(n + 1) },
        createdAt: new Date(first + n * MINUTE + Math.floor(n / 500) * 25 * 60 * MINUTE).toISOString(),
      }
    })
    const response = await page.request.post(`${url}/v1/messages`, { headers: { authorization: `Bearer ${token}` }, data: { messages } })
    expect(response.status()).toBe(201)
  }
}

test('a conversation of 3,000 messages opens at the newest, scrolls back to the first, and keeps only a screenful in the page', async ({
  page,
  desk,
  signedIn,
}) => {
  test.setTimeout(120_000)
  await pushLongConversation(page, desk.url, desk.token)
  const inbox = new InboxPage(page)
  await inbox.goto(desk.url)
  await inbox.view('All')
  await inbox.row(PHONE).click()

  // It opens at the newest message, by the composer.
  await expect(inbox.history().getByText(text(MESSAGES), { exact: true })).toBeInViewport()
  expect(await inbox.bubbles().count()).toBeLessThanOrEqual(MOST_BUBBLES_IN_THE_PAGE)
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SCREENSHOTS}long-conversation-newest.png` })

  // A new message follows the reader who is at the bottom.
  const reply = await page.request.post(`${desk.url}/v1/conversations/${await conversationId(page)}/messages`, {
    headers: { authorization: `Bearer ${desk.token}` },
    data: { text: 'And one more, just now.' },
  })
  expect(reply.status()).toBe(201)
  await expect(inbox.history().getByText('And one more, just now.', { exact: true })).toBeInViewport()

  // An older page lands above the message being read without moving it. The page is held back
  // until that message's place is noted.
  const history = inbox.history()
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(/\/messages\?.*before=/, async (route) => {
    await held
    await route.continue()
  })
  const olderPageAsked = page.waitForRequest(/\/messages\?.*before=/)
  await history.evaluate((element) => element.scrollTo(0, 0))
  await olderPageAsked
  const top = await topmostBubble(page)
  const read = inbox.bubbles().filter({ hasText: top.text })
  release()
  await expect(history.getByText(text(Number(top.text.match(/message (\d+)/)![1]) - 1), { exact: true })).toBeAttached()
  await expect.poll(async () => (await read.boundingBox())?.y).toBeCloseTo(top.y, 0)
  await page.unroute(/\/messages\?.*before=/)

  // Back to the first message, a screen at a time: the page never holds more than a screenful.
  expect(await inbox.scrollHistoryToBeginning()).toBeLessThanOrEqual(MOST_BUBBLES_IN_THE_PAGE)
  await expect(history.getByText(text(1), { exact: true })).toBeInViewport()
  await expect(history.getByText('This is the beginning of the conversation.')).toBeInViewport()
  await expect(inbox.sessionDividers().first()).toBeInViewport()
  expect((await inbox.messageTexts()).slice(0, 3)).toEqual([text(1), text(2), text(3)])
  await expectNoSeriousViolations(page)
  await page.screenshot({ path: `${SCREENSHOTS}long-conversation-beginning.png` })

  // A guest writing now, with the whole history loaded: the chat reads the newest page alone (not
  // every loaded page again), the reader stays at the first message, and the new one is at the end.
  const olderPagesAsked: string[] = []
  page.on('request', (request) => request.url().includes('before=') && olderPagesAsked.push(request.url()))
  const refreshed = page.waitForResponse((response) => /\/messages\?limit=50$/.test(response.url()))
  const pushed = await page.request.post(`${desk.url}/v1/messages`, {
    headers: { authorization: `Bearer ${desk.token}` },
    data: {
      messages: [
        {
          channel: 'web_chat',
          guest: { phone: PHONE },
          direction: 'in',
          content: { type: 'text', text: 'Are you still there?' },
          createdAt: new Date().toISOString(),
        },
      ],
    },
  })
  expect(pushed.status()).toBe(201)
  await refreshed
  await expect(history.getByText(text(1), { exact: true })).toBeInViewport()
  await history.evaluate((element) => element.scrollTo(0, element.scrollHeight))
  await expect(history.getByText('Are you still there?', { exact: true })).toBeInViewport()
  expect(olderPagesAsked).toEqual([])
})

/** The text and the on-screen y of the highest bubble in the chat's view. */
async function topmostBubble(page: Page): Promise<{ text: string; y: number }> {
  return page.getByRole('log', { name: 'Messages' }).evaluate((history) => {
    const top = history.getBoundingClientRect().top
    const inView = Array.from(history.querySelectorAll('.bubble'))
      .map((bubble) => ({ text: bubble.querySelector('.bubble-text')?.textContent ?? '', y: bubble.getBoundingClientRect().y }))
      .filter((bubble) => bubble.y >= top)
    return inView.sort((a, b) => a.y - b.y)[0]!
  })
}

async function conversationId(page: Page): Promise<string> {
  return decodeURIComponent(new URL(page.url()).pathname.split('/').at(-1)!)
}
