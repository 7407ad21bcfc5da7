// Pure decisions about the desktop window: no Electron import here, so tests run under Node.

/** BrowserWindow web preferences: the Electron security checklist. */
export function secureWebPreferences(preloadPath?: string) {
  return {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    ...(preloadPath ? { preload: preloadPath } : {}),
  } as const
}

/** True when `target` is on the app's own origin (parsed, never compared as a string prefix). */
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
