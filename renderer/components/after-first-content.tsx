import { useIsFetching } from '@tanstack/react-query'
import { startTransition, useEffect, useState, type ReactNode } from 'react'

/**
 * Renders its children once the first screen's own data is in (no request of the screen in flight),
 * in a transition: the parts a desk reads first (the conversation list, the open chat) are drawn and
 * filled before the ones around them (figures, the guest panel, indicators) render or ask for theirs,
 * and an update of the first parts interrupts the rendering of these.
 */
export function AfterFirstContent({ children, placeholder = null, now = false }: { children: ReactNode; placeholder?: ReactNode; now?: boolean }) {
  // `now`: these parts are the first content themselves (read once: they never go back to waiting).
  const [ready, setReady] = useState(now)
  const fetching = useIsFetching()
  useEffect(() => {
    if (!ready && fetching === 0) startTransition(() => setReady(true))
  }, [ready, fetching])
  return ready ? children : placeholder
}
