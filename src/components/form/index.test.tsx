import { fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { UpdateContactBody } from '@contract/account'
import { typeInto } from '@fixtures/taro-dom'
import {
  CheckChips,
  checkWith,
  ChoiceChips,
  ConsentBox,
  Field,
  firstInvalidStep,
  StepNav,
  stepOfFields,
  TextArea,
  TextInput,
} from './index'

const STEPS = [
  { key: 'who', title: '身份信息', fields: ['name', 'idNumber'] },
  { key: 'work', title: '工作信息', fields: ['employer'] },
  { key: 'confirm', title: '确认提交', fields: [] },
]

describe('the form kit', () => {
  it('a field shows its label, hint and one error, and names itself for tests and scrolling', () => {
    const { container } = render(
      <Field label='手机号' name='phone' hint='律师会打这个号码' error='请填写 11 位手机号' optional>
        <TextInput value='' maxLength={11} onChange={() => undefined} />
      </Field>,
    )
    expect(screen.getByText('手机号')).toBeTruthy()
    expect(screen.getByText('（选填）')).toBeTruthy()
    expect(screen.getByText('律师会打这个号码')).toBeTruthy()
    expect(screen.getAllByText('请填写 11 位手机号')).toHaveLength(1)
    expect(container.querySelector('[data-field="phone"]')?.className).toContain('lg-field--invalid')
    expect(container.querySelector('[role="alert"]')?.textContent).toBe('请填写 11 位手机号')
  })

  it('inputs report what is typed; a textarea counts what is left of its limit', () => {
    function Note() {
      const [text, setText] = useState('')
      return <TextArea value={text} maxLength={200} onChange={setText} />
    }
    const { container } = render(<Note />)
    expect(screen.getByText('0/200')).toBeTruthy()
    typeInto(container.querySelector('taro-textarea-core')!, ' 已联系单位 ')
    expect(screen.getByText('5/200')).toBeTruthy()
  })

  it('choice chips choose one; check chips keep any number, in the list’s order', () => {
    const choose = jest.fn()
    const check = jest.fn()
    const options = [
      { value: 'a', label: '欠薪' },
      { value: 'b', label: '工伤' },
      { value: 'c', label: '社保' },
    ] as const
    render(
      <>
        <ChoiceChips name='type' options={options} value='a' onChange={choose} />
        <CheckChips name='skills' options={options} values={['c']} onChange={check} />
      </>,
    )
    // The first of each label is the choice chips', the second the check chips'.
    expect(screen.getAllByText('欠薪')[0]!.parentElement!.getAttribute('aria-checked')).toBe('true')
    fireEvent.click(screen.getAllByText('工伤')[0]!)
    expect(choose).toHaveBeenCalledWith('b')
    fireEvent.click(screen.getAllByText('欠薪')[1]!)
    expect(check).toHaveBeenCalledWith(['a', 'c'])
  })

  it('choice chips for a filter over a list sit in one row that scrolls sideways, and still choose', () => {
    const choose = jest.fn()
    const options = [
      { value: 'all', label: '全部' },
      { value: 'food', label: '餐饮' },
    ]
    const { container } = render(<ChoiceChips name='category' options={options} value='all' onChange={choose} scroll />)
    const group = container.querySelector('[data-choice="category"]')!
    expect(group.classList.contains('lg-chips--row')).toBe(true)
    expect(group.closest('.lg-chips-scroller')).not.toBeNull()
    fireEvent.click(screen.getByText('餐饮'))
    expect(choose).toHaveBeenCalledWith('food')
  })

  it('a consent box is ticked only by the person, anywhere on its row', () => {
    const change = jest.fn()
    render(
      <ConsentBox name='notice' checked={false} onChange={change}>
        我同意
      </ConsentBox>,
    )
    fireEvent.click(screen.getByText('我同意'))
    expect(change).toHaveBeenCalledWith(true)
  })

  it('checks with the contract’s schema, in the server’s words', () => {
    expect(checkWith(UpdateContactBody, { phone: '12812345678' })).toEqual({
      ok: false,
      errors: { phone: expect.stringMatching(/手机号/) },
    })
    expect(checkWith(UpdateContactBody, { phone: ' 13812345678 ' })).toEqual({ ok: true, data: { phone: '13812345678' } })
  })

  it('steps: the first step with an error, and the step a server error belongs to', () => {
    const errors: Record<number, Record<string, string>> = { 1: { employer: '请填写工作单位' } }
    expect(firstInvalidStep(STEPS, (index) => errors[index] ?? {})).toEqual({ step: 1, errors: { employer: '请填写工作单位' } })
    expect(firstInvalidStep(STEPS, () => ({}))).toBeUndefined()
    expect(stepOfFields(STEPS, { idNumber: '已是会员' })).toBe(0)
    expect(stepOfFields(STEPS, { orgId: '?' })).toBeUndefined()
  })

  it('step navigation: no way back on the first step, the submit button on the last', () => {
    const props = { total: 3, onBack: jest.fn(), onNext: jest.fn(), onSubmit: jest.fn(), submitLabel: '提交申请' }
    const { rerender } = render(<StepNav index={0} {...props} />)
    expect(screen.queryByText('上一步')).toBeNull()
    fireEvent.click(screen.getByText('下一步'))
    expect(props.onNext).toHaveBeenCalled()
    rerender(<StepNav index={2} {...props} />)
    fireEvent.click(screen.getByText('上一步'))
    fireEvent.click(screen.getByText('提交申请'))
    expect(props.onBack).toHaveBeenCalled()
    expect(props.onSubmit).toHaveBeenCalled()
    rerender(<StepNav index={2} {...props} busy />)
    expect(screen.getByText('正在提交…')).toBeTruthy()
  })
})

describe('TextInput and limits', () => {
  const limitOf = (element: Element | null) =>
    Number(element?.getAttribute('maxlength') ?? (element as { maxlength?: number } | null)?.maxlength)

  it('free text may run past its limit, so the form can say it is too long instead of cutting it', () => {
    const { container } = render(<TextInput value='' maxLength={30} onChange={() => undefined} />)
    expect(limitOf(container.querySelector('.lg-input'))).toBe(50)
  })

  it('a number stops at its length: its length is its format', () => {
    const { container } = render(<TextInput value='' type='number' maxLength={11} onChange={() => undefined} />)
    expect(limitOf(container.querySelector('.lg-input'))).toBe(11)
  })
})
