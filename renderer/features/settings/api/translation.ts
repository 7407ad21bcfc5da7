import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { TranslationProviderSettings, TranslationProviderView } from '@api-contract'
import { apiFetch } from '@/api/client'
import { settingsKeys } from '@/api/query-keys'

/** A property's translation provider (Settings › Translation), or null: nothing is sent anywhere. */
export const useTranslationProvider = (propertyId: string) =>
  useQuery({
    queryKey: settingsKeys.translation(propertyId),
    queryFn: ({ signal }) => apiFetch<TranslationProviderView | null>(`/v1/settings/translation?propertyId=${encodeURIComponent(propertyId)}`, { signal }),
  })

export function useSaveTranslationProvider(propertyId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (settings: Omit<TranslationProviderSettings, 'propertyId'>) =>
      apiFetch<TranslationProviderView>('/v1/settings/translation', { method: 'PUT', body: { ...settings, propertyId } }),
    onSuccess: (saved) => queryClient.setQueryData(settingsKeys.translation(propertyId), saved),
  })
}

export function useRemoveTranslationProvider(propertyId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => apiFetch<void>(`/v1/settings/translation?propertyId=${encodeURIComponent(propertyId)}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.setQueryData(settingsKeys.translation(propertyId), null),
  })
}
