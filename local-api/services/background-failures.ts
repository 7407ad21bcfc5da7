import { silentLogger, type Logger } from './logger.js'

/** The work the desk does in the background, beside answering requests. */
export type BackgroundWorker = 'ai-agent' | 'delivery' | 'insight' | 'sync' | 'statistics' | 'translation'

/** The latest failure of one worker, and how often it failed lately. */
export interface BackgroundFailure {
  worker: BackgroundWorker
  /** Failures in the last 24 hours. */
  count: number
  /** The latest one's time (ms). */
  at: number
  /** Short, the same for every failure of its kind: "could not answer a guest message". */
  reason: string
  /** Which conversation and message, and the error's own words (file paths, addresses: for staff only). */
  detail: string
}

/** What a failure concerns; `error` is what was thrown or answered. */
export interface FailureContext {
  error?: unknown
  conversationId?: string
  messageId?: string
  /** `warn` when the work goes on without it (a retry, a fallback), else `error` (the default). */
  level?: 'warn' | 'error'
}

/** What a worker is given to say how it fares: its own logger, and the report of a failure (logged and kept). */
export interface WorkerReport {
  log: Logger
  failed(reason: string, context?: FailureContext): void
}

/** For a worker made on its own (tests): logs nothing, keeps nothing. */
export function unreported(): WorkerReport {
  return { log: silentLogger(), failed: () => {} }
}

const WINDOW_MS = 24 * 3_600_000
/** A worker failing on every message still keeps a bounded record. */
const MAX_KEPT = 10_000

const errorText = (error: unknown) => (error instanceof Error ? error.message : error === undefined ? '' : String(error))

/**
 * Failures of the desk's background work — the AI agent, delivery, insight, sync — which no request
 * waits for and so no response reports: each is logged with the conversation and message it
 * concerns, and the latest per worker is kept (with a count over 24 hours) for `/v1/health` and
 * the inbox's notice.
 */
export function createBackgroundFailures(clock: () => number = Date.now) {
  const byWorker = new Map<BackgroundWorker, { times: number[]; latest: Omit<BackgroundFailure, 'worker' | 'count'> }>()

  const recentTimes = (times: number[], now: number) => times.filter((at) => now - at < WINDOW_MS)

  return {
    /** What one worker reports through: a child of the server's logger that names it. */
    reportFor(worker: BackgroundWorker, logger: Logger): WorkerReport {
      const log = logger.child({ service: worker })
      return {
        log,
        failed(reason, { error, conversationId, messageId, level = 'error' } = {}) {
          log[level]({ err: error, conversationId, messageId }, reason)
          const now = clock()
          const about = [conversationId && `conversation ${conversationId}`, messageId && `message ${messageId}`].filter(Boolean).join(', ')
          const detail = [about, errorText(error)].filter(Boolean).join(': ') || reason
          const times = [...recentTimes(byWorker.get(worker)?.times ?? [], now), now].slice(-MAX_KEPT)
          byWorker.set(worker, { times, latest: { at: now, reason, detail } })
        },
      }
    },

    /** The latest failure of each worker that failed in the last 24 hours. */
    recent(): BackgroundFailure[] {
      const now = clock()
      const failures: BackgroundFailure[] = []
      for (const [worker, { times, latest }] of byWorker) {
        const count = recentTimes(times, now).length
        if (count) failures.push({ worker, count, ...latest })
      }
      return failures.sort((a, b) => b.at - a.at)
    },
  }
}

export type BackgroundFailures = ReturnType<typeof createBackgroundFailures>
