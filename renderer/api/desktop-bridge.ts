// What the desktop app's preload puts on `window.frontdesk` (the renderer's own copy of the type;
// a compile-time test keeps it equal to electron/ipc.ts).

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: string }

export interface DesktopInfo {
  version: string
  platform: string
  apiUrl: string
  configuredPort: number
  portProblem: string | null
  startAtLogin: boolean
  updates: 'off' | 'on'
}

export interface DesktopBridge {
  getDesktopInfo(): Promise<IpcResult<DesktopInfo>>
  setStartAtLogin(enabled: boolean): Promise<IpcResult<boolean>>
  setPort(port: number): Promise<IpcResult<number>>
  agentSignedIn(agentId: string | null): Promise<IpcResult<null>>
  onNavigate(listener: (path: string) => void): () => void
  onFocusSearch(listener: () => void): () => void
}
