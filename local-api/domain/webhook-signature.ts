import { createHmac, timingSafeEqual } from 'node:crypto'

/** The header every outbound webhook call carries: `t=<unix ms>,v1=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = 'x-frontdesk-signature'

/** Signs `${timestamp}.${body}` with the channel account's secret (the timestamp defeats replays). */
export function signWebhook(secret: string, body: string, timestamp: number): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')
  return `t=${timestamp},v1=${digest}`
}

/** What a receiver does: recompute and compare in constant time, refusing stale timestamps. */
export function verifyWebhook(secret: string, body: string, header: string, now = Date.now(), toleranceMs = 5 * 60_000): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=') as [string, string]))
  const timestamp = Number(parts.t)
  if (!Number.isFinite(timestamp) || Math.abs(now - timestamp) > toleranceMs || !parts.v1) return false
  const expected = Buffer.from(signWebhook(secret, body, timestamp).split('v1=')[1]!, 'hex')
  const given = Buffer.from(parts.v1, 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}
