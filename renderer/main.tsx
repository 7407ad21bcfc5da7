import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { prefetchFirstScreen } from './app/first-screen'
import { queryClient } from './app/query-client'
import './app/styles.css'
import { showLanguage } from './i18n'
import { browserUiLanguage } from './i18n/languages'
import { sessionKeys } from './api/query-keys'
import type { Agent } from '@api-contract'

/** The first render is in the signed-in agent's language (else the browser's): its words are loaded before it. */
const firstLanguage = () =>
  showLanguage(queryClient.getQueryData<Agent | null>(sessionKeys.current)?.uiLanguage ?? browserUiLanguage(navigator.languages)).catch(() => undefined)

void prefetchFirstScreen(queryClient, location.pathname)
  .then(firstLanguage)
  .then(() =>
    createRoot(document.getElementById('root')!).render(
      <StrictMode>
        <QueryClientProvider client={queryClient}>
          <App />
        </QueryClientProvider>
      </StrictMode>,
    ),
  )
