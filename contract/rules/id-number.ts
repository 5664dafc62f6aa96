/**
 * Resident identity card numbers (居民身份证号码, GB 11643-1999): 6 digits of region, 8 of birth
 * date (YYYYMMDD), 3 of sequence (odd for men, even for women) and a MOD 11-2 check character
 * (0–9 or X). Used on the phone as the worker types and on the server before anything is stored.
 */

export type Gender = 'male' | 'female'

export type IdNumberProblem = 'empty' | 'format' | 'region' | 'birth_date' | 'future' | 'checksum'

export type IdNumberCheck =
  | {
      ok: true
      /** Normalised: no spaces, upper-case X. */
      idNumber: string
      /** YYYY-MM-DD */
      birthDate: string
      gender: Gender
    }
  | { ok: false; problem: IdNumberProblem }

export const idNumberProblemMessage: Record<IdNumberProblem, string> = {
  empty: '请填写身份证号',
  format: '身份证号应为 18 位，最后一位可以是数字或 X',
  region: '身份证号前两位不是有效的省份代码',
  birth_date: '身份证号中的出生日期不存在，请核对',
  future: '身份证号中的出生日期晚于今天，请核对',
  checksum: '身份证号校验位不正确，请逐位核对',
}

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARACTERS = '10X98765432'

/** Province-level codes (GB/T 2260), plus 83 used on residence permits of Taiwan residents. */
const PROVINCES = new Set([
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37', '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54', '61', '62', '63', '64', '65', '71', '81', '82', '83',
]) // prettier-ignore

/** The MOD 11-2 check character for the first 17 digits. */
export function idNumberCheckCharacter(first17: string): string {
  let sum = 0
  for (let index = 0; index < 17; index++) sum += Number(first17[index]) * (WEIGHTS[index] ?? 0)
  return CHECK_CHARACTERS[sum % 11] ?? ''
}

export function normaliseIdNumber(input: string): string {
  return input.replace(/\s+/g, '').toUpperCase()
}

/**
 * Today's date in China (UTC+8, no daylight saving) as YYYY-MM-DD, whatever the device's or
 * server's time zone: a birth date is compared with the calendar the person lives by.
 */
export function chinaDate(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600 * 1000).toISOString().slice(0, 10)
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

export function checkIdNumber(input: string, now: Date = new Date()): IdNumberCheck {
  const idNumber = normaliseIdNumber(input)
  if (!idNumber) return { ok: false, problem: 'empty' }
  if (!/^\d{17}[\dX]$/.test(idNumber)) return { ok: false, problem: 'format' }
  if (!PROVINCES.has(idNumber.slice(0, 2))) return { ok: false, problem: 'region' }
  const year = Number(idNumber.slice(6, 10))
  const month = Number(idNumber.slice(10, 12))
  const day = Number(idNumber.slice(12, 14))
  if (year < 1900 || !isRealDate(year, month, day)) return { ok: false, problem: 'birth_date' }
  const birthDate = `${idNumber.slice(6, 10)}-${idNumber.slice(10, 12)}-${idNumber.slice(12, 14)}`
  if (birthDate > chinaDate(now)) return { ok: false, problem: 'future' }
  if (idNumberCheckCharacter(idNumber.slice(0, 17)) !== idNumber[17]) return { ok: false, problem: 'checksum' }
  return { ok: true, idNumber, birthDate, gender: Number(idNumber[16]) % 2 === 1 ? 'male' : 'female' }
}

/** Full years of age on `now`'s date in China. */
export function ageOn(birthDate: string, now: Date = new Date()): number {
  const today = chinaDate(now)
  const years = Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4))
  return today.slice(5) < birthDate.slice(5) ? years - 1 : years
}
