/**
 * Masking for display. Sensitive numbers are masked by the server before they leave it;
 * these same rules are used on the client for what the user is typing.
 */

/** 138****5678 */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '')
  if (digits.length < 7) return '*'.repeat(digits.length)
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`
}

/** 3207**********1234 — the first four (province and city) and the last four stay visible. */
export function maskIdNumber(idNumber: string): string {
  const value = idNumber.trim().toUpperCase()
  if (value.length <= 8) return '*'.repeat(value.length)
  return `${value.slice(0, 4)}${'*'.repeat(value.length - 8)}${value.slice(-4)}`
}

/** 张* / 欧阳** — the family name stays visible. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim())
  if (chars.length <= 1) return chars.join('')
  const familyLength = chars.length >= 4 ? 2 : 1
  return chars.slice(0, familyLength).join('') + '*'.repeat(chars.length - familyLength)
}
