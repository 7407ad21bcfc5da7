import { useEffect, useRef } from 'react'

/** How often a failure that may heal (the server restarting, a dropped connection) is asked again. */
export const RETRY_EVERY_MS = 4_000

/**
 * Calls `retry` every few seconds while `failing`, so a panel that failed because the desk's server
 * was away fills itself again once it is back, without a reload or a click.
 */
export function useRetryWhileFailing(failing: boolean, retry: () => unknown, everyMs = RETRY_EVERY_MS) {
  const latest = useRef(retry)
  useEffect(() => {
    latest.current = retry
  })
  useEffect(() => {
    if (!failing) return
    const timer = window.setInterval(() => void latest.current(), everyMs)
    return () => window.clearInterval(timer)
  }, [failing, everyMs])
}
