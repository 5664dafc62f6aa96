import { and, eq } from 'drizzle-orm'
import { auditLog, subscribeCredits } from '../../../src/core/core.tables'
import { legalAidCases } from '../../../src/lines/legal-aid/legal-aid.tables'
import { uploads } from '../../../src/platform/uploads/uploads.tables'
import { createTestApp, type TestApp } from '../../helpers/test-app'
import { application, DESCRIPTION, freshKey, staffAction, submitCase, uploadPng } from './helpers'

describe('legal aid: the worker’s cases', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await createTestApp()
  })
  afterAll(() => t.close())

  describe('POST /api/legal-aid/cases', () => {
    it('when the form is incomplete, then 400 with a Chinese message per field', async () => {
      const response = await t.as('worker-a')({
        method: 'POST',
        url: '/api/legal-aid/cases',
        payload: { ...application(), type: 'nope', description: '太短了', contactPhone: '123', employerName: ' ', consent: false },
      })
      expect(response.statusCode).toBe(400)
      expect(response.json().fields).toEqual({
        type: '请选择案件类型',
        description: '事情经过至少 30 个字',
        employerName: '请填写用人单位名称',
        contactPhone: '请填写 11 位手机号',
        consent: '请阅读并同意个人信息处理说明',
      })
      expect(await t.database.db.select().from(legalAidCases).where(eq(legalAidCases.contactName, '刘大壮'))).toEqual([])
    })

    it('when submitted with evidence, then 201, the case is mine with its file, the description and income are encrypted at rest', async () => {
      const fileId = await uploadPng(t, 'worker-a', '工资条.png')
      const response = await t.as('worker-a')({
        method: 'POST',
        url: '/api/legal-aid/cases',
        payload: application({ attachmentIds: [fileId] }),
        headers: { 'idempotency-key': freshKey() },
      })
      expect(response.statusCode).toBe(201)
      const created = response.json()
      expect(created).toMatchObject({ type: 'wage_arrears', status: 'submitted', caseNo: expect.stringMatching(/^法援〔\d{4}〕\d+号$/) })
      expect(created.nextStep).toMatch(/^工会法律工作部将在\d+月\d+日前决定是否受理$/)

      const [row] = await t.database.db.select().from(legalAidCases).where(eq(legalAidCases.id, created.id))
      expect(row!.descriptionEnc).not.toContain('工地')
      expect(row!.monthlyIncomeEnc).not.toContain('432150')
      expect(t.app.cipher.decrypt(row!.descriptionEnc)).toBe(DESCRIPTION)
      const [file] = await t.database.db.select().from(uploads).where(eq(uploads.id, fileId))
      expect(file).toMatchObject({ subjectType: 'legal_aid_case', subjectId: created.id })

      const detail = (await t.as('worker-a')({ method: 'GET', url: `/api/legal-aid/cases/${created.id}` })).json()
      expect(detail).toMatchObject({
        description: DESCRIPTION,
        monthlyIncome: 4321.5,
        amountInvolved: 18000,
        contactPhoneMasked: '139****5678',
        handler: null,
        canWithdraw: true,
        canMessage: true,
        attachments: [{ id: fileId, name: '工资条.png', kind: 'image' }],
      })
      expect(detail.timeline).toEqual([expect.objectContaining({ fromStatus: null, toStatus: 'submitted', actorName: '本人' })])
      const image = await t.app.inject({ method: 'GET', url: detail.attachments[0].url })
      expect(image.statusCode).toBe(200)
      expect(image.headers['content-type']).toBe('image/png')

      const inbox = (await t.as('worker-a')({ method: 'GET', url: '/api/messages' })).json()
      expect(inbox.items[0]).toMatchObject({ title: '法律援助申请已提交', link: `/legal-aid/pages/case/index?id=${created.id}` })
    })

    it('when the same submission is sent twice with one Idempotency-Key, then one case; a different body with that key is 422', async () => {
      const key = freshKey()
      const send = (body = application({ employerName: '幂等测试公司' })) =>
        t.as('worker-b')({ method: 'POST', url: '/api/legal-aid/cases', payload: body, headers: { 'idempotency-key': key } })
      const [first, second] = await Promise.all([send(), send()])
      expect(first.statusCode).toBe(201)
      expect(second.statusCode).toBe(201)
      expect(second.json().id).toBe(first.json().id)
      expect(await t.database.db.select().from(legalAidCases).where(eq(legalAidCases.employerName, '幂等测试公司'))).toHaveLength(1)
      const changed = await send(application({ employerName: '另一家公司' }))
      expect(changed.statusCode).toBe(422)
      expect(changed.json().code).toBe('IDEMPOTENCY_KEY_REUSED')
    })

    it('when an attachment is someone else’s or already used, then 400 on attachmentIds and no case is left', async () => {
      const theirs = await uploadPng(t, 'worker-b')
      const response = await t.as('worker-a')({
        method: 'POST',
        url: '/api/legal-aid/cases',
        payload: application({ employerName: '别人附件公司', attachmentIds: [theirs] }),
      })
      expect(response.statusCode).toBe(400)
      expect(response.json().fields).toEqual({ attachmentIds: '有附件已失效，请删除后重新上传' })
      expect(await t.database.db.select().from(legalAidCases).where(eq(legalAidCases.employerName, '别人附件公司'))).toEqual([])
    })

    it('membership is not required: a brand-new user may apply', async () => {
      expect(await submitCase(t, 'never-joined-anything')).toMatch(/^[0-9a-f-]{36}$/)
    })

    it('logs never carry the description or the income', async () => {
      const secretStory = '这是一段只应该加密保存的案情描述，包含了工友的隐私：老板在十一月八日打了我一巴掌。'
      await t.as('worker-log')({
        method: 'POST',
        url: '/api/legal-aid/cases',
        payload: application({ description: secretStory, monthlyIncome: 7654.32 }),
      })
      // A refused submission must not echo them either.
      await t.as('worker-log')({
        method: 'POST',
        url: '/api/legal-aid/cases',
        payload: { description: secretStory, monthlyIncome: 7654.32 },
      })
      const logs = t.logs.join('\n')
      expect(logs).toContain('/api/legal-aid/cases')
      expect(logs).not.toContain('一巴掌')
      expect(logs).not.toContain('7654.32')
      expect(logs).not.toContain('765432')
    })
  })

  describe('GET /api/legal-aid/cases', () => {
    it('lists only my own cases, newest first, with the next step', async () => {
      const first = await submitCase(t, 'worker-list', { employerName: '第一家' })
      const second = await submitCase(t, 'worker-list', { employerName: '第二家' })
      await submitCase(t, 'worker-other', { employerName: '别人家' })
      const list = (await t.as('worker-list')({ method: 'GET', url: '/api/legal-aid/cases' })).json()
      expect(list.items.map((item: { id: string }) => item.id)).toEqual([second, first])
      expect(list.items[0]).toMatchObject({
        employerName: '第二家',
        status: 'submitted',
        nextStep: expect.stringContaining('决定是否受理'),
      })
    })
  })

  describe('messages and withdrawal', () => {
    it('the worker and legal staff write to each other; the worker sees the reply, an in-app message and who wrote it', async () => {
      const id = await submitCase(t, 'worker-chat')
      const mine = await t.as('worker-chat')({
        method: 'POST',
        url: `/api/legal-aid/cases/${id}/messages`,
        payload: { body: '请问还需要什么材料？' },
      })
      expect(mine.statusCode).toBe(201)
      expect(mine.json()).toMatchObject({ from: 'worker', authorName: '我', body: '请问还需要什么材料？' })
      const queue = (await t.as('demo-legal')({ method: 'GET', url: '/api/workbench/legal-aid/cases' })).json()
      expect(queue.items.find((item: { id: string }) => item.id === id).awaitingReply).toBe(true)

      const fileId = await uploadPng(t, 'demo-legal', '材料清单.png')
      const reply = await t.as('demo-legal')({
        method: 'POST',
        url: `/api/workbench/legal-aid/cases/${id}/messages`,
        payload: { body: '请补充工资条和考勤记录', attachmentIds: [fileId] },
      })
      expect(reply.statusCode).toBe(201)
      const detail = (await t.as('worker-chat')({ method: 'GET', url: `/api/legal-aid/cases/${id}` })).json()
      expect(detail.messages).toEqual([
        expect.objectContaining({ from: 'worker', authorName: '我' }),
        expect.objectContaining({
          from: 'staff',
          authorName: '赵敏（法律援助工作人员）',
          body: '请补充工资条和考勤记录',
          attachments: [expect.objectContaining({ name: '材料清单.png' })],
        }),
      ])
      const inbox = (await t.as('worker-chat')({ method: 'GET', url: '/api/messages' })).json()
      expect(inbox.items[0]).toMatchObject({ title: '法律援助案件有新消息', read: false })
      const queueAfter = (await t.as('demo-legal')({ method: 'GET', url: '/api/workbench/legal-aid/cases' })).json()
      expect(queueAfter.items.find((item: { id: string }) => item.id === id).awaitingReply).toBe(false)
    })

    it('the worker may withdraw an open case, and then can no longer write or withdraw again (409)', async () => {
      const id = await submitCase(t, 'worker-withdraw')
      const withdrawn = await t.as('worker-withdraw')({
        method: 'POST',
        url: `/api/legal-aid/cases/${id}/withdraw`,
        payload: { reason: '已经和老板协商好了' },
      })
      expect(withdrawn.statusCode).toBe(200)
      expect(withdrawn.json().status).toBe('withdrawn')
      const again = await t.as('worker-withdraw')({ method: 'POST', url: `/api/legal-aid/cases/${id}/withdraw`, payload: {} })
      expect(again.statusCode).toBe(409)
      expect(again.json()).toEqual({ code: 'WRONG_STATUS', message: '案件当前为“已撤回”，不能撤回申请' })
      const write = await t.as('worker-withdraw')({
        method: 'POST',
        url: `/api/legal-aid/cases/${id}/messages`,
        payload: { body: '还在吗' },
      })
      expect(write.statusCode).toBe(409)
      const detail = (await t.as('worker-withdraw')({ method: 'GET', url: `/api/legal-aid/cases/${id}` })).json()
      expect(detail).toMatchObject({ status: 'withdrawn', canWithdraw: false, canMessage: false })
      expect(detail.timeline.at(-1)).toMatchObject({ fromStatus: 'submitted', toStatus: 'withdrawn', note: '已经和老板协商好了' })
    })
  })

  describe('staff notes', () => {
    it('an internal note is seen by staff only; a visible one reaches the worker', async () => {
      const id = await submitCase(t, 'worker-notes')
      await staffAction(t, 'demo-legal', id, 'accept')
      for (const [note, visibility] of [
        ['申请人情绪激动，注意沟通方式', 'internal'],
        ['已调取用人单位工商信息', 'public'],
      ]) {
        const response = await t.as('demo-legal')({
          method: 'POST',
          url: `/api/workbench/legal-aid/cases/${id}/notes`,
          payload: { note, visibility },
        })
        expect(response.statusCode).toBe(200)
      }
      const workerView = (await t.as('worker-notes')({ method: 'GET', url: `/api/legal-aid/cases/${id}` })).json()
      const workerNotes = workerView.timeline.map((event: { note: string | null }) => event.note)
      expect(workerNotes).toContain('已调取用人单位工商信息')
      expect(workerNotes).not.toContain('申请人情绪激动，注意沟通方式')
      const staffView = (await t.as('demo-legal')({ method: 'GET', url: `/api/workbench/legal-aid/cases/${id}` })).json()
      expect(staffView.timeline).toEqual(
        expect.arrayContaining([expect.objectContaining({ note: '申请人情绪激动，注意沟通方式', internal: true })]),
      )
      const inbox = (await t.as('worker-notes')({ method: 'GET', url: '/api/messages' })).json()
      expect(inbox.items[0]).toMatchObject({ title: '案件有新进展', body: expect.stringContaining('已调取用人单位工商信息') })
    })
  })

  describe('authorization matrix', () => {
    let caseId: string
    let fileUrl: string
    beforeAll(async () => {
      const fileId = await uploadPng(t, 'worker-owner')
      caseId = await submitCase(t, 'worker-owner', { attachmentIds: [fileId] })
      fileUrl = (await t.as('worker-owner')({ method: 'GET', url: `/api/legal-aid/cases/${caseId}` })).json().attachments[0].url
    })

    it.each([
      ['the worker who asked', 'worker-owner', 200],
      ['another worker', 'worker-stranger', 404],
      ['grassroots union staff', 'demo-staff-grassroots', 404],
      ['district union staff', 'demo-staff-district', 404],
      // Legal staff use the workbench; the worker route is about one's own cases only.
      ['legal staff', 'demo-legal', 404],
    ])('GET /api/legal-aid/cases/:id as %s (%s) → %i', async (_who, openid, status) => {
      expect((await t.as(openid)({ method: 'GET', url: `/api/legal-aid/cases/${caseId}` })).statusCode).toBe(status)
    })

    it.each([
      ['legal staff', 'demo-legal', 200],
      ['the city admin (read-only oversight)', 'demo-city-admin', 200],
      ['the worker who asked', 'worker-owner', 404],
      ['another worker', 'worker-stranger', 404],
      ['grassroots union staff', 'demo-staff-grassroots', 404],
      ['district union staff', 'demo-staff-district', 404],
    ])('GET /api/workbench/legal-aid/cases/:id as %s (%s) → %i', async (_who, openid, status) => {
      expect((await t.as(openid)({ method: 'GET', url: `/api/workbench/legal-aid/cases/${caseId}` })).statusCode).toBe(status)
    })

    it.each([
      ['legal staff', 'demo-legal', 200],
      ['the city admin', 'demo-city-admin', 200],
      ['a worker', 'worker-owner', 403],
      ['union staff', 'demo-staff-district', 403],
    ])('GET /api/workbench/legal-aid/cases (the queue) as %s (%s) → %i', async (_who, openid, status) => {
      expect((await t.as(openid)({ method: 'GET', url: '/api/workbench/legal-aid/cases' })).statusCode).toBe(status)
    })

    it('another worker cannot write to, withdraw or subscribe on the case (404), and nothing changes', async () => {
      const stranger = t.as('worker-stranger')
      for (const [url, payload] of [
        [`/api/legal-aid/cases/${caseId}/messages`, { body: '你好' }],
        [`/api/legal-aid/cases/${caseId}/withdraw`, {}],
        ['/api/subscriptions', { subjectType: 'legal_aid_case', subjectId: caseId, accepted: 1 }],
      ] as const) {
        expect((await stranger({ method: 'POST', url, payload })).statusCode).toBe(404)
      }
      const [row] = await t.database.db.select().from(legalAidCases).where(eq(legalAidCases.id, caseId))
      expect(row).toMatchObject({ status: 'submitted', awaitingReply: false })
      const [credits] = await t.database.db.select().from(subscribeCredits).where(eq(subscribeCredits.subjectId, caseId))
      expect(credits!.credits).toBe(0)
    })

    it('only legal staff act: the city admin gets 403, union staff and workers 404', async () => {
      expect((await staffAction(t, 'demo-city-admin', caseId, 'accept')).statusCode).toBe(403)
      expect((await staffAction(t, 'demo-staff-district', caseId, 'accept')).statusCode).toBe(404)
      expect((await staffAction(t, 'worker-owner', caseId, 'accept')).statusCode).toBe(404)
      expect((await t.as('demo-city-admin')({ method: 'GET', url: '/api/workbench/legal-aid/lawyers' })).statusCode).toBe(403)
      const [row] = await t.database.db.select().from(legalAidCases).where(eq(legalAidCases.id, caseId))
      expect(row!.status).toBe('submitted')
    })

    it('files: the signed link works for anyone holding it until it expires; a forged or unknown one is 404', async () => {
      expect((await t.app.inject({ method: 'GET', url: fileUrl })).statusCode).toBe(200)
      const [filePath, query] = fileUrl.split('?token=')
      const [purpose, body] = query!.split('.')
      expect((await t.app.inject({ method: 'GET', url: `${filePath}?token=${purpose}.${body}.forged` })).statusCode).toBe(404)
      // A session token is signed with the same secret but for another purpose.
      const session = await t.tokenFor('worker-owner')
      expect((await t.app.inject({ method: 'GET', url: `${filePath}?token=${session}` })).statusCode).toBe(404)
      // A genuine token for one file opens no other.
      const otherId = await uploadPng(t, 'worker-owner')
      expect((await t.app.inject({ method: 'GET', url: `/api/files/${otherId}?token=${query}` })).statusCode).toBe(404)
      expect((await t.app.inject({ method: 'GET', url: filePath! })).statusCode).toBe(400)
      // Staff get their own link through the case, as the worker does; others never get one.
      const staffDetail = (await t.as('demo-legal')({ method: 'GET', url: `/api/workbench/legal-aid/cases/${caseId}` })).json()
      expect((await t.app.inject({ method: 'GET', url: staffDetail.attachments[0].url })).statusCode).toBe(200)
    })

    it('an expired link is 404', async () => {
      jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'setInterval', 'queueMicrotask'] })
      try {
        jest.setSystemTime(Date.now() + 16 * 60 * 1000)
        expect((await t.app.inject({ method: 'GET', url: fileUrl })).statusCode).toBe(404)
      } finally {
        jest.useRealTimers()
      }
    })

    it('oversight sees what the form promised: no income, the phone masked; legal staff see both', async () => {
      const asAdmin = (await t.as('demo-city-admin')({ method: 'GET', url: `/api/workbench/legal-aid/cases/${caseId}` })).json()
      expect(asAdmin).toMatchObject({ monthlyIncome: null, contactPhone: '139****5678', canAct: false, actions: [] })
      const asLegal = (await t.as('demo-legal')({ method: 'GET', url: `/api/workbench/legal-aid/cases/${caseId}` })).json()
      expect(asLegal).toMatchObject({ monthlyIncome: 4321.5, contactPhone: '13912345678', canAct: true })
    })

    it('each staff look at a case is in the audit log', async () => {
      const rows = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.subjectId, caseId), eq(auditLog.action, 'legal_aid.case.view')))
      expect(rows.length).toBeGreaterThanOrEqual(2)
      expect(rows.map((row) => row.detail)).toEqual(expect.arrayContaining([{ access: 'read' }, { access: 'act' }]))
    })
  })
})
