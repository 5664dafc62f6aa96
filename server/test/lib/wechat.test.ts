import { WechatError, type WechatClient } from '../../src/lib/wechat'
import { startFakeWechat, type FakeWechat } from '../helpers/fake-wechat'

describe('WechatClient', () => {
  let fake: FakeWechat
  let client: WechatClient
  beforeEach(async () => {
    fake = await startFakeWechat()
    client = fake.client(1000)
  })
  afterEach(() => fake.close())

  it('caches the stable_token access token and shares one request between concurrent callers', async () => {
    const tokens = await Promise.all([client.accessToken(), client.accessToken(), client.accessToken()])
    expect(new Set(tokens).size).toBe(1)
    await client.accessToken()
    expect(fake.calls.filter((call) => call.path === '/cgi-bin/stable_token')).toHaveLength(1)
    expect(fake.calls[0]?.body).toMatchObject({ grant_type: 'client_credential', appid: 'wx-test-appid', force_refresh: false })
  })

  it('exchanges a phone code for the verified number', async () => {
    expect(await client.phoneNumberFromCode('phone:13800138000')).toEqual({ phoneNumber: '13800138000', countryCode: '86' })
  })

  it('when the token went stale (40001), then it refreshes once and retries', async () => {
    await client.accessToken()
    fake.expireTokenOnce = true
    await client.sendSubscribeMessage({ toOpenid: 'o1', templateId: 't1', data: { thing1: { value: '案件已受理' } } })
    const stable = fake.calls.filter((call) => call.path === '/cgi-bin/stable_token')
    expect(stable).toHaveLength(2)
    expect(stable[1]?.body).toMatchObject({ force_refresh: true })
    const sends = fake.calls.filter((call) => call.path === '/cgi-bin/message/subscribe/send')
    expect(sends).toHaveLength(2)
    expect(sends[1]?.body).toMatchObject({ touser: 'o1', template_id: 't1', lang: 'zh_CN' })
  })

  it('reports WeChat errors with their errcode', async () => {
    fake.failSubscribeWith = 43101
    await expect(client.sendSubscribeMessage({ toOpenid: 'o1', templateId: 't1', data: {} })).rejects.toEqual(
      expect.objectContaining({ errcode: 43101 }),
    )
    await expect(client.code2Session('invalid')).rejects.toBeInstanceOf(WechatError)
  })
})
