import { queryOptions, useQuery } from '@tanstack/react-query'
import { apiFetch } from '@/api/client'
import { languageKeys } from '@/api/query-keys'

/** The languages the desk's guests write (ISO 639-1 codes), as told from their messages: the list's language filter offers these. */
export const languagesInUseOptions = () =>
  queryOptions({
    queryKey: languageKeys.inUse(),
    queryFn: ({ signal }) => apiFetch<string[]>('/v1/conversation-languages', { signal }),
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  })

export const useLanguagesInUse = () => useQuery(languagesInUseOptions())
