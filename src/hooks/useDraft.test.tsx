import { act, renderHook } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { useDraft } from './useDraft'

describe('useDraft', () => {
  beforeEach(() => Taro.clearStorageSync())

  it('keeps what was typed on the device and restores it on the next visit', () => {
    const first = renderHook(() => useDraft('lgh.draft.test.u1', { name: '' }))
    act(() => first.result.current.update({ name: '王小明' }))
    first.unmount()
    const again = renderHook(() => useDraft('lgh.draft.test.u1', { name: '' }))
    expect(again.result.current).toMatchObject({ value: { name: '王小明' }, restored: true })
  })

  it('when the key changes (another user), then that user’s draft, and the first one is untouched', () => {
    const { result, rerender } = renderHook(({ key }) => useDraft(key, { name: '' }), { initialProps: { key: 'lgh.draft.test.a' } })
    act(() => result.current.update({ name: '甲' }))
    rerender({ key: 'lgh.draft.test.b' })
    expect(result.current).toMatchObject({ value: { name: '' }, restored: false })
    act(() => result.current.update({ name: '乙' }))
    rerender({ key: 'lgh.draft.test.a' })
    expect(result.current.value).toEqual({ name: '甲' })
  })

  it('after discard, nothing is restored', () => {
    const first = renderHook(() => useDraft('lgh.draft.test.d', { name: '' }))
    act(() => first.result.current.update({ name: '提交了' }))
    act(() => first.result.current.discard())
    first.unmount()
    const again = renderHook(() => useDraft('lgh.draft.test.d', { name: '' }))
    expect(again.result.current.restored).toBe(false)
  })
})
