import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { QueryObserver } from '@tanstack/react-query'
import { DeskQueryClient } from '../../renderer/queries/desk-query-client.js'

/** A server whose answer is computed when asked and arrives `delayMs` later, as an HTTP answer does. */
function slowServer(delayMs: number) {
  const server = { unread: 1, asked: 0 }
  const ask = async () => {
    server.asked += 1
    const answer = { unread: server.unread }
    await new Promise((resolve) => setTimeout(resolve, delayMs))
    return answer
  }
  return { server, ask }
}

describe('invalidating answers already on their way', () => {
  it('a prefetched list whose answer predates the change is stale once that answer is in, so the screen asks again', async () => {
    const queryClient = new DeskQueryClient()
    const { server, ask } = slowServer(30)
    const prefetched = queryClient.prefetchQuery({ queryKey: ['list'], queryFn: ask, staleTime: 30_000 })
    await new Promise((resolve) => setTimeout(resolve, 5))
    server.unread = 0 // the chat marked read while the list's answer (unread 1) travels
    await queryClient.invalidateQueries({ queryKey: ['list'] })
    await prefetched

    const list = queryClient.getQueryCache().find({ queryKey: ['list'] })!
    assert.deepEqual(list.state.data, { unread: 1 }, 'the old answer arrived')
    assert.equal(list.state.isInvalidated, true, 'and is not taken as fresh')
    assert.deepEqual(await queryClient.fetchQuery({ queryKey: ['list'], queryFn: ask, staleTime: 30_000 }), { unread: 0 })
    queryClient.clear()
  })

  it('a shown query on its first fetch is asked again once its answer is in', async () => {
    const queryClient = new DeskQueryClient()
    const { server, ask } = slowServer(30)
    const observer = new QueryObserver(queryClient, { queryKey: ['conversation'], queryFn: ask, staleTime: 30_000 })
    const seen: unknown[] = []
    const stop = observer.subscribe((result) => result.data && seen.push(result.data))
    await new Promise((resolve) => setTimeout(resolve, 5))
    server.unread = 0
    await queryClient.invalidateQueries({ queryKey: ['conversation'] })
    assert.deepEqual(seen.at(-1), { unread: 0 })
    assert.equal(server.asked, 2)
    stop()
    queryClient.clear()
  })

  it('a shown query with data is asked again once, its old fetch cancelled', async () => {
    const queryClient = new DeskQueryClient()
    const { server, ask } = slowServer(30)
    const observer = new QueryObserver(queryClient, { queryKey: ['counts'], queryFn: ask, staleTime: 30_000 })
    const stop = observer.subscribe(() => undefined)
    await observer.refetch()
    void observer.refetch()
    server.unread = 0
    await queryClient.invalidateQueries({ queryKey: ['counts'] })
    assert.deepEqual(observer.getCurrentResult().data, { unread: 0 })
    assert.equal(server.asked, 3, 'the first fetch, the one cancelled and the one after the change')
    stop()
    queryClient.clear()
  })
})
