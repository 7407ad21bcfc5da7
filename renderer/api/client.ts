import type { Problem } from '@api-contract'
import { errorSentence, NO_ANSWER } from './error-sentence'
import { takeFirstScreenAnswer } from './first-screen-answers'

/**
 * A failed API call: `status` is the HTTP status (`NO_ANSWER`, 0, when the server could not be
 * reached), `detail` a sentence for the person at the desk (see error-sentence.ts).
 */
export class ApiError extends Error {
  readonly status: number
  readonly detail: string
  readonly problem: Problem | null

  constructor(status: number, detail: string, problem: Problem | null) {
    super(detail)
    this.name = 'ApiError'
    this.status = status
    this.detail = detail
    this.problem = problem
  }
}

export const isApiError = (error: unknown, status?: number): error is ApiError => error instanceof ApiError && (status === undefined || error.status === status)

/** Whether asking again may help: no answer, a server failure, or an error that is not the API's at all. */
export const mayHealByRetrying = (error: unknown): boolean => !isApiError(error) || error.status === NO_ANSWER || error.status >= 500

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  signal?: AbortSignal
}

/**
 * Calls the local API on this origin (the session cookie goes along) and returns its JSON. The first
 * screen's GETs take the answers the page came with, once.
 */
export async function apiFetch<T>(path: string, { method = 'GET', body, signal }: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  const response =
    (method === 'GET' && (await takeFirstScreenAnswer(path))) ||
    (await fetchOrNoAnswer(path, {
      method,
      credentials: 'same-origin',
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    }))
  if (!response.ok) throw await problemError(response)
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}

/** Query strings without the unset values. */
export function queryString(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams()
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(name, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

/** `fetch`, with "Failed to fetch" (the server is down or restarting) turned into an `ApiError` that says so; a cancel stays a cancel. */
export async function fetchOrNoAnswer(path: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(path, init)
  } catch (error) {
    if (init.signal?.aborted || (error instanceof DOMException && error.name === 'AbortError')) throw error
    throw new ApiError(NO_ANSWER, errorSentence(NO_ANSWER, null), null)
  }
}

/** The `ApiError` of a response that is not ok. */
export async function problemError(response: Response): Promise<ApiError> {
  let problem: Problem | null = null
  try {
    const body: unknown = await response.json()
    if (body && typeof body === 'object') problem = body as Problem
  } catch {
    // Not JSON (a proxy's error page, a dropped connection): the status alone says what happened.
  }
  const fieldErrors = problem?.errors?.map((error) => error.message).join('; ')
  const detail = errorSentence(response.status, problem?.detail || fieldErrors || null)
  return new ApiError(response.status, detail, problem)
}
