import type { ConversationFilters } from '@api-contract'

/**
 * Query keys, one factory per resource, running general → specific so that invalidating a prefix
 * (e.g. every conversation list) reaches all the queries beneath it.
 */
export const conversationKeys = {
  all: ['conversations'] as const,
  lists: () => [...conversationKeys.all, 'list'] as const,
  list: (filters: ConversationFilters) => [...conversationKeys.lists(), filters] as const,
  /** How many conversations each view holds, for the list's other filters. */
  allCounts: () => [...conversationKeys.all, 'counts'] as const,
  counts: (filters: ConversationFilters) => [...conversationKeys.allCounts(), filters] as const,
  details: () => [...conversationKeys.all, 'detail'] as const,
  detail: (id: string) => [...conversationKeys.details(), id] as const,
  allMessages: () => [...conversationKeys.all, 'messages'] as const,
  messages: (id: string) => [...conversationKeys.allMessages(), id] as const,
  allEvents: () => [...conversationKeys.all, 'events'] as const,
  events: (id: string) => [...conversationKeys.allEvents(), id] as const,
  allTranslations: (id: string) => [...conversationKeys.all, 'translations', id] as const,
  translations: (id: string, to: string) => [...conversationKeys.allTranslations(id), to] as const,
}

export const guestKeys = {
  all: ['guests'] as const,
  panels: () => [...guestKeys.all, 'panel'] as const,
  /** The guest behind a conversation: profile, reservations, other conversations. */
  panel: (conversationId: string) => [...guestKeys.panels(), conversationId] as const,
}

export const agentKeys = {
  all: ['agents'] as const,
  list: () => [...agentKeys.all, 'list'] as const,
}

export const tokenKeys = {
  all: ['tokens'] as const,
  list: () => [...tokenKeys.all, 'list'] as const,
}

export const propertyKeys = {
  all: ['properties'] as const,
  list: () => [...propertyKeys.all, 'list'] as const,
}

export const sessionKeys = {
  current: ['session'] as const,
}

export const setupKeys = {
  status: ['setup'] as const,
}

export const syncKeys = {
  status: ['sync'] as const,
}

export const healthKeys = {
  status: ['health'] as const,
}

/** The desktop app on this computer (asked through its bridge, not the API). */
export const desktopKeys = {
  info: ['desktop', 'info'] as const,
}

export const outletKeys = {
  all: ['outlets'] as const,
  list: () => [...outletKeys.all, 'list'] as const,
}

/** The channels the desk has conversations on (the channel filter's choices). */
export const channelKeys = {
  all: ['channels'] as const,
  inUse: () => [...channelKeys.all, 'in-use'] as const,
}

export const languageKeys = {
  all: ['languages'] as const,
  inUse: () => [...languageKeys.all, 'in-use'] as const,
}

export const serviceRecordKeys = {
  all: ['service-records'] as const,
  detail: (conversationId: string) => [...serviceRecordKeys.all, conversationId] as const,
}

export const templateKeys = {
  all: ['templates'] as const,
  list: () => [...templateKeys.all, 'list'] as const,
}

export const knowledgeKeys = {
  all: ['knowledge'] as const,
  list: () => [...knowledgeKeys.all, 'list'] as const,
  usage: () => [...knowledgeKeys.all, 'usage'] as const,
}

export const leadKeys = {
  all: ['leads'] as const,
  list: (status: string) => [...leadKeys.all, 'list', status] as const,
}

export const notificationKeys = {
  all: ['notifications'] as const,
}

export const settingsKeys = {
  all: ['settings'] as const,
  llm: () => [...settingsKeys.all, 'llm'] as const,
  agent: () => [...settingsKeys.all, 'agent'] as const,
  channelAccounts: () => [...settingsKeys.all, 'channel-accounts'] as const,
  translation: (propertyId: string) => [...settingsKeys.all, 'translation', propertyId] as const,
}

export const statsKeys = {
  all: ['stats'] as const,
  summary: (range: { from: string; to: string; propertyId?: string }) => [...statsKeys.all, 'summary', range] as const,
  series: (range: { from: string; to: string; bucket: string }) => [...statsKeys.all, 'series', range] as const,
}

export const arrivalKeys = {
  all: ['arrivals'] as const,
  day: (day: string) => [...arrivalKeys.all, day] as const,
}
