import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { AgentSettingsChanges, AgentSettingsView, ChannelAccount, ChannelAccountChanges, Channel, LlmProvider, LlmProviderSettings } from '@api-contract'
import { apiFetch } from '@/api/client'
import { settingsKeys } from '@/api/query-keys'

export const fetchLlmProvider = (signal?: AbortSignal) => apiFetch<LlmProvider | null>('/v1/settings/llm', { signal })

export const llmProviderOptions = () => queryOptions({ queryKey: settingsKeys.llm(), queryFn: ({ signal }) => fetchLlmProvider(signal) })

/** The LLM provider the AI agent words its replies with, or null: the built-in agent answers. */
export const useLlmProvider = () => useQuery(llmProviderOptions())

export function useSaveLlmProvider() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (settings: LlmProviderSettings) => apiFetch<LlmProvider>('/v1/settings/llm', { method: 'PUT', body: settings }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.llm() }),
  })
}

export function useRemoveLlmProvider() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => apiFetch<void>('/v1/settings/llm', { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.llm() }),
  })
}

export const fetchChannelAccounts = (signal?: AbortSignal) => apiFetch<ChannelAccount[]>('/v1/channel-accounts', { signal })

export const channelAccountsOptions = () => queryOptions({ queryKey: settingsKeys.channelAccounts(), queryFn: ({ signal }) => fetchChannelAccounts(signal) })

/** The sources text calls come from, each with the webhook its replies go to. */
export const useChannelAccounts = () => useQuery(channelAccountsOptions())

export function useUpdateChannelAccount(id: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (changes: ChannelAccountChanges) =>
      apiFetch<ChannelAccount>(`/v1/channel-accounts/${encodeURIComponent(id)}`, { method: 'PATCH', body: changes }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.channelAccounts() }),
  })
}

export type NewChannelAccount = { channel: Channel; code: string; name: string } & Pick<ChannelAccountChanges, 'webhookUrl' | 'webhookSecret'>

/** Adds a channel account (a source of conversations, with the webhook its replies go to). */
export function useCreateChannelAccount() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (account: NewChannelAccount) => apiFetch<ChannelAccount>('/v1/channel-accounts', { method: 'POST', body: account }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settingsKeys.channelAccounts() }),
  })
}

/** The AI agent's settings of the desk's first property: thresholds, handover words, desk hours, embeddings endpoint. */
export const useAgentSettings = () =>
  useQuery({ queryKey: settingsKeys.agent(), queryFn: ({ signal }) => apiFetch<AgentSettingsView>('/v1/settings/agent', { signal }) })

export function useSaveAgentSettings() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (changes: AgentSettingsChanges) => apiFetch<AgentSettingsView>('/v1/settings/agent', { method: 'PUT', body: changes }),
    onSuccess: (saved) => queryClient.setQueryData(settingsKeys.agent(), saved),
  })
}
