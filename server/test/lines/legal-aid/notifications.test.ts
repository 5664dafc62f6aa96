import { eq } from 'drizzle-orm'
import { outbox, subscribeCredits } from '../../../src/core/core.tables'
import { WechatClient } from '../../../src/lib/wechat'
import { legalAidCases } from '../../../src/lines/legal-aid/legal-aid.tables'
import type { FakeWechat } from '../../helpers/fake-wechat'
import { createTestApp, createTestAppWithFakeWechat, type TestApp } from '../../helpers/test-app'
import { application, freshKey, staffAction } from './helpers'

const TEMPLATE = 'tmpl-legal-aid-case'

describe('legal-aid notifications: in-app always, WeChat subscribe messages when allowed', () => {
  let fake: FakeWechat
  let t: TestApp

  beforeAll(async () => {
    ;({ t, fake } = await createTestAppWithFakeWechat({ env: { WECHAT_SUBSCRIBE_TEMPLATE_CASE: TEMPLATE } }))
  })
  afterAll(() => t.close())
  beforeEach(() => fake.reset())

  const sends = () => fake.calls.filter((call) => call.path === '/cgi-bin/message/subscribe/send')
  const submit = async (openid: string, subscribeAccepted: number) => {
    const response = await t.as(openid)({
      method: 'POST',
      url: '/api/legal-aid/cases',
      payload: application({ subscribeAccepted }),
      headers: { 'idempotency-key': freshKey() },
    })
    return response.json().id as string
  }
  const credits = async (id: string) =>
    (await t.database.db.select({ credits: subscribeCredits.credits }).from(subscribeCredits).where(eq(subscribeCredits.subjectId, id)))[0]
      ?.credits ?? 0

  it('one acceptance at submit allows one message: acceptance is sent, assignment is in-app only', async () => {
    const id = await submit('worker-sub', 1)
    expect(await credits(id)).toBe(1)
    expect((await staffAction(t, 'demo-legal', id, 'accept')).statusCode).toBe(200)
    await t.app.outbox.drain()
    expect(sends()).toHaveLength(1)
    expect(sends()[0]!.body).toMatchObject({
      touser: 'worker-sub',
      template_id: TEMPLATE,
      page: `legal-aid/pages/case/index?id=${id}`,
      data: { thing1: { value: '法律援助·欠薪' }, phrase2: { value: '已受理' } },
    })
    expect(await credits(id)).toBe(0)

    expect((await staffAction(t, 'demo-legal', id, 'assign')).statusCode).toBe(200)
    await t.app.outbox.drain()
    expect(sends()).toHaveLength(1)
    const inbox = (await t.as('worker-sub')({ method: 'GET', url: '/api/messages' })).json()
    expect(inbox.items.map((message: { title: string }) => message.title).slice(0, 3)).toEqual([
      '已为您指派律师',
      '法律援助申请已受理',
      '法律援助申请已提交',
    ])
  })

  it('without acceptance, nothing goes to WeChat; accepting later on the case page adds one', async () => {
    const id = await submit('worker-nosub', 0)
    await staffAction(t, 'demo-legal', id, 'accept')
    await t.app.outbox.drain()
    expect(sends()).toHaveLength(0)
    const added = await t.as('worker-nosub')({
      method: 'POST',
      url: '/api/subscriptions',
      payload: { subjectType: 'legal_aid_case', subjectId: id, accepted: 1 },
    })
    expect(added.json()).toEqual({ subscribeCredits: 1 })
    await t.as('demo-legal')({ method: 'POST', url: `/api/workbench/legal-aid/cases/${id}/messages`, payload: { body: '请带上身份证' } })
    await t.app.outbox.drain()
    expect(sends()).toHaveLength(1)
    expect(sends()[0]!.body).toMatchObject({ data: { phrase2: { value: '新消息' } } })
  })

  it('an internal note sends nothing and spends nothing', async () => {
    const id = await submit('worker-internal', 2)
    await t.as('demo-legal')({
      method: 'POST',
      url: `/api/workbench/legal-aid/cases/${id}/notes`,
      payload: { note: '内部备注', visibility: 'internal' },
    })
    await t.app.outbox.drain()
    expect(sends()).toHaveLength(0)
    expect(await credits(id)).toBe(2)
  })

  it('when WeChat refuses the send, the action still succeeds, the in-app message stands, and the log holds no personal data', async () => {
    fake.failSubscribeWith = 43101
    const id = await submit('worker-refused', 1)
    const response = await staffAction(t, 'demo-legal', id, 'decline')
    expect(response.statusCode).toBe(200)
    await t.app.outbox.drain()
    expect(sends()).toHaveLength(1)
    const [row] = await t.database.db.select().from(legalAidCases).where(eq(legalAidCases.id, id))
    expect(row!.status).toBe('declined')
    const inbox = (await t.as('worker-refused')({ method: 'GET', url: '/api/messages' })).json()
    expect(inbox.items[0]).toMatchObject({ title: '法律援助申请不予受理', body: expect.stringContaining('不属于劳动争议') })
    const warning = t.logs.find((line) => line.includes('subscribe message not sent'))
    expect(warning).toBeDefined()
    expect(JSON.parse(warning!)).toMatchObject({ event: 'legal_aid.declined', errcode: 43101 })
    expect(warning).not.toContain('worker-refused')
    expect(warning).not.toContain('不属于劳动争议')
  })

  it('when WeChat cannot be reached, the action still succeeds', async () => {
    const unreachable = new WechatClient({
      appId: 'wx-test-appid',
      secret: 'wx-test-secret',
      apiBase: 'http://127.0.0.1:9',
      timeoutMs: 500,
    })
    const down = await createTestApp({ wechat: unreachable, env: { WECHAT_SUBSCRIBE_TEMPLATE_CASE: TEMPLATE } })
    try {
      const created = await down.as('worker-down')({
        method: 'POST',
        url: '/api/legal-aid/cases',
        payload: application({ subscribeAccepted: 1 }),
      })
      const response = await staffAction(down, 'demo-legal', created.json().id, 'accept')
      expect(response.statusCode).toBe(200)
      await down.app.outbox.drain()
      // Not lost: it waits in the outbox to be tried again later.
      expect(down.logs.some((line) => line.includes('subscribe message will be retried') && line.includes('"errcode":"network"'))).toBe(
        true,
      )
      const [pending] = await down.database.db.select().from(outbox).where(eq(outbox.event, 'legal_aid.accepted'))
      expect(pending).toMatchObject({ status: 'pending', attempts: 1, lastError: 'network' })
    } finally {
      await down.close()
    }
  })
})
