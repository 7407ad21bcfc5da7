import { elementScroll, type Rect, type Virtualizer, type VirtualizerOptions } from '@tanstack/react-virtual'

/**
 * A virtualised list that opens without forcing a layout in the middle of React's commit. At mount
 * the library reads the element's size and scrolls it to its starting offset; each forces a layout
 * of the whole page (10–20 ms when the inbox opens) that the browser would do anyway just after.
 * Instead the size comes from the ResizeObserver, whose first report follows the browser's own
 * layout, before the first paint (until then the window's size stands in: the first render fills
 * the view), and a scroll to 0 of an element not laid out yet is skipped: it is at 0 already.
 */
const laidOut = new WeakSet<Element>()

type Options<T extends Element> = VirtualizerOptions<T, Element>

function observeElementRect<T extends Element>(instance: Virtualizer<T, Element>, report: (rect: Rect) => void): () => void {
  const element = instance.scrollElement
  if (!element) return () => {}
  const observer = new ResizeObserver(() => {
    laidOut.add(element)
    report({ width: Math.round(element.clientWidth), height: Math.round(element.clientHeight) })
  })
  observer.observe(element, { box: 'content-box' })
  return () => observer.disconnect()
}

function scrollToFn<T extends Element>(offset: number, options: { adjustments?: number; behavior?: ScrollBehavior }, instance: Virtualizer<T, Element>): void {
  const element = instance.scrollElement
  if (element && !laidOut.has(element) && offset + (options.adjustments ?? 0) === 0) return
  elementScroll(offset, options, instance)
}

const windowRect = (): Rect => ({ width: window.innerWidth, height: window.innerHeight })

/** Options for `useVirtualizer` that open the list without a forced layout (see above). */
export const openWithoutForcedLayout = <T extends Element>(): Pick<Options<T>, 'observeElementRect' | 'scrollToFn' | 'initialRect'> => ({
  observeElementRect,
  scrollToFn,
  initialRect: windowRect(),
})
