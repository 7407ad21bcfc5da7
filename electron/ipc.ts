// The only messages between the inbox page and the desktop shell. Every channel is named here;
// the preload exposes them as named functions (never raw ipcRenderer), and every handler in the
// main process checks that the call comes from the app's own page.
import { isAppUrl } from './trusted-url.js'

export const IPC = {
  getDesktopInfo: 'frontdesk:get-desktop-info',
  setStartAtLogin: 'frontdesk:set-start-at-login',
  setPort: 'frontdesk:set-port',
  agentSignedIn: 'frontdesk:agent-signed-in',
  /** Main → page: open an address of the app (a notification was clicked, a menu item chosen). */
  navigate: 'frontdesk:navigate',
  /** Main → page: put the cursor in the conversation search (Find in the menu). */
  focusSearch: 'frontdesk:focus-search',
} as const

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string }

export interface DesktopInfo {
  version: string
  platform: string
  /** The address the local API listens on, and the port the settings ask for. */
  apiUrl: string
  configuredPort: number
  /** Set when the configured port was taken and the API fell back to another one. */
  portProblem: string | null
  startAtLogin: boolean
  updates: 'off' | 'on'
}

/** What the preload puts on `window.frontdesk`. */
export interface DesktopBridge {
  getDesktopInfo(): Promise<IpcResult<DesktopInfo>>
  setStartAtLogin(enabled: boolean): Promise<IpcResult<boolean>>
  /** Saves the port for local systems; it applies at the next start. */
  setPort(port: number): Promise<IpcResult<number>>
  agentSignedIn(agentId: string | null): Promise<IpcResult<null>>
  onNavigate(listener: (path: string) => void): () => void
  onFocusSearch(listener: () => void): () => void
}

/** A call is trusted only from the top frame showing the app's own origin. */
export function isTrustedSender(frame: { url: string; parent: unknown } | null | undefined, appOrigin: string): boolean {
  return Boolean(frame) && frame!.parent === null && isAppUrl(frame!.url, appOrigin)
}

export const isPortNumber = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1024 && (value as number) <= 65535

export const isAgentId = (value: unknown): value is string | null => value === null || (typeof value === 'string' && /^agt_[0-9A-Za-z]{10,40}$/.test(value))
