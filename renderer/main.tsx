import { QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './app/app'
import { prefetchFirstScreen } from './app/first-screen'
import { queryClient } from './app/query-client'
import './app/styles.css'
import './i18n'

void prefetchFirstScreen(queryClient, location.pathname).then(() =>
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </StrictMode>,
  ),
)
