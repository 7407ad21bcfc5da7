// What a launch asks for: `frontdesk://conversations/<id>` (a link from another program) or
// `--open-conversation=<id>`. A second launch hands its arguments to the running instance.

export const PROTOCOL = 'frontdesk'

const CONVERSATION_ID = /^conv_[0-9A-Za-z]{10,40}$/

/** The conversation a command line asks to open, or null. */
export function conversationToOpen(argv: readonly string[]): string | null {
  for (const arg of argv) {
    const flag = /^--open-conversation=(.+)$/.exec(arg)
    if (flag && CONVERSATION_ID.test(flag[1]!)) return flag[1]!
    if (arg.startsWith(`${PROTOCOL}:`)) {
      try {
        const url = new URL(arg)
        // frontdesk://conversations/conv_… parses as host "conversations", path "/conv_…".
        const [kind, id] = [url.host, url.pathname.replace(/^\/+|\/+$/g, '')]
        if (url.protocol === `${PROTOCOL}:` && kind === 'conversations' && id && CONVERSATION_ID.test(id)) return id
      } catch {
        // not a URL: ignored
      }
    }
  }
  return null
}

/** The app address a launch opens: the conversation, or the inbox. */
export const launchPath = (argv: readonly string[]) => {
  const id = conversationToOpen(argv)
  return id ? `/conversations/${id}` : '/'
}
