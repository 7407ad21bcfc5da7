import type { ChatRow } from './chat-rows.js'

/**
 * What a chat row measures in the page (styles.css): a bubble of one text line with its time, the
 * author line above a reply, a line more for each line the text wraps to, a session divider above.
 */
export const ROW_METRICS = {
  oneLineBubble: 43,
  authorLine: 15,
  textLine: 20,
  sessionDivider: 34,
  event: 34,
  /** Rich content (a card, an image, a location): no guess from its text. */
  otherContent: 58,
  /** The average width of a character of the chat's text. */
  charWidth: 7,
  /** A bubble is at most 36rem wide, and 75 % of the history; its text has 0.65rem of padding each side. */
  bubbleMaxWidth: 576,
  bubbleMaxShare: 0.75,
  bubblePadding: 21,
}

/**
 * A row's height before it is measured, guessed from its text and the history's width (0 when not
 * known yet: a wide history). The closer the guess, the less the history moves, and lays the page
 * out again, when the real heights come in as rows enter the view.
 */
export function estimateRowHeight(row: ChatRow, historyWidth: number): number {
  const m = ROW_METRICS
  if (row.kind === 'event') return m.event
  const divider = row.sessionStartedAt ? m.sessionDivider : 0
  const author = row.message.direction === 'out' ? m.authorLine : 0
  const { content } = row.message
  if (content.type !== 'text') return divider + author + m.otherContent
  const bubbleWidth = historyWidth > 0 ? Math.min(m.bubbleMaxWidth, historyWidth * m.bubbleMaxShare) : m.bubbleMaxWidth
  const charsPerLine = Math.max(1, Math.floor((bubbleWidth - m.bubblePadding) / m.charWidth))
  const lines = content.text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / charsPerLine)), 0)
  return divider + author + m.oneLineBubble + (lines - 1) * m.textLine
}
