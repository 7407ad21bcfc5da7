// Which web permissions a page of the desktop app gets. The inbox needs none but notifications,
// and those only for its own page: camera, microphone, location, clipboard reads, screen capture,
// MIDI, HID/USB/serial devices, fullscreen, opening external apps… are all refused.
import { isAppUrl } from './trusted-url.js'

export const ALLOWED_PERMISSIONS: readonly string[] = ['notifications']

export interface PermissionAsk {
  /** Electron's permission name ('notifications', 'media', 'geolocation', …). */
  permission: string
  /** The asking frame's URL (requests) or origin (checks); missing for a cross-origin sub-frame. */
  requestingUrl: string | null | undefined
  /** False when a sub-frame asks. */
  isMainFrame: boolean
  /** The origin embedding the asking frame, when a cross-origin sub-frame asks. */
  embeddingOrigin?: string | null
}

/**
 * True only for a permission the inbox needs, asked by the top frame of the app's own origin.
 * Before the app knows its origin (the API not started yet), nothing is allowed.
 */
export function isPermissionAllowed(ask: PermissionAsk, appOrigin: string | null): boolean {
  if (appOrigin === null || !ALLOWED_PERMISSIONS.includes(ask.permission)) return false
  if (!ask.isMainFrame || (ask.embeddingOrigin !== undefined && ask.embeddingOrigin !== null)) return false
  return typeof ask.requestingUrl === 'string' && isAppUrl(ask.requestingUrl, appOrigin)
}

/** USB, HID, serial and Bluetooth devices: the inbox uses none, for any page. */
export const isDeviceAccessAllowed = (): boolean => false
