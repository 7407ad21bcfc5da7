/**
 * A conversation of 10,000 messages in Chromium: time from navigation to its newest messages
 * painted, and frame times while the chat is scrolled up from its newest message to its first.
 * Run by `npm run bench` (bench/long-conversation.ts) as a child process:
 *   node --import tsx bench/long-conversation-ui.ts DATA_DIR CONVERSATION_ID LOADS → one line of JSON.
 */
import type { Page } from '@playwright/test'
import { CHROMIUM, chromiumAvailable, openSignedInPage } from './signed-in-browser.js'

export interface LongConversationUiResult {
  /** ms from navigation start until the first bubbles of the chat were painted, per load. */
  loads: number[]
  /** Durations (ms) of each animation frame while the chat scrolled up to its first message. */
  frames: number[]
  /** Whether the scroll reached the first message ("This is the beginning of the conversation."). */
  reachedBeginning: boolean
  /** The most bubbles the page held at once on the way (the virtualised history keeps this small). */
  mostBubbles: number
  scrollMs: number
  longTasks: number
}

/**
 * Notes when the first chat bubble is painted, measured from navigation start: the frame after it
 * entered the page has run its callbacks and painted when a message posted from it arrives. Says so
 * on the console: the bench waits for that line rather than polling the page, which would take its
 * main thread in the very moments it measures.
 */
const NOTE_FIRST_PAINT = `(() => {
  new MutationObserver((_, observer) => {
    if (!document.querySelector('.history .bubble')) return
    observer.disconnect()
    requestAnimationFrame(() => {
      const channel = new MessageChannel()
      channel.port1.onmessage = () => console.debug('first-bubble-painted ' + performance.now())
      channel.port2.postMessage(null)
    })
  }).observe(document, { childList: true, subtree: true })
})()`

/**
 * Scrolls the chat up by `step` px an animation frame (a brisk flick) until its beginning is in view
 * or `limitMs` have passed, noting every frame's duration, the long tasks and the bubbles in the page.
 * Plain JavaScript in a string: the TypeScript loader would otherwise add helpers the page lacks.
 */
const SCROLL_UP = `async ({ step, limitMs }) => {
  const history = document.querySelector('.history')
  const frames = []
  let longTasks = 0
  let mostBubbles = 0
  new PerformanceObserver((entries) => { longTasks += entries.getEntries().length }).observe({ type: 'longtask' })
  const started = performance.now()
  const atBeginning = () => history.scrollTop === 0 && history.textContent.includes('This is the beginning of the conversation.')
  await new Promise((resolve) => {
    let last = performance.now()
    const frame = (now) => {
      frames.push(now - last)
      last = now
      mostBubbles = Math.max(mostBubbles, history.querySelectorAll('.bubble').length)
      history.scrollTop = Math.max(0, history.scrollTop - step)
      if (atBeginning() || now - started > limitMs) resolve()
      else requestAnimationFrame(frame)
    }
    requestAnimationFrame(frame)
  })
  return { frames: frames.slice(1), reachedBeginning: atBeginning(), mostBubbles, scrollMs: performance.now() - started, longTasks }
}`

/** The page has settled when no request of it has ended for this long (the live stream's never ends and is not counted). */
const QUIET_MS = 300
/** The longest a page is given to settle. */
const SETTLE_LIMIT_MS = 5_000

/**
 * Waits until the page's requests have all been answered, noting only how many requests it has ended
 * (a count read between measurements, not while one runs). A fixed pause would time the next open
 * against the previous one's last requests as soon as the page asks for a little more after its chat.
 */
async function settled(page: Page): Promise<void> {
  const ended = () => page.evaluate('performance.getEntriesByType("resource").length') as Promise<number>
  const started = Date.now()
  let count = await ended()
  let quietSince = Date.now()
  while (Date.now() - quietSince < QUIET_MS && Date.now() - started < SETTLE_LIMIT_MS) {
    await page.waitForTimeout(50)
    const now = await ended()
    if (now !== count) [count, quietSince] = [now, Date.now()]
  }
}

export async function measureLongConversationUi(dataDir: string, conversationId: string, loads: number): Promise<LongConversationUiResult> {
  const { url: serverUrl, page, close } = await openSignedInPage(dataDir)
  try {
    await page.addInitScript(NOTE_FIRST_PAINT)
    const url = `${serverUrl}/conversations/${encodeURIComponent(conversationId)}`

    const painted: number[] = []
    for (let i = 0; i < loads + 1; i++) {
      const note = page.waitForEvent('console', (message) => message.text().startsWith('first-bubble-painted '))
      await page.goto(url, { waitUntil: 'commit' })
      const at = Number((await note).text().slice('first-bubble-painted '.length))
      // The first load warms the server's caches and Chromium's code cache; it is not counted.
      if (i > 0) painted.push(at)
      // Each open is timed from a settled page, as a desk opens a chat: not while the one before is
      // still drawing the parts after the chat (the list, the guest panel) and asking for their data.
      await settled(page)
    }
    // Let the opening settle (the newest message in view) before the flick starts.
    await page.waitForTimeout(500)
    const scrolled = (await page.evaluate(`(${SCROLL_UP})({ step: 300, limitMs: 600000 })`)) as Omit<LongConversationUiResult, 'loads'>
    return { loads: painted, ...scrolled }
  } finally {
    await close()
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const [dataDir, conversationId, loads = '10'] = process.argv.slice(2)
  if (!dataDir || !conversationId) throw new Error('usage: long-conversation-ui.ts DATA_DIR CONVERSATION_ID [LOADS]')
  if (!chromiumAvailable()) {
    process.stdout.write(`${JSON.stringify({ skipped: `no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)` })}\n`)
  } else {
    process.stdout.write(`${JSON.stringify(await measureLongConversationUi(dataDir, conversationId, Number(loads)))}\n`)
  }
}
