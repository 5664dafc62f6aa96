import { eq } from 'drizzle-orm'
import { findUserByOpenid } from '../../../src/platform/auth/auth.repository'
import { inboxMessages } from '../../../src/platform/inbox/inbox.tables'
import { membershipApplications, memberships } from '../../../src/lines/membership/membership.tables'
import type { FakeWechat } from '../../helpers/fake-wechat'
import { createTestAppWithFakeWechat, type TestApp } from '../../helpers/test-app'
import { storedTexts } from '../../helpers/test-database'
import { applicationBody, DEMO_MEMBER_ID_NUMBER, DEMO_WAITING_ID_NUMBER, idempotency, validIdNumber } from './membership-fixtures'

describe('membership applications', () => {
  let fake: FakeWechat
  let t: TestApp

  beforeAll(async () => {
    ;({ t, fake } = await createTestAppWithFakeWechat())
  })
  afterAll(() => t.close())

  const submit = (openid: string, body: object, headers: Record<string, string> = idempotency()) =>
    t.as(openid)({ method: 'POST', url: '/api/membership/applications', payload: body, headers })
  const mine = async (openid: string) => (await t.as(openid)({ method: 'GET', url: '/api/membership/applications/mine' })).json()
  const rowsOf = async (openid: string) => {
    const user = await findUserByOpenid(t.database.db, openid)
    if (!user) return []
    return t.database.db.select().from(membershipApplications).where(eq(membershipApplications.userId, user.id))
  }

  describe('POST /api/membership/applications', () => {
    it('when fields are wrong, then 400 with a Chinese message per field, and nothing is stored', async () => {
      const response = await submit(
        'applicant-invalid',
        applicationBody({
          consentSensitive: false as unknown as true,
          name: ' ',
          idNumber: validIdNumber('32070619990230001'),
          employer: '',
          orgId: '',
        }),
      )
      expect(response.statusCode).toBe(400)
      expect(response.json()).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: {
          consentSensitive: '请单独同意处理您的身份证号（敏感个人信息），否则无法办理入会',
          name: '请填写姓名',
          idNumber: '身份证号中的出生日期不存在，请核对',
          employer: '请填写工作单位（平台或公司名称）',
          orgId: '请选择要加入的工会',
        },
      })
      expect(await rowsOf('applicant-invalid')).toEqual([])
    })

    it('when the check digit is wrong, then the ID field says so', async () => {
      const valid = validIdNumber('32070619900307001')
      const wrong = `${valid.slice(0, 17)}${valid.endsWith('1') ? '2' : '1'}`
      const response = await submit('applicant-invalid', applicationBody({ idNumber: wrong }))
      expect(response.json().fields).toEqual({ idNumber: '身份证号校验位不正确，请逐位核对' })
    })

    it('when the gender does not match the ID number, then the gender field says so', async () => {
      const response = await submit('applicant-invalid', applicationBody({ gender: 'female' }))
      expect(response.statusCode).toBe(400)
      expect(response.json().fields).toEqual({ gender: '性别与身份证号不符，请核对' })
    })

    it('when the applicant is under 16, then the ID field says they cannot join yet', async () => {
      const young = validIdNumber(`320706${new Date().getFullYear() - 10}0101001`)
      const response = await submit('applicant-invalid', applicationBody({ idNumber: young }))
      expect(response.json().fields).toEqual({ idNumber: '未满 16 周岁不能申请入会' })
    })

    it('when the union picked is a district federation, then 400 on the union field', async () => {
      const response = await submit('applicant-invalid', applicationBody({ orgId: 'lyg-haizhou' }))
      expect(response.statusCode).toBe(400)
      expect(response.json().fields).toEqual({ orgId: '请选择一个基层工会，或所在县区的新就业形态劳动者联合工会' })
      expect(await rowsOf('applicant-invalid')).toEqual([])
    })

    it('when valid, then 201 with the application (ID masked), a timeline, and it reads back from mine', async () => {
      const body = applicationBody({ idNumber: validIdNumber('32070619910405001'), phone: '13812340001' })
      const response = await submit('applicant-a', body)
      expect(response.statusCode).toBe(201)
      const application = response.json()
      expect(application).toMatchObject({
        status: 'submitted',
        name: '王小明',
        gender: 'male',
        birthDate: '1991-04-05',
        idNumberMasked: `3207**********${body.idNumber.slice(-4)}`,
        phoneMasked: '138****0001',
        phoneVerified: false,
        orgId: 'lyg-haizhou-pool',
        orgName: '海州区新就业形态劳动者联合工会',
        orgPathNames: ['连云港市总工会', '海州区总工会'],
        memberNumber: null,
        timeline: [expect.objectContaining({ fromStatus: null, toStatus: 'submitted', actorName: '本人' })],
      })
      expect(response.body).not.toContain(body.idNumber)

      const readBack = await mine('applicant-a')
      expect(readBack.application).toEqual(application)
      expect(readBack.membership).toBeNull()
      // The typed phone becomes the account's contact phone.
      expect((await t.as('applicant-a')({ method: 'GET', url: '/api/me' })).json().phoneMasked).toBe('138****0001')
    })

    it('when the same submission arrives twice at once (double tap, retry), then one application and one answer', async () => {
      const headers = idempotency()
      const body = applicationBody({ idNumber: validIdNumber('32070619920506001'), phone: '13812340002' })
      const [first, second] = await Promise.all([submit('applicant-b', body, headers), submit('applicant-b', body, headers)])
      expect([first.statusCode, second.statusCode]).toEqual([201, 201])
      expect(second.json().id).toBe(first.json().id)
      expect(await rowsOf('applicant-b')).toHaveLength(1)

      const changed = await submit('applicant-b', { ...body, employer: '另一家公司' }, headers)
      expect(changed.statusCode).toBe(422)
      expect(changed.json().code).toBe('IDEMPOTENCY_KEY_REUSED')
    })

    it('when the same person applies again, then 409 APPLICATION_EXISTS pointing to their application', async () => {
      const response = await submit('applicant-b', applicationBody({ idNumber: validIdNumber('32070619920506001'), phone: '13812340002' }))
      expect(response.statusCode).toBe(409)
      expect(response.json()).toMatchObject({ code: 'APPLICATION_EXISTS', message: '您已经提交过入会申请，请在“我的入会申请”查看进度' })
    })

    it("someone else's ID number — a member's or a waiting one — gets the same plain refusal, naming no union", async () => {
      const asMember = await submit(
        'applicant-c',
        applicationBody({ idNumber: DEMO_MEMBER_ID_NUMBER, gender: 'female', phone: '13812340003' }),
      )
      const asWaiting = await submit('applicant-c', applicationBody({ idNumber: DEMO_WAITING_ID_NUMBER, phone: '13812340003' }))
      for (const response of [asMember, asWaiting]) {
        expect(response.statusCode).toBe(409)
        expect(response.json()).toEqual({
          code: 'ID_NUMBER_UNAVAILABLE',
          message: '该身份证号暂时无法用于申请入会。如果这是您本人的身份证号，请带上身份证到所在工会办理，或拨打 12351 咨询。',
          fields: { idNumber: '该身份证号暂时无法用于申请入会。如果这是您本人的身份证号，请带上身份证到所在工会办理，或拨打 12351 咨询。' },
        })
      }
      expect(asMember.body).toBe(asWaiting.body)
      // The union holding the number sees, internally, that someone tried.
      const queue = (await t.as('demo-staff-grassroots')({ method: 'GET', url: '/api/workbench/membership/applications' })).json()
      const waiting = queue.items.find((item: { name: string }) => item.name === '周志强')
      const detail = (
        await t.as('demo-staff-grassroots')({ method: 'GET', url: `/api/workbench/membership/applications/${waiting.id}` })
      ).json()
      expect(detail.timeline.at(-1)).toMatchObject({ internal: true, note: expect.stringContaining('系统已拦截') })
      const own = (await t.as('demo-applicant-1')({ method: 'GET', url: '/api/membership/applications/mine' })).json()
      expect(own.application.timeline.some((event: { note: string | null }) => event.note?.includes('拦截'))).toBe(false)
    })

    it('when a typed phone belongs to another account, then 409 PHONE_IN_USE with the way out', async () => {
      // 13905180010 is the demo member's phone.
      const response = await submit('applicant-c', applicationBody({ idNumber: validIdNumber('32070619930607001'), phone: '13905180010' }))
      expect(response.statusCode).toBe(409)
      expect(response.json()).toMatchObject({ code: 'PHONE_IN_USE', fields: { phone: expect.stringContaining('微信手机号快捷验证') } })
      expect(await rowsOf('applicant-c')).toEqual([])
    })

    it('when asked to use the WeChat phone before verifying one, then 400 PHONE_NOT_VERIFIED on the phone field', async () => {
      const response = await submit('applicant-c', applicationBody({ phoneSource: 'wechat', phone: undefined }))
      expect(response.statusCode).toBe(400)
      expect(response.json()).toMatchObject({ code: 'PHONE_NOT_VERIFIED', fields: { phone: '请先点击“微信手机号快捷验证”' } })
    })

    it('when WeChat verified a phone another account has, then it is allowed and the conflict is recorded for staff only', async () => {
      const verified = await t.as('applicant-c')({ method: 'POST', url: '/api/me/phone/wechat', payload: { code: 'phone:13905180010' } })
      expect(verified.statusCode).toBe(200)
      expect(verified.json()).toEqual({ phoneMasked: '139****0010', verified: true, sharedWithOtherAccount: true })
      expect(fake.calls.some((call) => call.path === '/wxa/business/getuserphonenumber')).toBe(true)

      const response = await submit('applicant-c', applicationBody({ idNumber: validIdNumber('32070619930607001'), phoneSource: 'wechat' }))
      expect(response.statusCode).toBe(201)
      expect(response.json()).toMatchObject({ phoneMasked: '139****0010', phoneVerified: true })
      // The worker's timeline does not show the internal note…
      expect(response.json().timeline).toHaveLength(1)

      // …staff see the conflict in the list, the detail and the timeline.
      const queue = (await t.as('demo-city-admin')({ method: 'GET', url: '/api/workbench/membership/applications?sort=newest' })).json()
      expect(queue.items.find((item: { id: string }) => item.id === response.json().id)?.phoneConflict).toBe(true)
      const detail = (
        await t.as('demo-city-admin')({ method: 'GET', url: `/api/workbench/membership/applications/${response.json().id}` })
      ).json()
      expect(detail).toMatchObject({ phone: '13905180010', phoneConflict: true })
      expect(detail.timeline).toEqual(
        expect.arrayContaining([expect.objectContaining({ internal: true, note: expect.stringContaining('同时绑定在其他账号上') })]),
      )
    })

    it('when the WeChat phone code is bad, then 400 asking to verify again', async () => {
      const response = await t.as('applicant-c')({ method: 'POST', url: '/api/me/phone/wechat', payload: { code: 'used-code' } })
      expect(response.statusCode).toBe(400)
      expect(response.json()).toEqual({ code: 'WECHAT_CODE_INVALID', message: '手机号验证已失效，请重新点击验证' })
    })
  })

  describe('review, rejection and resubmission', () => {
    let applicationId: string
    const body = applicationBody({
      name: '赵四',
      idNumber: validIdNumber('32070619940708001'),
      phone: '13812340004',
      orgId: 'lyg-haizhou-hospital1',
      employmentType: 'full_time',
    })

    beforeAll(async () => {
      applicationId = (await submit('applicant-d', body)).json().id
    })

    const staff = (openid: string, action: 'approve' | 'reject', payload: object, headers = idempotency()) =>
      t.as(openid)({ method: 'POST', url: `/api/workbench/membership/applications/${applicationId}/${action}`, payload, headers })

    it('when the reason is too short, then 400 on the reason field', async () => {
      const response = await staff('demo-staff-grassroots', 'reject', { reason: '不行' })
      expect(response.statusCode).toBe(400)
      expect(response.json().fields).toEqual({ reason: '未通过的原因至少 4 个字' })
    })

    it('when staff reject with a reason, then the worker sees it in the timeline and a message', async () => {
      const response = await staff('demo-staff-grassroots', 'reject', { reason: '工作单位填写不完整，请写明科室' })
      expect(response.statusCode).toBe(200)
      expect(response.json()).toEqual({ id: applicationId, status: 'rejected', memberNumber: null })

      const { application } = await mine('applicant-d')
      expect(application).toMatchObject({ status: 'rejected', rejectionReason: '工作单位填写不完整，请写明科室' })
      expect(application.timeline.at(-1)).toMatchObject({
        fromStatus: 'submitted',
        toStatus: 'rejected',
        note: '工作单位填写不完整，请写明科室',
        actorName: '陈红（基层工会工作人员）',
      })
      const worker = await findUserByOpenid(t.database.db, 'applicant-d')
      const messages = await t.database.db.select().from(inboxMessages).where(eq(inboxMessages.userId, worker!.id))
      expect(messages.map((message) => message.title)).toEqual(['入会申请已提交', '入会申请未通过'])
      expect(messages[1]).toMatchObject({ link: '/membership/pages/status/index' })
    })

    it('when a decided application is reviewed again, then 409 WRONG_STATUS', async () => {
      const response = await staff('demo-staff-grassroots', 'approve', {})
      expect(response.statusCode).toBe(409)
      expect(response.json()).toMatchObject({ code: 'WRONG_STATUS', message: expect.stringContaining('未通过') })
    })

    it('when someone else resubmits it, then 404; when it is approved, then 409', async () => {
      const stranger = await t.as('applicant-a')({
        method: 'PUT',
        url: `/api/membership/applications/${applicationId}`,
        payload: body,
        headers: idempotency(),
      })
      expect(stranger.statusCode).toBe(404)
      const approved = (await mine('demo-member')).application
      expect(approved.status).toBe('approved')
      const tooLate = await t.as('demo-member')({
        method: 'PUT',
        url: `/api/membership/applications/${approved.id}`,
        payload: applicationBody({ idNumber: undefined, gender: 'female', phone: '13900000010' }),
        headers: idempotency(),
      })
      expect(tooLate.statusCode).toBe(409)
      expect(tooLate.json()).toMatchObject({ code: 'WRONG_STATUS', message: '申请已经通过，不能再修改' })
    })

    it('when the worker corrects it (keeping the ID number on file), then it waits for review again', async () => {
      const { idNumber: _kept, ...withoutId } = body
      const response = await t.as('applicant-d')({
        method: 'PUT',
        url: `/api/membership/applications/${applicationId}`,
        payload: { ...withoutId, employer: '连云港市第一人民医院 护理部' },
        headers: idempotency(),
      })
      expect(response.statusCode).toBe(200)
      expect(response.json()).toMatchObject({
        status: 'submitted',
        employer: '连云港市第一人民医院 护理部',
        rejectionReason: null,
        idNumberMasked: `3207**********${body.idNumber.slice(-4)}`,
      })
      expect(response.json().timeline.map((event: { toStatus: string }) => event.toStatus)).toEqual(['submitted', 'rejected', 'submitted'])
    })

    it('when two staff approve at the same moment, then one member number is assigned and the other is told', async () => {
      const [a, b] = await Promise.all([staff('demo-staff-grassroots', 'approve', {}), staff('demo-staff-district', 'approve', {})])
      expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409])
      const approved = (a.statusCode === 200 ? a : b).json()
      expect(approved).toMatchObject({ id: applicationId, status: 'approved', memberNumber: expect.stringMatching(/^LG\d{4}\d{6}$/) })
      const rows = await t.database.db.select().from(memberships).where(eq(memberships.applicationId, applicationId))
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({ memberNumber: approved.memberNumber, status: 'active', name: '赵四' })
      expect(rows[0]!.cardNumber).toMatch(/^3207\d{12}$/)

      const state = await mine('applicant-d')
      expect(state.application).toMatchObject({ status: 'approved', memberNumber: approved.memberNumber })
      expect(state.membership).toMatchObject({ memberNumber: approved.memberNumber, orgName: '连云港市第一人民医院工会' })
    })

    it('once a member, the same ID number cannot apply again anywhere', async () => {
      const response = await submit(
        'applicant-e',
        applicationBody({ idNumber: body.idNumber, phone: '13812340005', orgId: 'lyg-ganyu-pool' }),
      )
      expect(response.statusCode).toBe(409)
      expect(response.json().code).toBe('ID_NUMBER_UNAVAILABLE')
    })
  })

  describe('editing while it waits', () => {
    const body = applicationBody({ name: '钱七', idNumber: validIdNumber('32070619960909001'), phone: '13812340009' })
    const detailOf = async (id: string) =>
      (await t.as('demo-staff-district')({ method: 'GET', url: `/api/workbench/membership/applications/${id}` })).json()
    const decide = (id: string, version: string) =>
      t.as('demo-staff-district')({
        method: 'POST',
        url: `/api/workbench/membership/applications/${id}/approve`,
        payload: { version },
        headers: idempotency(),
      })

    it('the worker corrects a waiting application in place; a reviewer who read the old one is told, then decides on the new', async () => {
      const submitted = (await submit('applicant-edit', body)).json()
      const seen = await detailOf(submitted.id)
      const { idNumber: _kept, ...withoutId } = body

      const edited = await t.as('applicant-edit')({
        method: 'PUT',
        url: `/api/membership/applications/${submitted.id}`,
        payload: { ...withoutId, employer: '顺丰速运（海州营业部）' },
        headers: idempotency(),
      })
      expect(edited.statusCode).toBe(200)
      // Same place in the queue: the submission time stands.
      expect(edited.json()).toMatchObject({ status: 'submitted', employer: '顺丰速运（海州营业部）', submittedAt: submitted.submittedAt })
      expect(edited.json().timeline.at(-1)).toMatchObject({ fromStatus: 'submitted', toStatus: 'submitted', note: '修改了申请信息' })

      const stale = await decide(submitted.id, seen.updatedAt)
      expect(stale.statusCode).toBe(409)
      expect(stale.json()).toEqual({ code: 'WRONG_STATUS', message: '申请人刚刚修改了申请，请查看最新内容后再审核' })
      expect((await mine('applicant-edit')).application.status).toBe('submitted')

      const fresh = await detailOf(submitted.id)
      expect(fresh.employer).toBe('顺丰速运（海州营业部）')
      expect((await decide(submitted.id, fresh.updatedAt)).statusCode).toBe(200)
      expect((await mine('applicant-edit')).membership).not.toBeNull()
    })
  })

  describe('the database and the logs', () => {
    it('never hold an ID number in clear: every text column of every table is searched', async () => {
      const texts = await storedTexts(t.database.db)
      const tables = new Set(texts.map((text) => text.table))
      expect([...tables]).toEqual(expect.arrayContaining(['membership_applications', 'memberships', 'idempotency_keys', 'audit_log']))

      const idNumbers = [
        DEMO_MEMBER_ID_NUMBER,
        DEMO_WAITING_ID_NUMBER,
        validIdNumber('32070619910405001'),
        validIdNumber('32070619920506001'),
        validIdNumber('32070619930607001'),
        validIdNumber('32070619940708001'),
      ]
      for (const { table, column, value } of texts) {
        for (const idNumber of idNumbers) {
          // Also the birth-date-and-sequence part alone, in case something stored it cut or spaced.
          expect(`${table}.${column}: ${value.includes(idNumber) || value.includes(idNumber.slice(6, 17))}`).toBe(
            `${table}.${column}: false`,
          )
        }
      }
      expect(texts.length).toBeGreaterThan(50)

      // And the ciphertext really is the number, for the staff reveal.
      const [row] = await t.database.db.select().from(membershipApplications).where(eq(membershipApplications.name, '赵四'))
      expect(t.app.cipher.decrypt(row!.idNumberCipher!)).toBe(validIdNumber('32070619940708001'))
    })

    it('the logs carry no ID number and no phone number from any of these submissions', async () => {
      const logs = t.logs.join('\n')
      expect(logs).toContain('/api/membership/applications')
      for (const secret of [
        validIdNumber('32070619910405001'),
        validIdNumber('32070619940708001'),
        DEMO_MEMBER_ID_NUMBER,
        '13812340001',
        '13905180010',
        '13812340004',
      ]) {
        expect(logs).not.toContain(secret)
      }
    })
  })
})
