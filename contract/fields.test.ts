import * as z from 'zod/mini'
import { amountYuan, fieldErrors, mobilePhone, requiredText } from './fields'

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
})
