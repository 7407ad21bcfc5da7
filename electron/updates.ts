// The automatic-update feed: electron-updater's generic provider, from the settings or
// FRONTDESK_UPDATE_URL. No URL, or a development run: no updates.

export interface UpdateFeed {
  provider: 'generic'
  url: string
  channel: string
}

export function updateFeed(input: { settingsUrl: string | null; env: Record<string, string | undefined>; isPackaged: boolean }): UpdateFeed | null {
  if (!input.isPackaged) return null
  const url = input.env.FRONTDESK_UPDATE_URL?.trim() || input.settingsUrl
  if (!url) return null
  try {
    const parsed = new URL(url)
    if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname))) return null
  } catch {
    return null
  }
  return { provider: 'generic', url, channel: input.env.FRONTDESK_UPDATE_CHANNEL?.trim() || 'latest' }
}
