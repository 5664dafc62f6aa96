import * as z from 'zod/mini'
import { amountYuan, fieldErrors, mobilePhone, personName, requiredText } from './fields'

describe('field builders', () => {
  const Form = z.object({
    name: requiredText('姓名', 20),
    phone: mobilePhone,
    income: amountYuan('月收入'),
    work: z.object({ employer: requiredText('工作单位', 50) }),
  })

  it('give a Chinese message per field, keyed by its dotted path', () => {
    const result = Form.safeParse({ name: '  ', phone: '12345', income: -1, work: {} })
    expect(result.success).toBe(false)
    expect(fieldErrors(result.error!)).toEqual({
      name: '请填写姓名',
      phone: '请填写 11 位手机号',
      income: '月收入不能为负数',
      'work.employer': '请填写工作单位',
    })
  })

  it('trim text and accept good input', () => {
    const result = Form.safeParse({ name: ' 王小明 ', phone: '13812345678', income: 3500.5, work: { employer: '某公司' } })
    expect(result.success && result.data.name).toBe('王小明')
  })

  it('refuse amounts with more than two decimals and over-long text', () => {
    const result = Form.safeParse({ name: '王'.repeat(21), phone: '13812345678', income: 1.234, work: { employer: 'x' } })
    expect(fieldErrors(result.error!)).toEqual({ name: '姓名最多 20 个字', income: '月收入最多两位小数' })
  })

  describe('personName', () => {
    const name = personName('姓名')
    const problem = (value: string) => {
      const result = name.safeParse(value)
      return result.success ? result.data : `✗ ${result.error.issues[0]?.message}`
    }

    it('takes Chinese names, minority names with their middle dot however it was typed, and Latin letters', () => {
      expect(problem(' 王小明 ')).toBe('王小明')
      expect(problem('阿依古丽•买买提')).toBe('阿依古丽·买买提')
      expect(problem('Aynur Mamat')).toBe('Aynur Mamat')
    })

    it('refuses markup, emoji, digits and control characters, and says when it is too long instead of cutting it', () => {
      expect(problem('<img src=x onerror=alert(1)>')).toBe('✗ 姓名只能包含汉字、字母和间隔号“·”')
      expect(problem('王😀明')).toBe('✗ 姓名只能包含汉字、字母和间隔号“·”')
      expect(problem('王小明2')).toBe('✗ 姓名只能包含汉字、字母和间隔号“·”')
      expect(problem('王\u0000明')).toBe('✗ 姓名只能包含汉字、字母和间隔号“·”')
      expect(problem('王'.repeat(10_000))).toBe('✗ 姓名最多 30 个字，请核对')
      expect(problem('王')).toBe('✗ 姓名至少 2 个字')
    })
  })

  it('a mobile number of the wrong length and one that cannot exist are told apart', () => {
    expect(fieldErrors(mobilePhone.safeParse('1234').error!)).toEqual({ _: '请填写 11 位手机号' })
    expect(fieldErrors(mobilePhone.safeParse('12812345678').error!)).toEqual({ _: '这不是有效的手机号，请核对' })
  })
})
