// What every numbered schema shares, whatever its database (the desk's and the central's SQLite,
// the central's PostgreSQL): versions that only go up, and which steps a database still needs.

/** One forward-only schema step, known by the version it leaves behind. */
export interface MigrationStep {
  version: number
  name: string
}

export class DatabaseTooNewError extends Error {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super(`this database is at schema version ${found}, newer than this app understands (${supported}); ` + 'update Frontdesk Inbox to open it')
  }
}

export function assertMonotonic(list: readonly MigrationStep[]): void {
  list.forEach((migration, index) => {
    const previous = list[index - 1]
    if (previous && migration.version <= previous.version) {
      throw new Error(`migration ${migration.name} (${migration.version}) does not follow ${previous.name} (${previous.version})`)
    }
  })
}

/** The steps a database at version `current` still needs, in order; refuses one newer than the list. */
export function pendingMigrations<M extends MigrationStep>(list: readonly M[], current: number): M[] {
  assertMonotonic(list)
  const latest = list.at(-1)?.version ?? 0
  if (current > latest) throw new DatabaseTooNewError(current, latest)
  return list.filter((migration) => migration.version > current)
}
