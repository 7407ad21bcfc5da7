import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { DesktopBridge } from '@/api/desktop-bridge'
import { desktopKeys } from '@/api/query-keys'
import { unwrap } from '@/lib/desktop'

export const desktopInfoOptions = (bridge: DesktopBridge) => queryOptions({ queryKey: desktopKeys.info, queryFn: () => unwrap(bridge.getDesktopInfo()) })

/** The desktop app on this computer (version, API address, port, start at login), through its bridge. */
export const useDesktopInfo = (bridge: DesktopBridge) => useQuery(desktopInfoOptions(bridge))

function useRefresh() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: desktopKeys.info })
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
