import { create } from 'zustand'
import { useShallow } from 'zustand/react/shallow'
import type { Channel, ConversationFilters, ConversationView } from '@api-contract'
import { startOfDay } from '@/lib/date-ranges'
import { toApiFilters, type AssignedFilter, type ChosenFilters, type DateFilter, type StatusFilter } from '../api-filters'

export type { AssignedFilter, DateFilter, StatusFilter }

interface FiltersState extends ChosenFilters {
  search: string
  /** The row j/k moved to; Enter opens it. */
  highlightedId: string | null
  actions: {
    viewChosen(view: ConversationView): void
    unreadOnlyToggled(): void
    channelChosen(channel: Channel | 'all'): void
    statusChosen(status: StatusFilter): void
    dateRangeChosen(date: DateFilter): void
    customRangeChanged(range: { from?: string; to?: string }): void
    propertyChosen(propertyId: string | 'all'): void
    departmentChosen(outletId: string | 'all'): void
    assignedChosen(assigned: AssignedFilter): void
    typeChosen(type: ChosenFilters['type']): void
    languageChosen(language: string | 'any'): void
    searchScopeToggled(): void
    /** A chip removed: that one filter back to "everything". */
    filterRemoved(key: keyof ChosenFilters): void
    filtersCleared(): void
    searchTyped(search: string): void
    rowHighlighted(id: string | null): void
  }
}

/** What a fresh inbox shows: the conversations that need a reply, longest waiting first. */
const NOTHING_CHOSEN: ChosenFilters = {
  view: 'needs_reply',
  unreadOnly: false,
  channel: 'all',
  status: 'all',
  date: 'all',
  customFrom: '',
  customTo: '',
  propertyId: 'all',
  outletId: 'all',
  assigned: 'anyone',
  type: 'any',
  language: 'any',
  searchMessages: false,
}

/** The API filters of a fresh inbox (the list a page load asks for first). */
export const initialApiFilters = (now = new Date()): ConversationFilters => toApiFilters(NOTHING_CHOSEN, '', startOfDay(now))

/** The conversation list's UI state: what the desk filters by, never the conversations themselves. */
const useFiltersStore = create<FiltersState>()((set) => ({
  ...NOTHING_CHOSEN,
  search: '',
  highlightedId: null,
  actions: {
    viewChosen: (view) => set({ view, highlightedId: null }),
    unreadOnlyToggled: () => set((state) => ({ unreadOnly: !state.unreadOnly })),
    channelChosen: (channel) => set({ channel }),
    statusChosen: (status) => set({ status }),
    dateRangeChosen: (date) => set({ date }),
    customRangeChanged: ({ from, to }) => set((state) => ({ customFrom: from ?? state.customFrom, customTo: to ?? state.customTo })),
    propertyChosen: (propertyId) => set({ propertyId }),
    departmentChosen: (outletId) => set({ outletId }),
    assignedChosen: (assigned) => set({ assigned }),
    typeChosen: (type) => set({ type }),
    languageChosen: (language) => set({ language }),
    searchScopeToggled: () => set((state) => ({ searchMessages: !state.searchMessages })),
    filterRemoved: (key) => set(key === 'date' ? { date: 'all', customFrom: '', customTo: '' } : ({ [key]: NOTHING_CHOSEN[key] } as Partial<ChosenFilters>)),
    // The chips' filters only: the view and the unread toggle stay as chosen.
    filtersCleared: () => set(({ view, unreadOnly }) => ({ ...NOTHING_CHOSEN, view, unreadOnly })),
    searchTyped: (search) => set({ search }),
    rowHighlighted: (highlightedId) => set({ highlightedId }),
  },
}))

export const useViewFilter = () => useFiltersStore((state) => state.view)
export const useUnreadOnlyFilter = () => useFiltersStore((state) => state.unreadOnly)
export const useChannelFilter = () => useFiltersStore((state) => state.channel)
export const useStatusFilter = () => useFiltersStore((state) => state.status)
export const useDateFilter = () => useFiltersStore((state) => state.date)
export const useCustomRange = () => useFiltersStore(useShallow((state) => [state.customFrom, state.customTo] as const))
export const usePropertyFilter = () => useFiltersStore((state) => state.propertyId)
export const useDepartmentFilter = () => useFiltersStore((state) => state.outletId)
export const useAssignedFilter = () => useFiltersStore((state) => state.assigned)
export const useTypeFilter = () => useFiltersStore((state) => state.type)
export const useLanguageFilter = () => useFiltersStore((state) => state.language)
export const useSearchesMessages = () => useFiltersStore((state) => state.searchMessages)
export const useSearchText = () => useFiltersStore((state) => state.search)
export const useHighlightedId = () => useFiltersStore((state) => state.highlightedId)
/** Every chosen filter (the search text aside): the view, the unread toggle and the filters the chips show. */
export const useChosenFilters = () =>
  useFiltersStore(
    useShallow(
      ({ view, unreadOnly, channel, status, date, customFrom, customTo, propertyId, outletId, assigned, type, language, searchMessages }): ChosenFilters => ({
        view,
        unreadOnly,
        channel,
        status,
        date,
        customFrom,
        customTo,
        propertyId,
        outletId,
        assigned,
        type,
        language,
        searchMessages,
      }),
    ),
  )
export const useFilterActions = () => useFiltersStore((state) => state.actions)

/** The current API filters; the date ranges move on when the day does (`now` refreshes). */
export function useApiFilters(search: string, now: number): ConversationFilters {
  const state = useChosenFilters()
  // Taken at the start of the day, not at each tick, so the query key (and its cache) holds all day.
  return toApiFilters(state, search, startOfDay(new Date(now)))
}
