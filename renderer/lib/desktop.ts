import type { DesktopBridge, IpcResult } from '@/api/desktop-bridge'

/** The desktop shell's bridge when the inbox runs in the desktop app; undefined in a browser. */
export const desktop: DesktopBridge | undefined = (window as Window & { frontdesk?: DesktopBridge }).frontdesk

/** The value of a bridge call, or its error thrown (for react-query). */
export async function unwrap<T>(call: Promise<IpcResult<T>>): Promise<T> {
  const result = await call
  if (!result.ok) throw new Error(result.error)
  return result.value
}
