// What every projector works with, and the checks that say an entity cannot be written yet.
import type { Store } from '../../../db/store.js'
import type { EntityState, RowEntity, SyncRepository } from '../../../db/sync.js'
import type { SyncEntity } from '../../../../sync-core/protocol.js'

export type Fields = Record<string, unknown>

/** Applied; waiting for what it refers to (retried by itself); or failed (parked until an admin retries it). */
export type ApplyOutcome = { applied: true } | { waiting: string } | { failed: string }
export const APPLIED: ApplyOutcome = { applied: true }

/** Projectors write rows through the store's repositories, and keep synced states in `sync` (the store's). */
export interface ProjectorContext {
  store: Store
  sync: SyncRepository
  /** The id an entity goes by here now (another, once merged into it). */
  resolve(entity: SyncEntity, id: unknown): string | undefined
  /** Two guest profiles that turned out to be one person (one reservation names both): linking merges them. */
  sameGuest(a: string, b: string): void
}

/** One entity's way from its merged synced state to its row. */
export interface Projector {
  /** Why the entity cannot be written yet (something it needs is not here), or null. */
  missing(f: Fields): string | null
  /** Writes the merged entity as its row; returns the id it ended up under (another, after a merge). */
  project(id: string, state: EntityState, touched: Set<string>): string
}

/** Null if the entity it refers to is here (or none is named and that is allowed), else why it waits. */
export function need(ctx: ProjectorContext, what: RowEntity, id: unknown, optional = true): string | null {
  if (id === undefined || id === null) return optional ? null : `${what} not given`
  const resolved = ctx.resolve(what, id)!
  return ctx.sync.rowExists(what, resolved) ? null : `waits for ${what} ${resolved}`
}

/** Whether any of these fields is not given. */
export const lacks = (f: Fields, ...names: string[]) => names.some((name) => f[name] === undefined || f[name] === null)

/** The first reason to wait, or null. */
export const first = (...checks: (string | null)[]) => checks.find((check) => check !== null) ?? null

export const str = (value: unknown) => (typeof value === 'string' && value ? value : undefined)

/** What a failure to apply says, for the parked op's reason. */
export const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500)
