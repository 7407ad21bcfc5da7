/** The conversation an inbox address opens (/conversations/:id), or null. */
export function conversationIdOf(pathname: string): string | null {
  const match = /^\/conversations\/([^/]+)$/.exec(pathname)
  return match ? decodeURIComponent(match[1]!) : null
}
