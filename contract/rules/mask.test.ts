import { maskIdNumber, maskName, maskPhone } from './mask'

describe('masking', () => {
  it('keeps the first three and last four digits of a phone number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone('138 1234 5678')).toBe('138****5678')
    expect(maskPhone('12345')).toBe('*****')
  })

  it('keeps the region and the last four characters of an ID number', () => {
    expect(maskIdNumber('320706199001011234')).toBe('3207**********1234')
    expect(maskIdNumber('32070619900101123x')).toBe('3207**********123X')
  })

  it('keeps the family name', () => {
    expect(maskName('王小明')).toBe('王**')
    expect(maskName('欧阳娜娜')).toBe('欧阳**')
    expect(maskName('李')).toBe('李')
  })
})
