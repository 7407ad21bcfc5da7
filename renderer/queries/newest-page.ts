import type { MessagePage } from '../../api-contract/index.js'

/** Pages as react-query's infinite queries hold them: newest page first, each with its cursor. */
export interface LoadedPages {
  pages: MessagePage[]
  pageParams: (string | null)[]
}

/**
 * The loaded history with a freshly read newest page in place of what it covers: the messages older
 * than the page's oldest one stay as they were loaded (with their pages and cursors), newer ones come
 * from the page (a message deleted since is gone, a changed one changed). Undefined when the page
 * does not reach back to a loaded message: the history would have a gap.
 */
export function withNewestPage(loaded: LoadedPages, newest: MessagePage): LoadedPages | undefined {
  if (newest.nextCursor === null) return { pages: [newest], pageParams: [null] }
  const oldest = newest.items.at(-1)
  if (!oldest) return undefined
  let seen = 0
  let cut = -1
  for (const page of loaded.pages) {
    const at = page.items.findIndex((message) => message.id === oldest.id)
    if (at >= 0) {
      cut = seen + at
      break
    }
    seen += page.items.length
  }
  if (cut < 0) return undefined
  const pages: MessagePage[] = [newest]
  const pageParams: (string | null)[] = [null]
  let start = 0
  loaded.pages.forEach((page, i) => {
    const keep = page.items.filter((_, j) => start + j > cut)
    start += page.items.length
    if (!keep.length) return
    pages.push(keep.length === page.items.length ? page : { ...page, items: keep })
    pageParams.push(loaded.pageParams[i] ?? null)
  })
  return { pages, pageParams }
}
