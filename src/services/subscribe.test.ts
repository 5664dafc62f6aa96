import Taro from '@tarojs/taro'
import { canSubscribe, requestSubscription } from './subscribe'

describe('requestSubscription', () => {
  const saved = { ...process.env }
  afterEach(() => {
    process.env = { ...saved }
    jest.restoreAllMocks()
  })

  /** A build for `taroEnv` with only the membership template configured. */
  const build = (taroEnv: 'weapp' | 'h5') => {
    process.env.TARO_ENV = taroEnv
    process.env.TARO_APP_SUBSCRIBE_TEMPLATE_MEMBERSHIP = 'tmpl-membership'
    process.env.TARO_APP_SUBSCRIBE_TEMPLATE_CASE = ''
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
    await expect(requestSubscription('legalAidCase')).resolves.toBe(0)
    expect(canSubscribe('legalAidCase')).toBe(false)
    expect(canSubscribe('membership')).toBe(true)
    build('h5')
    await expect(requestSubscription('membership')).resolves.toBe(0)
    expect(ask).not.toHaveBeenCalled()
  })
})
