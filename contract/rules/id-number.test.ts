import { ageOn, checkIdNumber, chinaDate, idNumberCheckCharacter } from './id-number'

/** Builds a number with a correct check character from its first 17 digits. */
const withCheck = (first17: string) => `${first17}${idNumberCheckCharacter(first17)}`

describe('ID number (GB 11643 MOD 11-2)', () => {
  const now = new Date('2026-11-23T04:00:00Z')

  it('accepts a valid number and derives birth date and gender from it', () => {
    // The standard's own example.
    expect(checkIdNumber('11010519491231002X', now)).toEqual({
      ok: true,
      idNumber: '11010519491231002X',
      birthDate: '1949-12-31',
      gender: 'female',
    })
    const man = withCheck('32070619900307001')
    expect(checkIdNumber(man, now)).toMatchObject({ ok: true, birthDate: '1990-03-07', gender: 'male' })
  })

  it('accepts an X check digit typed in lower case or with spaces, and normalises it', () => {
    expect(checkIdNumber(' 110105 19491231 002x ', now)).toMatchObject({ ok: true, idNumber: '11010519491231002X' })
  })

  it('refuses a wrong check digit', () => {
    expect(checkIdNumber('110105194912310021', now)).toEqual({ ok: false, problem: 'checksum' })
    const valid = withCheck('32070619900307001')
    const wrong = `${valid.slice(0, 17)}${valid[17] === '0' ? '1' : '0'}`
    expect(checkIdNumber(wrong, now)).toEqual({ ok: false, problem: 'checksum' })
  })

  it('refuses a mistyped digit in the body (the check digit no longer matches)', () => {
    const valid = withCheck('32070619900307001')
    const typo = `${valid.slice(0, 15)}${valid[15] === '5' ? '6' : '5'}${valid.slice(16)}`
    expect(checkIdNumber(typo, now)).toEqual({ ok: false, problem: 'checksum' })
  })

  it('refuses impossible dates even with a correct check digit', () => {
    expect(checkIdNumber(withCheck('32070619990230001'), now)).toEqual({ ok: false, problem: 'birth_date' })
    expect(checkIdNumber(withCheck('32070619901301001'), now)).toEqual({ ok: false, problem: 'birth_date' })
    expect(checkIdNumber(withCheck('32070618991231001'), now)).toEqual({ ok: false, problem: 'birth_date' })
    // 29 February exists only in leap years.
    expect(checkIdNumber(withCheck('32070620000229001'), now)).toMatchObject({ ok: true, birthDate: '2000-02-29' })
    expect(checkIdNumber(withCheck('32070619000229001'), now)).toEqual({ ok: false, problem: 'birth_date' })
  })

  it('refuses a birth date in the future', () => {
    expect(checkIdNumber(withCheck('32070620301010001'), now)).toEqual({ ok: false, problem: 'future' })
    // Today in China counts as not in the future, even while it is still yesterday in UTC.
    const lateEvening = new Date('2026-11-23T17:00:00Z') // 01:00 on 24 November in China
    expect(checkIdNumber(withCheck('32070620261124001'), lateEvening)).toMatchObject({ ok: true })
  })

  it('refuses wrong length, letters and unknown provinces', () => {
    expect(checkIdNumber('', now)).toEqual({ ok: false, problem: 'empty' })
    expect(checkIdNumber('3207061990030700', now)).toEqual({ ok: false, problem: 'format' })
    expect(checkIdNumber('32070619900307001A', now)).toEqual({ ok: false, problem: 'format' })
    expect(checkIdNumber(withCheck('99070619900307001'), now)).toEqual({ ok: false, problem: 'region' })
  })

  it('counts age in full years on the China calendar', () => {
    expect(chinaDate(new Date('2026-11-23T17:00:00Z'))).toBe('2026-11-24')
    expect(ageOn('2010-11-24', new Date('2026-11-23T15:00:00Z'))).toBe(15)
    expect(ageOn('2010-11-24', new Date('2026-11-23T17:00:00Z'))).toBe(16)
  })
})
