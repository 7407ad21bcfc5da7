// The page's only door to the desktop shell: named functions over the channels in ipc.ts.
// Bundled to CommonJS, as sandboxed preloads require.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { IPC, type DesktopBridge } from './ipc.js'
import { isAppPath } from './trusted-url.js'

const bridge = {
  getDesktopInfo: () => ipcRenderer.invoke(IPC.getDesktopInfo),
  setStartAtLogin: (enabled) => ipcRenderer.invoke(IPC.setStartAtLogin, enabled),
  setPort: (port) => ipcRenderer.invoke(IPC.setPort, port),
  agentSignedIn: (agentId) => ipcRenderer.invoke(IPC.agentSignedIn, agentId),
  onNavigate(listener) {
    const handler = (_event: IpcRendererEvent, path: unknown) => {
      // Only an address inside the app reaches the page's router ("//evil.com" never does).
      if (isAppPath(path)) listener(path)
    }
    ipcRenderer.on(IPC.navigate, handler)
    return () => void ipcRenderer.removeListener(IPC.navigate, handler)
  },
  onFocusSearch(listener) {
    const handler = () => listener()
    ipcRenderer.on(IPC.focusSearch, handler)
    return () => void ipcRenderer.removeListener(IPC.focusSearch, handler)
  },
} satisfies DesktopBridge

contextBridge.exposeInMainWorld('frontdesk', bridge)
