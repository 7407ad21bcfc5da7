/**
 * An address the inbox may put in an href or src: an http(s) URL or one of the desk's own
 * attachments. Anything else (javascript:, data:, file:, …) comes back undefined and is not linked.
 */
export function safeUrl(url: string): string | undefined {
  if (/^\/v1\/attachments\/att_[0-9A-Z]{26}$/.test(url)) return url
  try {
    const parsed = new URL(url)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined
  } catch {
    return undefined
  }
}
