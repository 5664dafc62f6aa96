import Taro from '@tarojs/taro'
import { canSubscribe, requestSubscription } from './subscribe'

describe('requestSubscription', () => {
  const saved = { ...process.env }
  afterEach(() => {
    process.env = { ...saved }
    jest.restoreAllMocks()
  })

  /** A build for `taroEnv` with only the membership template configured (and `status`, when given). */
  const build = (taroEnv: 'weapp' | 'h5', status = '') => {
    process.env.TARO_ENV = taroEnv
    process.env.TARO_APP_SUBSCRIBE_TEMPLATE_MEMBERSHIP = 'tmpl-membership'
    process.env.TARO_APP_SUBSCRIBE_TEMPLATE_CASE = ''
    process.env.TARO_APP_SUBSCRIBE_TEMPLATE_STATUS = status
  }
  const answer = (result: Record<string, string> | Error) =>
    jest
      .spyOn(Taro, 'requestSubscribeMessage')
      .mockImplementation(() => (result instanceof Error ? Promise.reject(result) : Promise.resolve(result as never)))

  it('counts an acceptance of that template as one message allowed', async () => {
    build('weapp')
    const ask = answer({ errMsg: 'requestSubscribeMessage:ok', 'tmpl-membership': 'accept' })
    await expect(requestSubscription('membership')).resolves.toBe(1)
    expect(ask).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tmpl-membership'] }))
  })

  it('a refusal, a ban or a failure allows none and never stops the submission', async () => {
    build('weapp')
    answer({ 'tmpl-membership': 'reject' })
    await expect(requestSubscription('membership')).resolves.toBe(0)
    answer({ 'tmpl-membership': 'ban' })
    await expect(requestSubscription('membership')).resolves.toBe(0)
    answer(new Error('requestSubscribeMessage:fail can only be invoked by user TAP gesture.'))
    await expect(requestSubscription('membership')).resolves.toBe(0)
  })

  it('does not ask without a template or outside WeChat', async () => {
    const ask = answer({})
    build('weapp')
    await expect(requestSubscription('legal_aid')).resolves.toBe(0)
    expect(canSubscribe('legal_aid')).toBe(false)
    expect(canSubscribe('membership')).toBe(true)
    build('h5')
    await expect(requestSubscription('membership')).resolves.toBe(0)
    expect(ask).not.toHaveBeenCalled()
  })

  it('a topic without a template of its own uses the one status-update template', async () => {
    build('weapp', 'tmpl-status')
    const ask = answer({ 'tmpl-status': 'accept' })
    await expect(requestSubscription('legal_aid')).resolves.toBe(1)
    expect(ask).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tmpl-status'] }))
    expect(canSubscribe('membership')).toBe(true)
  })
})
