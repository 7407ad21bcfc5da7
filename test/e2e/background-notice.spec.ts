import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expectNoSeriousViolations } from './axe.js'
import { expect, SCREENSHOTS, test } from './fixtures.js'
import { InboxPage } from './pages/inbox-page.js'

test.use({ deskName: 'background-notice' })

test('when the AI agent fails, a small notice in the top bar says so and opens to what failed', async ({ page, desk, signedIn }) => {
  // The hotel's LLM provider: a real local endpoint that answers every request with 500.
  const llm = createServer((request, response) => request.resume().on('end', () => response.writeHead(500).end()))
  await new Promise<void>((resolve) => llm.listen(0, '127.0.0.1', resolve))
  try {
    const admin = { authorization: `Bearer ${desk.adminToken}` }
    const baseUrl = `http://127.0.0.1:${(llm.address() as AddressInfo).port}/v1`
    expect((await page.request.put(`${desk.url}/v1/settings/llm`, { headers: admin, data: { baseUrl, model: 'local-7b' } })).status()).toBe(200)
    const knowledge = await page.request.post(`${desk.url}/v1/knowledge`, {
      headers: admin,
      data: { question: 'Can I bring my bicycle?', answer: 'Yes, bicycles go in the garage.', tags: 'bicycle bike garage' },
    })
    expect(knowledge.status()).toBe(201)

    const pushed = await page.request.post(`${desk.url}/v1/messages`, {
      headers: { authorization: `Bearer ${desk.token}` },
      data: {
        messages: [
          {
            channel: 'web_chat',
            guest: { phone: '+41795700001' },
            direction: 'in',
            content: { type: 'text', text: 'Can I bring my bicycle?' },
            createdAt: new Date().toISOString(),
          },
        ],
      },
    })
    expect(pushed.status()).toBe(201)
    const conversationId = (await pushed.json()).items[0].conversationId as string
    // The agent works in the background: the guest still gets the built-in answer.
    await expect
      .poll(async () => ((await (await page.request.get(`${desk.url}/v1/health`)).json()).background as { worker: string }[]).map((f) => f.worker))
      .toContain('ai-agent')

    const inbox = new InboxPage(page)
    await inbox.goto(desk.url)
    const notice = page.locator('.background-notice')
    await expect(notice.locator('summary')).toHaveText('⚠ The AI agent failed')
    await notice.locator('summary').click()
    const details = page.getByRole('group', { name: 'Background work that failed recently' })
    await expect(details).toContainText('The AI agent: the LLM provider failed; the built-in answer was sent')
    await expect(details).toContainText('once in the last 24 hours · now')
    await expect(details).toContainText(`conversation ${conversationId}`)
    await expect(details).toContainText('the LLM provider answered 500')
    await expectNoSeriousViolations(page)
    await page.screenshot({ path: `${SCREENSHOTS}background-notice.png` })
  } finally {
    await new Promise<void>((resolve) => llm.close(() => resolve()))
  }
})
