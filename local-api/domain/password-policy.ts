import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core'
import type * as CommonLanguage from '@zxcvbn-ts/language-common'
import type * as English from '@zxcvbn-ts/language-en'
import { createRequire } from 'node:module'
import { MIN_PASSWORD_LENGTH } from '../../api-contract/agents.js'

// The dictionaries load with the first password checked, not with the server: unpacking them takes
// about a tenth of a second, a tenth of `frontdesk serve`'s start.
const load = createRequire(import.meta.url)

/** Shorter passwords are refused before any estimate (the API contract states the length). */
export { MIN_PASSWORD_LENGTH }

/**
 * zxcvbn's score 3 ("safely unguessable": at least 10^8 guesses) is the least accepted. Passwords
 * are stored with scrypt (about 30 ms a guess), so 10^8 guesses cost an attacker who stole the
 * database about a core-month per account; score 2 (10^6) would fall in well under a day, and
 * online guessing is throttled anyway. Passphrases of three everyday words pass.
 */
export const MIN_PASSWORD_SCORE = 3

/**
 * The estimator, built once (its dictionaries take a moment). It runs on the server's thread, so its
 * costly corners are bounded: Levenshtein matching is off (200–800 ms a check), only the first 64
 * characters are estimated (a repeated 256-character pattern took 3 s) and l33t substitutions are
 * tried at most 10 at a time (up to 2 s otherwise); the worst case is then under 0.2 s. Dictionaries,
 * l33t, keyboard patterns, sequences, repeats and the person's own name and email still count.
 */
let estimator: ZxcvbnFactory | undefined
function zxcvbn(): ZxcvbnFactory {
  if (estimator) return estimator
  const common = load('@zxcvbn-ts/language-common') as typeof CommonLanguage
  const english = load('@zxcvbn-ts/language-en') as typeof English
  estimator = new ZxcvbnFactory({
    translations: english.translations,
    graphs: common.adjacencyGraphs,
    dictionary: { ...common.dictionary, ...english.dictionary },
    useLevenshteinDistance: false,
    maxLength: 64,
    l33tMaxSubstitutions: 10,
  })
  return estimator
}

/** Whose password it is: their own name and email must not make it up. */
export interface PasswordOwner {
  email: string
  name: string
}

/** The words of a person's name and email that a password may not contain (3 characters or more). */
function personalWords(owner: PasswordOwner): string[] {
  const email = owner.email.trim().toLowerCase()
  const local = email.split('@')[0] ?? ''
  const name = owner.name.trim().toLowerCase()
  const words = [email, local, name, name.replace(/\s+/g, ''), ...local.split(/[^\p{L}\p{N}]+/u), ...name.split(/[^\p{L}\p{N}]+/u)]
  return [...new Set(words.filter((word) => word.length >= 3))]
}

/**
 * Why this password may not be used, as words fit for the person setting it, or undefined when it
 * is good enough: at least ten characters, not only whitespace, not the person's name or email (or
 * a part of either), and hard enough to guess by zxcvbn's estimate.
 */
export function passwordProblem(password: string, owner: PasswordOwner): string | undefined {
  if (password.trim() === '') return 'must not be only spaces'
  if (password.length < MIN_PASSWORD_LENGTH) return `must have at least ${MIN_PASSWORD_LENGTH} characters`
  const lower = password.toLowerCase()
  const email = owner.email.trim().toLowerCase()
  const local = email.split('@')[0] ?? ''
  const name = owner.name.trim().toLowerCase()
  const compact = lower.replace(/[\s._-]+/g, '')
  if (name.length >= 3 && (lower.includes(name) || compact.includes(name.replace(/\s+/g, '')))) return 'must not contain your name'
  if ((email.length >= 3 && lower.includes(email)) || (local.length >= 3 && (lower.includes(local) || compact.includes(local.replace(/[._-]+/g, ''))))) {
    return 'must not contain your email address'
  }
  const result: ZxcvbnResult = zxcvbn().check(password, personalWords(owner))
  if (result.score >= MIN_PASSWORD_SCORE) return undefined
  const hints = [result.feedback.warning, ...result.feedback.suggestions].filter((hint): hint is string => Boolean(hint))
  const advice = hints.length ? hints.join(' ') : 'Add another word or two that are less common.'
  return `is too easy to guess: ${lowerFirst(advice)}`
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1)
