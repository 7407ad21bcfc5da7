// A hybrid logical clock (Kulkarni et al., 2014): timestamps that follow physical time where the
// clocks agree, never go backwards, and order every event after the ones it has seen — even when a
// desk's clock is an hour wrong. Encoded as fixed-width strings, so plain string order is clock order.

export interface Hlc {
  /** Milliseconds since the epoch: the largest physical time seen. */
  wallMs: number
  /** Orders events within one millisecond. */
  counter: number
  /** The replica that made it: ties between replicas break on it. */
  node: string
}

const WALL_DIGITS = 15
const COUNTER_DIGITS = 4
const MAX_COUNTER = 16 ** COUNTER_DIGITS - 1
const NODE = /^[0-9a-z]{1,32}$/

export class ClockError extends Error {}

export function encodeHlc({ wallMs, counter, node }: Hlc): string {
  return `${String(wallMs).padStart(WALL_DIGITS, '0')}-${counter.toString(16).padStart(COUNTER_DIGITS, '0')}-${node}`
}

export function decodeHlc(encoded: string): Hlc {
  const match = /^(\d{15})-([0-9a-f]{4})-([0-9a-z]{1,32})$/.exec(encoded)
  if (!match) throw new ClockError(`not a clock timestamp: ${JSON.stringify(encoded).slice(0, 80)}`)
  return { wallMs: Number(match[1]), counter: parseInt(match[2]!, 16), node: match[3]! }
}

export const isHlc = (value: unknown): value is string => typeof value === 'string' && /^\d{15}-[0-9a-f]{4}-[0-9a-z]{1,32}$/.test(value)

/** Orders timestamps; equal only for the same event. */
export const compareHlc = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

export interface HlcClock {
  /** A timestamp for a local event, later than every one this clock has made or seen. */
  now(): string
  /** Takes in a timestamp from elsewhere; refuses one further ahead of our physical time than allowed. */
  receive(remote: string): void
  /** The latest timestamp made or seen (to persist, and to restart from). */
  latest(): string
  /** From now on stamps as `node` (a desk that took a new client id), still past everything made or seen. */
  rename(node: string): void
}

/**
 * A clock for one replica. `maxAheadMs` bounds how far ahead of our physical time a received
 * timestamp may be, so one desk with a wild clock cannot drag everyone into the future.
 */
export function createHlcClock(initialNode: string, physicalNow: () => number, options: { latest?: string; maxAheadMs?: number } = {}): HlcClock {
  const checked = (node: string) => {
    if (!NODE.test(node)) throw new ClockError(`a clock node is 1–32 lowercase letters or digits, not ${JSON.stringify(node)}`)
    return node
  }
  let node = checked(initialNode)
  const maxAheadMs = options.maxAheadMs ?? 24 * 3600_000
  let state: Hlc = options.latest ? { ...decodeHlc(options.latest), node } : { wallMs: 0, counter: 0, node }

  const advance = (wallMs: number, counter: number) => {
    if (counter > MAX_COUNTER) throw new ClockError('clock counter overflow: too many events within one millisecond')
    state = { wallMs, counter, node }
  }

  return {
    now() {
      const physical = physicalNow()
      if (physical > state.wallMs) advance(physical, 0)
      else advance(state.wallMs, state.counter + 1)
      return encodeHlc(state)
    },
    receive(remote) {
      const theirs = decodeHlc(remote)
      const physical = physicalNow()
      if (theirs.wallMs > physical + maxAheadMs) {
        throw new ClockError(`a timestamp ${Math.round((theirs.wallMs - physical) / 60_000)} min ahead of this clock was refused`)
      }
      const wallMs = Math.max(state.wallMs, theirs.wallMs, physical)
      const counter =
        wallMs === state.wallMs && wallMs === theirs.wallMs
          ? Math.max(state.counter, theirs.counter) + 1
          : wallMs === state.wallMs
            ? state.counter + 1
            : wallMs === theirs.wallMs
              ? theirs.counter + 1
              : 0
      advance(wallMs, counter)
    },
    latest: () => encodeHlc(state),
    rename(next) {
      node = checked(next)
      // One tick on: its latest stays past the latest under the old name, whatever the names' order.
      advance(state.wallMs, state.counter + 1)
    },
  }
}
