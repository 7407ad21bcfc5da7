/** The element the desk's server writes into the page (local-api/plugins/first-screen-answers.ts). */
const ELEMENT_ID = 'first-screen-answers'
/** After this long an answer in the page is too old to stand in for a request: it is asked for. */
const FRESH_MS = 10_000

let answers: Map<string, { status: number; body: unknown }> | undefined

/**
 * The page's code runs as soon as it is loaded (an async module script), while the desk's server is
 * still working out the answers that end the page: they are read once the page has arrived whole.
 */
const pageArrived: Promise<void> =
  document.readyState === 'loading'
    ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }))
    : Promise.resolve()

/**
 * The answer the page came with for a GET of `path`, as a Response, taken once: the desk's server
 * puts the first screen's answers in the page itself, so the app renders without waiting for them.
 * Undefined when the page has none for it (a later request, a page from the dev server).
 */
export async function takeFirstScreenAnswer(path: string): Promise<Response | undefined> {
  await pageArrived
  answers ??= readAnswers()
  const answer = answers.get(path)
  if (!answer) return undefined
  answers.delete(path)
  if (performance.now() > FRESH_MS) return undefined
  return new Response(answer.status === 204 ? null : JSON.stringify(answer.body), {
    status: answer.status,
    headers: { 'content-type': 'application/json' },
  })
}

function readAnswers(): Map<string, { status: number; body: unknown }> {
  const element = document.getElementById(ELEMENT_ID)
  element?.remove()
  try {
    return new Map(Object.entries(JSON.parse(element?.textContent || '{}') as Record<string, { status: number; body: unknown }>))
  } catch {
    return new Map()
  }
}
