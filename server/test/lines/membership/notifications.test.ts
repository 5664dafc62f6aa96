import { eq } from 'drizzle-orm'
import { subscribeCredits } from '../../../src/core/core.tables'
import type { FakeWechat } from '../../helpers/fake-wechat'
import { createTestAppWithFakeWechat, type TestApp } from '../../helpers/test-app'
import { applicationBody, idempotency, validIdNumber } from './membership-fixtures'

const TEMPLATE = 'tmpl-membership-result'

describe('membership decisions: in-app always, a WeChat message when the worker allowed one', () => {
  let fake: FakeWechat
  let t: TestApp

  beforeAll(async () => {
    ;({ t, fake } = await createTestAppWithFakeWechat({ env: { WECHAT_SUBSCRIBE_TEMPLATE_MEMBERSHIP: TEMPLATE } }))
  })
  afterAll(() => t.close())
  beforeEach(() => fake.reset())

  interface SentMessage {
    touser: string
    page: string
    data: Record<string, { value: string }>
  }
  const sends = () =>
    fake.calls.filter((call) => call.path === '/cgi-bin/message/subscribe/send').map((call) => ({ body: call.body as SentMessage }))
  const apply = async (openid: string, idFirst17: string, phone: string, subscribeAccepted: number) => {
    const response = await t.as(openid)({
      method: 'POST',
      url: '/api/membership/applications',
      payload: applicationBody({ idNumber: validIdNumber(idFirst17), phone, subscribeAccepted }),
      headers: idempotency(),
    })
    expect(response.statusCode).toBe(201)
    return response.json().id as string
  }
  const decide = (id: string, decision: 'approve' | 'reject') =>
    t.as('demo-city-admin')({
      method: 'POST',
      url: `/api/workbench/membership/applications/${id}/${decision}`,
      payload: decision === 'reject' ? { reason: '工作单位请写全称' } : {},
      headers: idempotency(),
    })
  const credits = async (id: string) =>
    (await t.database.db.select({ credits: subscribeCredits.credits }).from(subscribeCredits).where(eq(subscribeCredits.subjectId, id)))[0]
      ?.credits ?? 0

  it('submitting tells the worker in the app that it is in and how long the review usually takes, as legal aid does', async () => {
    await apply('applicant-receipt', '32070619960606001', '13900000109', 0)
    const inbox = (await t.as('applicant-receipt')({ method: 'GET', url: '/api/messages' })).json()
    expect(inbox.items[0]).toMatchObject({
      title: '入会申请已提交',
      body: expect.stringContaining('一般在 5 个工作日内审核'),
      link: '/membership/pages/status/index',
    })
  })

  it('an approval sends one message that opens the card, naming the union and the member number', async () => {
    const id = await apply('applicant-sub', '32070619910101001', '13900000101', 1)
    expect(await credits(id)).toBe(1)
    const response = await decide(id, 'approve')
    expect(response.statusCode).toBe(200)
    await t.app.outbox.drain()
    expect(sends()).toHaveLength(1)
    expect(sends()[0]!.body).toMatchObject({
      touser: 'applicant-sub',
      template_id: TEMPLATE,
      page: 'membership/pages/card/index',
      data: {
        thing1: { value: '入会申请·海州区新就业形态劳动者联合工会' },
        phrase2: { value: '已通过' },
        thing4: { value: expect.stringContaining(response.json().memberNumber) },
      },
    })
    expect(Array.from(sends()[0]!.body.data.thing1!.value).length).toBeLessThanOrEqual(20)
    expect(await credits(id)).toBe(0)
  })

  it('a rejection spends the permission; a resubmission with a new one gets the next decision', async () => {
    const id = await apply('applicant-resub', '32070619920202003', '13900000102', 1)
    await decide(id, 'reject')
    await t.app.outbox.drain()
    expect(sends().map((call) => call.body.data.phrase2!.value)).toEqual(['未通过'])
    expect(sends()[0]!.body.page).toBe('membership/pages/status/index')

    const resubmitted = await t.as('applicant-resub')({
      method: 'PUT',
      url: `/api/membership/applications/${id}`,
      payload: applicationBody({
        idNumber: undefined,
        phone: '13900000102',
        employer: '美团外卖（海州站点）有限公司',
        subscribeAccepted: 1,
      }),
      headers: idempotency(),
    })
    expect(resubmitted.statusCode).toBe(200)
    expect(await credits(id)).toBe(1)
    await decide(id, 'approve')
    await t.app.outbox.drain()
    expect(sends().map((call) => call.body.data.phrase2!.value)).toEqual(['未通过', '已通过'])
  })

  it('without permission nothing goes to WeChat, and the in-app message still tells the result', async () => {
    const id = await apply('applicant-nosub', '32070619930303005', '13900000103', 0)
    await decide(id, 'approve')
    await t.app.outbox.drain()
    expect(sends()).toHaveLength(0)
    const inbox = (await t.as('applicant-nosub')({ method: 'GET', url: '/api/messages' })).json()
    expect(inbox.items[0]).toMatchObject({ title: '入会申请已通过' })
  })

  it('when WeChat refuses the send, the approval stands and the log names only the event', async () => {
    fake.failSubscribeWith = 43101
    const id = await apply('applicant-refused', '32070619940404007', '13900000104', 1)
    expect((await decide(id, 'approve')).statusCode).toBe(200)
    await t.app.outbox.drain()
    expect(sends()).toHaveLength(1)
    const mine = (await t.as('applicant-refused')({ method: 'GET', url: '/api/membership/applications/mine' })).json()
    expect(mine.membership).not.toBeNull()
    const warning = t.logs.find((line) => line.includes('subscribe message not sent') && line.includes('membership.approved'))
    expect(JSON.parse(warning!)).toMatchObject({ event: 'membership.approved', errcode: 43101 })
    expect(warning).not.toContain('applicant-refused')
  })

  it('a retry that got a different answer from WeChat is still the same submission', async () => {
    const headers = idempotency()
    const body = applicationBody({ idNumber: validIdNumber('32070619950505009'), phone: '13900000105', subscribeAccepted: 1 })
    const first = await t.as('applicant-retry')({ method: 'POST', url: '/api/membership/applications', payload: body, headers })
    const retry = await t.as('applicant-retry')({
      method: 'POST',
      url: '/api/membership/applications',
      payload: { ...body, subscribeAccepted: 0 },
      headers,
    })
    expect([first.statusCode, retry.statusCode]).toEqual([201, 201])
    expect(retry.json().id).toBe(first.json().id)
  })
})
