import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { DesktopBridge } from '@/api/desktop-bridge'
import { unwrap } from '@/lib/desktop'

const desktopInfoKey = ['desktop', 'info'] as const

/** The desktop app on this computer (version, API address, port, start at login), through its bridge. */
export const useDesktopInfo = (bridge: DesktopBridge) => useQuery({ queryKey: desktopInfoKey, queryFn: () => unwrap(bridge.getDesktopInfo()) })

function useRefresh() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: desktopInfoKey })
}

export function useSetStartAtLogin(bridge: DesktopBridge) {
  const refresh = useRefresh()
  return useMutation({ mutationFn: (enabled: boolean) => unwrap(bridge.setStartAtLogin(enabled)), onSuccess: refresh })
}

/** Sets the port local systems push to (taken at the next start). */
export function useSetPort(bridge: DesktopBridge) {
  const refresh = useRefresh()
  return useMutation({ mutationFn: (port: number) => unwrap(bridge.setPort(port)), onSuccess: refresh })
}
