// The desktop window's options: only Electron's types imported, so tests check them under Node.
import type { BrowserWindowConstructorOptions } from 'electron'
import type { WindowBounds } from './settings.js'

/** BrowserWindow web preferences: the Electron security checklist. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: true,
  } as const
}

export const DEFAULT_SIZE = { width: 1280, height: 820 } as const
export const MIN_SIZE = { minWidth: 900, minHeight: 560 } as const

/** The options of the inbox window, at its remembered place when there is one. */
export function mainWindowOptions(input: { preloadPath: string; bounds: WindowBounds | null; iconPath?: string }) {
  const { maximized: _maximized, ...place } = input.bounds ?? { ...DEFAULT_SIZE, maximized: false }
  return {
    ...place,
    ...MIN_SIZE,
    show: false,
    title: 'Frontdesk Inbox',
    backgroundColor: '#f0f2f5',
    ...(input.iconPath ? { icon: input.iconPath } : {}),
    webPreferences: secureWebPreferences(input.preloadPath),
  } satisfies BrowserWindowConstructorOptions as BrowserWindowConstructorOptions & { webPreferences: ReturnType<typeof secureWebPreferences> }
}
