// The desktop app's own settings (settings.json in the user-data folder), read and written with
// plain fs so tests run under Node. A missing or damaged file falls back to the defaults.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import { DEFAULT_PORT } from '../local-api/listen-defaults.js'

export interface WindowBounds {
  x: number
  y: number
  width: number
  height: number
  maximized?: boolean
}

export interface DesktopSettings {
  /** Where local systems push to; fixed so their configuration keeps working. */
  port: number
  startAtLogin: boolean
  /** The generic update feed (electron-updater); null: no automatic updates. */
  updateUrl: string | null
  window: WindowBounds | null
}

export const DEFAULT_SETTINGS: DesktopSettings = { port: DEFAULT_PORT, startAtLogin: false, updateUrl: null, window: null }

const isPort = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 65535
const isHttpUrl = (value: unknown): value is string => {
  if (typeof value !== 'string') return false
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol)
  } catch {
    return false
  }
}
const isBounds = (value: unknown): value is WindowBounds => {
  const b = value as WindowBounds | null
  return (
    typeof b === 'object' &&
    b !== null &&
    [b.x, b.y, b.width, b.height].every(Number.isFinite) &&
    b.width >= 200 &&
    b.height >= 200 &&
    (b.maximized === undefined || typeof b.maximized === 'boolean')
  )
}

/** Keeps each valid field of `raw`; anything else takes its default. */
export function parseSettings(raw: unknown): DesktopSettings {
  const input = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
  return {
    port: isPort(input.port) ? input.port : DEFAULT_SETTINGS.port,
    startAtLogin: typeof input.startAtLogin === 'boolean' ? input.startAtLogin : DEFAULT_SETTINGS.startAtLogin,
    updateUrl: isHttpUrl(input.updateUrl) ? input.updateUrl : DEFAULT_SETTINGS.updateUrl,
    window: isBounds(input.window) ? input.window : DEFAULT_SETTINGS.window,
  }
}

export function loadSettings(file: string): DesktopSettings {
  try {
    return parseSettings(JSON.parse(readFileSync(file, 'utf8')))
  } catch {
    return { ...DEFAULT_SETTINGS }
  }
}

/** Writes through a temporary file, so a crash mid-write never leaves half a file. */
export function saveSettings(file: string, settings: DesktopSettings): void {
  mkdirSync(dirname(file), { recursive: true })
  const temporary = `${file}.${process.pid}.tmp`
  writeFileSync(temporary, `${JSON.stringify(settings, null, 2)}\n`)
  renameSync(temporary, file)
}

/** Where the window was, if that place is still on a screen (a monitor may have been unplugged). */
export function visibleBounds(saved: WindowBounds | null, workAreas: readonly { x: number; y: number; width: number; height: number }[]): WindowBounds | null {
  if (!saved) return null
  // The title bar's top strip must overlap a screen by enough to grab it.
  const grabbable = workAreas.some((area) => {
    const overlapX = Math.min(saved.x + saved.width, area.x + area.width) - Math.max(saved.x, area.x)
    const overlapY = Math.min(saved.y + 40, area.y + area.height) - Math.max(saved.y, area.y)
    return overlapX >= 100 && overlapY >= 20
  })
  return grabbable ? saved : null
}
