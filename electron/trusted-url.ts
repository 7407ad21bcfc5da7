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

/**
 * What to do with a link the page asks to open in a new window: never a new window. Without a
 * known app origin (the API has not started), nothing is opened.
 */
export function routeNewWindow(target: string, appOrigin: string | null): 'open-in-app' | 'open-in-os' | 'deny' {
  if (appOrigin === null) return 'deny'
  if (isAppUrl(target, appOrigin)) return 'open-in-app'
  if (isExternalLinkAllowed(target)) return 'open-in-os'
  return 'deny'
}

/**
 * An address inside the app ("/conversations/conv_…"), never another origin ("//evil.com",
 * "/\evil.com"): what the shell may ask the page to show (menu, tray, notifications, launch links).
 */
export function isAppPath(path: unknown): path is string {
  return typeof path === 'string' && path.length <= 300 && /^\/(?!\/)[\w\-./?=&%]*$/.test(path) && !path.includes('\\')
}

/** The full address of an app path on the app's origin; anything that is not an app path opens the inbox. */
export function appAddress(path: unknown, appOrigin: string): string {
  return new URL(isAppPath(path) ? path : '/', appOrigin).toString()
}

export interface NavigationAttempt {
  /** Where the frame is about to go. */
  target: string
  /** False for a sub-frame (an iframe). */
  isMainFrame: boolean
  /** True when a server answered with a redirect to `target` (will-redirect). */
  isRedirect: boolean
}

/**
 * What to do when any frame of any page is about to go somewhere (will-navigate, will-frame-navigate,
 * will-redirect). Only the app's own origin is ever shown. A link the user follows off the app opens
 * in the OS browser when it is a web, mail or phone link; a redirect or a sub-frame never hands
 * anything to the OS. Without a known app origin (the API has not started), nothing is allowed.
 */
export function routeNavigation(attempt: NavigationAttempt, appOrigin: string | null): 'allow' | 'open-in-os' | 'deny' {
  if (appOrigin === null) return 'deny'
  if (isAppUrl(attempt.target, appOrigin)) return 'allow'
  if (attempt.isMainFrame && !attempt.isRedirect && isExternalLinkAllowed(attempt.target)) return 'open-in-os'
  return 'deny'
}
