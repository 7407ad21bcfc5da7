// Which desk answers a guest message that reached several desks (a guest writing to two desks of a
// property while they were cut off from each other): the one whose copy the central server took
// first. Each desk learns it from its own pull, in the central server's order, so every desk
// decides the same without asking the others.
//
// The AI agent asks; the desk's sync client, while it exists, answers once it knows: true when its
// own copy came back from the central server before any other desk's copy of that message (or the
// round that sent it ended without one), false when another desk's copy came first. A desk without
// sync answers true at once.

export type FirstCopyTracker = (messageId: string) => Promise<boolean>

export function createFirstCopies() {
  let tracker: FirstCopyTracker | null = null
  return {
    /** Whether this desk's copy of the guest message `messageId` is the one the central server took first. */
    isFirst(messageId: string): Promise<boolean> {
      return tracker ? tracker(messageId) : Promise.resolve(true)
    },
    /** The sync client takes over the answer while it runs; returns the detach. */
    attach(next: FirstCopyTracker): () => void {
      tracker = next
      return () => {
        if (tracker === next) tracker = null
      }
    },
  }
}

export type FirstCopies = ReturnType<typeof createFirstCopies>
