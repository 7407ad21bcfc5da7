import type { Channel, ConversationFilters, ConversationType, ConversationView } from '../../../api-contract/index.js'
import { parseDateInput, startOfDay, startOfMonth, startOfWeek } from '../../lib/date-ranges.js'

export type StatusFilter = 'all' | 'active' | 'expired' | 'lead'
export type DateFilter = 'all' | 'today' | 'week' | 'month' | 'custom'

/** What the desk chose in the list's filter controls. */
export interface ChosenFilters {
  /** Needs reply (the default), Open, Snoozed, Resolved or All. */
  view: ConversationView
  /** Only conversations with unread messages. */
  unreadOnly: boolean
  channel: Channel | 'all'
  status: StatusFilter
  date: DateFilter
  /** YYYY-MM-DD values of the custom range's date inputs. */
  customFrom: string
  customTo: string
  propertyId: string | 'all'
  /** An outlet (department) of guest-app conversations. */
  outletId: string | 'all'
  /** Anyone's, mine (assigned to the signed-in agent), or waiting in the transfer queue. */
  assigned: AssignedFilter
  type: ConversationType | 'any'
  /** The language the guest writes (an ISO 639-1 code), or any. */
  language: string | 'any'
  /** Whether the search looks in the messages (full-text) instead of the guest's name, email and phone. */
  searchMessages: boolean
}

export type AssignedFilter = 'anyone' | 'mine' | 'queue'

/** The API filters for the chosen UI filters, the date ranges taken in local time at `now`. */
export function toApiFilters(state: ChosenFilters, search: string, now: Date): ConversationFilters {
  // The view first: the first screen's list request is `?view=needs_reply&limit=50` (local-api/plugins/first-screen-answers.ts).
  const filters: ConversationFilters = state.view === 'all' ? {} : { view: state.view }
  if (state.unreadOnly) filters.unread = true
  if (state.channel !== 'all') filters.channel = state.channel
  if (state.status === 'active' || state.status === 'expired') filters.status = state.status
  if (state.status === 'lead') filters.lead = true
  if (state.propertyId !== 'all') filters.propertyId = state.propertyId
  if (state.outletId !== 'all') filters.outletId = state.outletId
  if (state.assigned === 'mine') filters.assignee = 'me'
  if (state.assigned === 'queue') filters.queued = true
  const from =
    state.date === 'today'
      ? startOfDay(now)
      : state.date === 'week'
        ? startOfWeek(now)
        : state.date === 'month'
          ? startOfMonth(now)
          : state.date === 'custom'
            ? parseDateInput(state.customFrom)
            : undefined
  const to = state.date === 'custom' ? parseDateInput(state.customTo, { dayAfter: true }) : undefined
  if (from) filters.from = from.toISOString()
  if (to) filters.to = to.toISOString()
  if (state.type !== 'any') filters.type = state.type
  if (state.language !== 'any') filters.language = state.language
  const q = search.trim()
  if (q && state.searchMessages) filters.text = q
  else if (q) filters.q = q
  return filters
}
