import type { MetricKey } from '../../api-contract/stats.js'

/** The inbox statistics (the API contract lists them): what each one means (shown on hover), and how it is computed from counts. */
export const METRICS = {
  activeConversations: {
    label: 'Active conversations',
    unit: 'count',
    definition: 'Conversations in which a guest started a session (wrote for the first time, or after 24 h of silence) in the period.',
  },
  responseRate: {
    label: 'Response rate',
    unit: 'percent',
    definition:
      'Of the conversations with a guest message in the period, the share in which a guest message got a reply (from the AI agent or staff) within 5 seconds.',
  },
  faqResolved: {
    label: 'FAQs resolved by the AI agent',
    unit: 'count',
    definition: 'Conversations the AI agent answered from the knowledge base in the period, with no human transfer in it.',
  },
  humanTransfers: {
    label: 'Human transfers',
    unit: 'count',
    definition: 'Switches from the AI agent to a person in the period: staff taking over, or the AI agent handing over.',
  },
  capturedLeads: {
    label: 'Captured leads',
    unit: 'count',
    definition: 'Conversations with a guest message in the period whose guest left an email address or a phone number.',
  },
  conversionRate: {
    label: 'Conversion rate',
    unit: 'percent',
    definition: 'Of the leads marked in the period, the share that became a reservation.',
  },
} as const satisfies Record<MetricKey, { label: string; unit: 'count' | 'percent'; definition: string }>

/** A percentage with one decimal; null when there is nothing to divide by. */
export const percent = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 1000) / 10)

/** Buckets of a period: whole days or ISO weeks (Monday first), in UTC. */
export function buckets(from: number, to: number, size: 'day' | 'week'): { from: number; to: number }[] {
  const DAY = 86_400_000
  const start = new Date(from)
  let cursor = Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate())
  if (size === 'week') cursor -= ((new Date(cursor).getUTCDay() + 6) % 7) * DAY
  const step = size === 'day' ? DAY : 7 * DAY
  const result: { from: number; to: number }[] = []
  for (; cursor < to && result.length < 400; cursor += step) result.push({ from: Math.max(cursor, from), to: Math.min(cursor + step, to) })
  return result
}
