// A desk that is not where it was: restored from a backup (the central server has more of its
// changes than it remembers sending) or a data dir copied to another computer (the machine
// fingerprint kept beside its sync config differs). Either way it takes a new client id, and
// every change the central server may not have from it goes up again under that id: the server
// knows the ones it already holds by their op ids, and the old id's changes it missed come back in
// the next pull as another desk's.
// A store that synced before desks kept a fingerprint may have been copied back then; such a copy
// pushing first looks like a restore from here, so the status says it may be either.
import { createHash, randomBytes } from 'node:crypto'
import { readFileSync, realpathSync } from 'node:fs'
import { hostname } from 'node:os'
import type { Store } from '../../db/store.js'
import type { SyncRepository } from '../../db/sync.js'
import type { HlcClock } from '../../../sync-core/hlc.js'

export type IdentityChange = 'restored' | 'cloned' | 'restored-or-cloned'

/** What the status says, in words. */
export const IDENTITY_NOTICES: Record<IdentityChange, string> = {
  restored: 'This desk was restored from a backup; its changes since then have been re-sent.',
  cloned: 'This data dir was copied from another computer; this desk now syncs as a new desk.',
  'restored-or-cloned': 'This desk was restored from a backup or copied from another computer; its changes since then have been re-sent.',
}

/** How long the status keeps saying so. */
export const IDENTITY_NOTICE_MS = 7 * 24 * 3600_000

/** This computer: its OS machine id where readable, else its host name. */
export function thisComputer(): string {
  for (const file of ['/etc/machine-id', '/var/lib/dbus/machine-id']) {
    try {
      const id = readFileSync(file, 'utf8').trim()
      if (id) return `machine-id:${id}`
    } catch {
      // not on this system
    }
  }
  return `host:${hostname()}`
}

/** The fingerprint of a data dir on a computer: copied or moved elsewhere, it differs. */
export function machineFingerprint(dataDir: string, computer: string): string {
  let dir = dataDir
  try {
    dir = realpathSync(dataDir)
  } catch {
    // not there (yet): the path as given
  }
  return createHash('sha256').update(`${computer}\n${dir}`).digest('hex').slice(0, 32)
}

/**
 * Makes this desk a new client: a new id (and clock node), its unacknowledged ops renumbered under
 * it, the reason kept for the status. Returns how many ops go up again.
 */
export function takeNewClientId(store: Store, sync: SyncRepository, deskClock: HlcClock, reason: IdentityChange | null, now: number): number {
  const clientId = randomBytes(8).toString('hex')
  const { clientId: oldClientId, untrackedCopies } = sync.config()
  // Changes under the old id a copy without a fingerprint pushed look the same as a backup's.
  const said = reason === 'restored' && untrackedCopies ? 'restored-or-cloned' : reason
  deskClock.rename(clientId)
  try {
    return store.transaction(() => {
      const count = sync.rekey(clientId)
      // Kept, so that after a restart the clock is still past everything it made under either name.
      // No copy made before fingerprints shares the new id: from here on every copy carries one.
      sync.updateConfig({
        hlc: deskClock.latest(),
        untrackedCopies: false,
        ...(said ? { identityChange: said, identityChangedAt: now, lastError: null } : {}),
      })
      return count
    })
  } catch (error) {
    deskClock.rename(oldClientId)
    throw error
  }
}

/**
 * Keeps the fingerprint of where this desk runs; a different one found means the data dir was
 * copied (or moved) here, and the desk takes a new client id. True when it did.
 */
export function checkMachine(store: Store, sync: SyncRepository, deskClock: HlcClock, machine: string, now: number): boolean {
  const config = sync.config()
  if (config.machine === machine) return false
  if (config.machine === null) {
    // The first fingerprint: on a store that has sent changes already (it synced before desks kept
    // one), copies of it made back then carry none and cannot be told apart later.
    store.transaction(() => sync.updateConfig({ machine, untrackedCopies: config.pushedSeq > 0 }))
    return false
  }
  // A desk never connected has nothing to say about it; it just must not share an id with its copy.
  takeNewClientId(store, sync, deskClock, config.centralUrl ? 'cloned' : null, now)
  store.transaction(() => sync.updateConfig({ machine }))
  return true
}

/** What the status says about the last new client id, while it is recent. */
export function identityNotice(sync: SyncRepository, now: number): { notice: string; at: number } | null {
  const { identityChange, identityChangedAt } = sync.config()
  if (!identityChange || identityChangedAt === null || now - identityChangedAt > IDENTITY_NOTICE_MS) return null
  return { notice: IDENTITY_NOTICES[identityChange], at: identityChangedAt }
}
