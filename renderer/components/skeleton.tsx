/** Grey placeholders in the shape of what is loading; hidden from screen readers (the panel says it is busy). */
export function SkeletonRows({ rows, height, className = '' }: { rows: number; height: number; className?: string }) {
  return (
    <div className={`skeleton-rows ${className}`} aria-hidden="true">
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} className="skeleton-row" style={{ height }}>
          <span className="skeleton-bar" style={{ width: `${45 + ((index * 17) % 35)}%` }} />
          <span className="skeleton-bar skeleton-bar-thin" style={{ width: `${65 + ((index * 23) % 30)}%` }} />
        </div>
      ))}
    </div>
  )
}

/** A chat's worth of grey bubbles, alternating sides. */
export function SkeletonBubbles({ count = 6 }: { count?: number }) {
  return (
    <div className="skeleton-bubbles" aria-hidden="true">
      {Array.from({ length: count }, (_, index) => (
        <span key={index} className={`skeleton-bubble ${index % 2 ? 'skeleton-bubble-out' : ''}`} style={{ width: `${30 + ((index * 19) % 35)}%` }} />
      ))}
    </div>
  )
}

/** Lines of text still to come (a side panel, a header). */
export function SkeletonLines({ lines = 4 }: { lines?: number }) {
  return (
    <div className="skeleton-lines" aria-hidden="true">
      {Array.from({ length: lines }, (_, index) => (
        <span key={index} className="skeleton-bar" style={{ width: `${50 + ((index * 29) % 45)}%` }} />
      ))}
    </div>
  )
}
