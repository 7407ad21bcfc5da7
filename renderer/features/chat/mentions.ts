// @mentions in an internal note: what the composer is completing, what picking an agent makes of the
// text, which picked agents the text still names, and the note's text split for highlighting.

/** The `@word` being typed just before the caret, if any: where it starts and what it holds so far. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const match = /(^|\s)@([\p{L}\p{N}._'-]{0,30})$/u.exec(text.slice(0, caret))
  if (!match) return null
  return { start: caret - match[2]!.length - 1, query: match[2]! }
}

/** The text with the `@query` at `start` replaced by `@Name `, and where the caret goes after it. */
export function insertMention(text: string, at: { start: number; query: string }, name: string): { text: string; caret: number } {
  const after = text.slice(at.start + 1 + at.query.length)
  const spaced = /^\s/.test(after)
  const inserted = `@${name}${spaced ? '' : ' '}`
  return { text: text.slice(0, at.start) + inserted + after, caret: at.start + inserted.length + (spaced ? 1 : 0) }
}

/** The picked agents the text still names as `@Name` (one deleted from the text is no longer mentioned). */
export function mentionedIds(text: string, picked: ReadonlyMap<string, string>): string[] {
  return [...picked].filter(([, name]) => text.includes(`@${name}`)).map(([id]) => id)
}

/** Agents whose name holds what is typed after `@`, case- and accent-insensitively, at most `limit`. */
export function matchingAgents<A extends { name: string }>(agents: readonly A[], query: string, limit = 6): A[] {
  const fold = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
  const wanted = fold(query)
  return agents.filter((agent) => fold(agent.name).includes(wanted)).slice(0, limit)
}

export type NoteSegment = { text: string; mention: boolean }

/** A note's text in runs, the `@Name` of each mentioned agent marked (longest names first). */
export function noteSegments(text: string, names: readonly string[]): NoteSegment[] {
  const tokens = [...new Set(names.filter(Boolean))].sort((a, b) => b.length - a.length).map((name) => `@${name}`)
  const segments: NoteSegment[] = []
  let rest = text
  while (rest) {
    let first: { index: number; token: string } | null = null
    for (const token of tokens) {
      const index = rest.indexOf(token)
      if (index >= 0 && (first === null || index < first.index)) first = { index, token }
    }
    if (!first) {
      segments.push({ text: rest, mention: false })
      break
    }
    if (first.index > 0) segments.push({ text: rest.slice(0, first.index), mention: false })
    segments.push({ text: first.token, mention: true })
    rest = rest.slice(first.index + first.token.length)
  }
  return segments
}
