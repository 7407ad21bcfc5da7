import { describe, it } from 'node:test'
import fc from 'fast-check'
import type { CentralStore } from '../../central/store/central-store.js'
import { STORE_KINDS } from '../support/central-stores.js'
import { action, simulate } from '../support/sync-simulation.js'

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

    it('converges after random schedules of writes, faults, partitions and crashes', async () => {
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
  })
}
