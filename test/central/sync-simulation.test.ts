import { describe, it } from 'node:test'
import fc from 'fast-check'
import type { CentralStore } from '../../central/store/central-store.js'
import { STORE_KINDS } from '../support/central-stores.js'
import { action, simulate, type Action } from '../support/sync-simulation.js'

for (const kind of STORE_KINDS) {
  describe(`sync between three desks on ${kind.name}`, { skip: kind.unavailable ?? false }, () => {
    const withCentral = async (run: (central: CentralStore) => Promise<void>) => {
      const handle = await kind.fresh()
      const store: CentralStore = await handle.open()
      try {
        await run(store)
      } finally {
        await store.close()
        await handle.dispose()
      }
    }

    it('converges after random schedules of writes, faults, partitions, crashes, restores from backups and copied data dirs', async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(action, { minLength: 10, maxLength: 60 }), fc.integer(), async (schedule, seed) => {
          await withCentral((central) => simulate(central, schedule, seed)).catch((error) => {
            if (process.env.SIM_DEBUG) console.error(error)
            throw error
          })
        }),
        { numRuns: Number(process.env.SIM_RUNS) || (kind.name === 'PostgreSQL' ? 6 : 20), endOnFailure: true },
      )
    })

    it('converges when a desk is restored from a backup taken along the way (it pushed in between, and writes before it syncs again)', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(action, { minLength: 4, maxLength: 30 }),
          fc.array(action, { minLength: 4, maxLength: 30 }),
          fc.integer({ min: 0, max: 2 }),
          fc.integer(),
          async (before, afterwards, desk, seed) => {
            const schedule: Action[] = [{ kind: 'backup', desk }, ...before, { kind: 'sync', desk }, { kind: 'restore', desk }, ...afterwards]
            await withCentral((central) => simulate(central, schedule, seed)).catch((error) => {
              if (process.env.SIM_DEBUG) console.error(error)
              throw error
            })
          },
        ),
        { numRuns: Number(process.env.SIM_RUNS) || (kind.name === 'PostgreSQL' ? 4 : 12), endOnFailure: true },
      )
    })
  })
}
