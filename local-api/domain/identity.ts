import { parsePhoneNumberFromString, isSupportedCountry, type CountryCode } from 'libphonenumber-js/max'

export type IdentityKind = 'phone' | 'email'

export type NormalizeResult = { ok: true; value: string } | { ok: false; reason: string }

export function isCountryCode(country: string): country is CountryCode {
  return isSupportedCountry(country)
}

/**
 * Phone numbers are kept in E.164. Input that is already international (`+…` or `00…`) must be a
 * valid number. Otherwise the property's default country is tried, and so is the reading with a
 * leading country code and no `+` (`886911425977`); exactly one valid reading is accepted, two
 * different ones are ambiguous and rejected.
 */
export function normalizePhone(input: string, defaultCountry: string): NormalizeResult {
  const raw = input.trim()
  if (raw === '') return { ok: false, reason: 'phone number is empty' }
  if (!/^[+0-9][0-9 ()./-]*$/.test(raw.replace(/^\+/, '+'))) {
    return { ok: false, reason: `"${input}" is not a phone number` }
  }
  const digits = raw.replace(/[^0-9]/g, '')
  if (digits.length < 4 || digits.length > 17) {
    return { ok: false, reason: `"${input}" has ${digits.length} digits; a phone number has 4 to 15` }
  }

  if (raw.startsWith('+') || raw.startsWith('00')) {
    const international = validE164(`+${raw.startsWith('00') ? digits.slice(2) : digits}`)
    return international
      ? { ok: true, value: international }
      : { ok: false, reason: `"${input}" is not a valid international phone number` }
  }

  const country = isCountryCode(defaultCountry) ? defaultCountry : undefined
  const national = country ? validE164(raw, country) : undefined
  const withCountryCode = validE164(`+${digits}`)
  if (national && withCountryCode && national !== withCountryCode) {
    return {
      ok: false,
      reason: `"${input}" is ambiguous: it reads as ${national} and as ${withCountryCode}; send it in E.164 (+…)`,
    }
  }
  const value = national ?? withCountryCode
  if (value) return { ok: true, value }
  return {
    ok: false,
    reason: `"${input}" is not a valid phone number${country ? ` for ${country}` : ''} nor an international one`,
  }
}

function validE164(text: string, country?: CountryCode): string | undefined {
  const parsed = parsePhoneNumberFromString(text, country)
  return parsed && parsed.isValid() ? parsed.number : undefined
}

// Deliberately pragmatic: one @, a dot in the domain, no spaces, the lengths RFC 5321 allows.
const EMAIL = /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/

export function normalizeEmail(input: string): NormalizeResult {
  const value = input.trim().toLowerCase()
  if (value.length > 254 || !EMAIL.test(value)) {
    return { ok: false, reason: `"${input}" is not a valid email address` }
  }
  return { ok: true, value }
}

export function normalizeIdentity(kind: IdentityKind, input: string, defaultCountry: string): NormalizeResult {
  return kind === 'phone' ? normalizePhone(input, defaultCountry) : normalizeEmail(input)
}
