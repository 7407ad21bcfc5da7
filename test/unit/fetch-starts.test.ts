import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { QueryClient } from '@tanstack/react-query'
import { trackFetchStarts } from '../../renderer/queries/fetch-starts.js'

describe('which answers were asked before a moment (the live stream opening)', () => {
  it('tells a query fetched before the moment from one fetched after it, and counts a refetch as asked anew', async () => {
    const queryClient = new QueryClient()
    let clock = 0
    const starts = trackFetchStarts(queryClient, () => clock)
    const cache = queryClient.getQueryCache()

    clock = 10
    await queryClient.fetchQuery({ queryKey: ['list'], queryFn: async () => 'first page' })
    clock = 30
    await queryClient.fetchQuery({ queryKey: ['notifications'], queryFn: async () => [] })
    queryClient.setQueryData(['session'], { name: 'set, never fetched' })

    const opened = 20
    assert.equal(starts.askedBefore(cache.find({ queryKey: ['list'] })!, opened), true)
    assert.equal(starts.askedBefore(cache.find({ queryKey: ['notifications'] })!, opened), false)
    assert.equal(starts.askedBefore(cache.find({ queryKey: ['session'] })!, opened), true, 'data never fetched counts as asked before')

    clock = 40
    await queryClient.refetchQueries({ queryKey: ['list'] })
    assert.equal(starts.askedBefore(cache.find({ queryKey: ['list'] })!, opened), false)
    starts.stop()
    queryClient.clear()
  })
})
