/**
 * The inbox in Chromium over a large store: time from navigation to an interactive conversation
 * list, and frame times while scrolling it. Run by `npm run bench` on its 100 k-conversation store.
 */
import { CHROMIUM, chromiumAvailable, openSignedInPage } from './signed-in-browser.js'

export interface InboxUiResult {
  /** ms from navigation start until the first conversation rows were in the page, per load. */
  loads: number[]
  /** ms from navigation until a j key press had highlighted the first row, per load. */
  interactive: number[]
  /** Durations (ms) of each animation frame while the list scrolled. */
  frames: number[]
  rowsScrolled: number
  longTasks: number
}

/**
 * Scrolls the list by four rows an animation frame (a brisk flick) until `rows` rows have gone by,
 * noting every frame's duration and the long tasks. Plain JavaScript in a string: the TypeScript
 * loader would otherwise add helpers the page does not have.
 */
const SCROLL_LIST = `async (rows) => {
  const list = document.getElementById('conversation-list')
  const rowHeight = list.querySelector('.virtual-row').offsetHeight
  const frames = []
  let longTasks = 0
  new PerformanceObserver((entries) => { longTasks += entries.getEntries().length }).observe({ type: 'longtask' })
  await new Promise((resolve) => {
    let last = performance.now()
    const step = (now) => {
      frames.push(now - last)
      last = now
      list.scrollTop = Math.min(list.scrollTop + 4 * rowHeight, list.scrollHeight)
      if (list.scrollTop >= rows * rowHeight || frames.length > rows * 2) resolve()
      else requestAnimationFrame(step)
    }
    requestAnimationFrame(step)
  })
  return { frames: frames.slice(1), rows: Math.round(list.scrollTop / rowHeight), longTasks }
}`

export async function measureInboxUi(dataDir: string, options: { loads: number; scrollRows: number }): Promise<InboxUiResult> {
  const { url: serverUrl, page, close } = await openSignedInPage(dataDir)
  try {
    // Notes the moment the first row enters the page, measured from navigation start, and says so on
    // the console: the bench waits for that line rather than a selector, whose polling script would
    // take the page's main thread in the very moments it measures.
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('.conversation-row')) return
        observer.disconnect()
        console.debug(`first-row ${performance.now()}`)
      }).observe(document, { childList: true, subtree: true })
    })

    const loads: number[] = []
    const interactive: number[] = []
    for (let i = 0; i < options.loads + 1; i++) {
      const firstRow = page.waitForEvent('console', (message) => message.text().startsWith('first-row '))
      await page.goto(serverUrl, { waitUntil: 'commit' })
      const firstRowAt = Number((await firstRow).text().slice('first-row '.length))
      await page.locator('body').click({ position: { x: 700, y: 500 } })
      await page.keyboard.press('j')
      await page.waitForSelector('.conversation-row.highlighted')
      const now = await page.evaluate(() => performance.now())
      // The first load warms the server's caches and Chromium's code cache; it is not counted.
      if (i > 0) {
        loads.push(firstRowAt)
        interactive.push(now)
      }
    }

    const scrolled = (await page.evaluate(`(${SCROLL_LIST})(${options.scrollRows})`)) as { frames: number[]; rows: number; longTasks: number }
    return { loads, interactive, frames: scrolled.frames, rowsScrolled: scrolled.rows, longTasks: scrolled.longTasks }
  } finally {
    await close()
  }
}

// Run by push-and-list.ts as a child process (its own program, with the DOM types it needs):
//   node --import tsx bench/inbox-ui.ts DATA_DIR LOADS SCROLL_ROWS  → one line of JSON on stdout.
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  const [dataDir, loads = '10', scrollRows = '3000'] = process.argv.slice(2)
  if (!dataDir) throw new Error('usage: inbox-ui.ts DATA_DIR [LOADS] [SCROLL_ROWS]')
  if (!chromiumAvailable()) {
    process.stdout.write(`${JSON.stringify({ skipped: `no Chromium at ${CHROMIUM} (set CHROMIUM_PATH)` })}\n`)
  } else {
    const result = await measureInboxUi(dataDir, { loads: Number(loads), scrollRows: Number(scrollRows) })
    process.stdout.write(`${JSON.stringify(result)}\n`)
  }
}
