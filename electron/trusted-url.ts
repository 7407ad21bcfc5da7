// Which URLs the desktop window trusts. URLs are parsed, never compared as string prefixes.

/** True when `target` is on the app's own origin. */
export function isAppUrl(target: string, appOrigin: string): boolean {
  try {
    return new URL(target).origin === new URL(appOrigin).origin
  } catch {
    return false
  }
}

/** Links the OS may open for the user: web pages, mail and phone calls. */
export function isExternalLinkAllowed(target: string): boolean {
  try {
    return ['http:', 'https:', 'mailto:', 'tel:'].includes(new URL(target).protocol)
  } catch {
    return false
  }
}

/** What to do with a link the page asks to open in a new window: never a new window. */
export function routeNewWindow(target: string, appOrigin: string): 'open-in-app' | 'open-in-os' | 'deny' {
  if (isAppUrl(target, appOrigin)) return 'open-in-app'
  if (isExternalLinkAllowed(target)) return 'open-in-os'
  return 'deny'
}
