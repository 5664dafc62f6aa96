import { createTestApp, type TestApp } from '../../helpers/test-app'
import { application, CENTRE, get, GRASSROOTS, members, post, recommend, submit, visit } from './helpers'

/** The application's whole path through the API, and the moves refused on the way. */
describe('hardship workflow through the API', () => {
  let t: TestApp
  let now = new Date('2026-11-02T01:00:00Z') // Monday 2 November, 09:00 in Lianyungang
  const at = (iso: string) => {
    now = new Date(iso)
  }
  beforeAll(async () => {
    t = await createTestApp({ clock: () => now })
  }, 180_000)
  afterAll(() => t.close())

  const staff = (id: string, step: string, body: unknown = {}, who = GRASSROOTS) =>
    post(t, who, `/api/workbench/hardship/applications/${id}/${step}`, body)
  const refused = async (promise: Promise<{ statusCode: number; json(): { code: string } }>, status: number, code: string) => {
    const response = await promise
    expect([response.statusCode, response.json().code]).toEqual([status, code])
  }

  it('runs from the first review through the 公示 and the city decision to payment, which the worker sees', async () => {
    at('2026-11-02T01:00:00Z')
    const [worker] = await members(t)
    const id = await submit(t, worker!.openid, await application(t, worker!.openid))
    const mine = (await get(t, worker!.openid, `/api/hardship/applications/${id}`)).json()
    expect(mine).toMatchObject({
      status: 'first_review',
      suggestedTier: 'deep',
      perCapitaIncome: 500,
      dueBy: '2026-11-16',
      canWithdraw: true,
    })
    expect(mine.items[0]).toMatchObject({ type: 'living', cap: null })

    // Nothing but the first review may happen now.
    await refused(
      staff(id, 'decision', { decision: 'approve', tier: 'deep', items: [{ type: 'living', amount: 100 }] }, CENTRE),
      409,
      'WRONG_STATUS',
    )
    await refused(
      staff(id, 'payments', { type: 'living', amount: 100, paidOn: '2026-11-02', method: 'bank_transfer' }, CENTRE),
      409,
      'WRONG_STATUS',
    )
    await refused(staff(id, 'end-publicity'), 409, 'WRONG_STATUS')
    await refused(staff(id, 'objections', { content: '有人反映情况不实' }), 409, 'WRONG_STATUS')
    await refused(post(t, worker!.openid, `/api/hardship/applications/${id}/supplements`, { files: {} }), 409, 'WRONG_STATUS')
    await refused(
      post(t, worker!.openid, `/api/hardship/applications/${id}/resubmit`, await application(t, worker!.openid)),
      409,
      'WRONG_STATUS',
    )
    // A tier other than the suggested one needs a reason.
    const noReason = await staff(id, 'first-review', { decision: 'recommend', visit: visit('2026-11-02'), tier: 'relative' })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().fields).toEqual({ tierReason: '与系统建议的困难类型不同，请说明理由' })

    const publicity = await recommend(t, id, '2026-11-02')
    expect(publicity).toMatchObject({
      status: 'publicity',
      publicityEndsOn: '2026-11-09',
      tier: 'deep',
      steps: ['objection', 'end_publicity'],
    })
    expect(publicity.visit).toMatchObject({ visitors: '陈红、王军', findings: '入户核实，家庭情况与申报一致。' })

    // The 公示 runs its days; an open objection holds it.
    await refused(staff(id, 'end-publicity'), 409, 'WRONG_STATUS')
    const objected = (await staff(id, 'objections', { raisedBy: '同事', content: '听说他家有两套房' })).json()
    expect(objected.steps).toEqual(['objection', 'resolve_objection'])
    at('2026-11-09T02:00:00Z')
    await refused(staff(id, 'end-publicity'), 409, 'WRONG_STATUS')
    const dismissed = await staff(id, `objections/${objected.objections[0].id}/resolve`, {
      outcome: 'dismissed',
      note: '核实只有一套租住房',
    })
    expect(dismissed.json().objections[0]).toMatchObject({ status: 'dismissed', resolutionNote: '核实只有一套租住房' })
    const city = (await staff(id, 'end-publicity')).json()
    expect(city).toMatchObject({ status: 'city_review', dueBy: '2026-11-23' })

    // The grassroots union does not decide; the centre decides within the cap, with the cap shown.
    await refused(staff(id, 'decision', { decision: 'approve', tier: 'deep', items: [{ type: 'living', amount: 100 }] }), 403, 'FORBIDDEN')
    const forCentre = (await get(t, CENTRE, `/api/workbench/hardship/applications/${id}`)).json()
    expect(forCentre.steps).toEqual(['decision', 'request_documents'])
    expect(forCentre.items[0].cap).toMatchObject({ max: 9600, refusal: null })
    const over = await staff(id, 'decision', { decision: 'approve', tier: 'deep', items: [{ type: 'living', amount: 9600.01 }] }, CENTRE)
    expect(over.statusCode).toBe(400)
    expect(over.json().fields['items.0.amount']).toContain('超过上限')
    const approved = (
      await staff(id, 'decision', { decision: 'approve', tier: 'deep', items: [{ type: 'living', amount: 3000 }] }, CENTRE)
    ).json()
    expect(approved).toMatchObject({ status: 'approved', approvedTotal: 3000, steps: ['payment'] })
    await refused(post(t, worker!.openid, `/api/hardship/applications/${id}/withdraw`, {}), 409, 'WRONG_STATUS')

    const file = (await get(t, worker!.openid, '/api/hardship/file')).json().file
    expect(file).toMatchObject({ status: 'active', tier: 'deep', label: 'new', archivedOn: '2026-11-09', nextReviewOn: '2027-11-09' })
    expect(file.ledger).toEqual([{ type: 'living', approved: 3000, paid: 0 }])

    // Payments: each recorded, never more than approved; the last one completes it.
    const part = (
      await staff(id, 'payments', { type: 'living', amount: 1000, paidOn: '2026-11-09', method: 'bank_transfer' }, CENTRE)
    ).json()
    expect(part).toMatchObject({ status: 'approved', paidTotal: 1000 })
    const tooMuch = await staff(id, 'payments', { type: 'living', amount: 2500, paidOn: '2026-11-09', method: 'bank_transfer' }, CENTRE)
    expect([tooMuch.statusCode, tooMuch.json().fields]).toEqual([400, { amount: '超过未发放金额 2000 元' }])
    const paid = (await staff(id, 'payments', { type: 'living', amount: 2000, paidOn: '2026-11-09', method: 'union_card' }, CENTRE)).json()
    expect(paid).toMatchObject({ status: 'paid', paidTotal: 3000, steps: [] })
    await refused(staff(id, 'payments', { type: 'living', amount: 1, paidOn: '2026-11-09', method: 'cash' }, CENTRE), 409, 'WRONG_STATUS')

    const seen = (await get(t, worker!.openid, `/api/hardship/applications/${id}`)).json()
    expect(seen).toMatchObject({ status: 'paid', approvedTotal: 3000, paidTotal: 3000, canWithdraw: false, canResubmit: false })
    expect(seen.payments.map((payment: { amount: number; recordedBy: string }) => [payment.amount, payment.recordedBy])).toEqual([
      [1000, '市困难职工帮扶中心'],
      [2000, '市困难职工帮扶中心'],
    ])
    expect(seen.timeline.map((event: { toStatus: string }) => event.toStatus)).toEqual(
      expect.arrayContaining(['first_review', 'publicity', 'city_review', 'approved', 'paid']),
    )
    const inbox = (await get(t, worker!.openid, '/api/messages')).json()
    expect(JSON.stringify(inbox)).toContain('困难帮扶资金已全部发放')
  })

  it('is rejected with a reason the worker reads, then corrected and sent again in place', async () => {
    at('2026-11-02T01:00:00Z')
    const [worker] = await members(t)
    const id = await submit(t, worker!.openid, await application(t, worker!.openid))
    const rejected = (await staff(id, 'first-review', { decision: 'reject', reason: '家庭收入材料与入户情况不符' })).json()
    expect(rejected.status).toBe('rejected')
    const mine = (await get(t, worker!.openid, `/api/hardship/applications/${id}`)).json()
    expect(mine).toMatchObject({ status: 'rejected', rejectionReason: '家庭收入材料与入户情况不符', canResubmit: true, canWithdraw: false })
    await refused(post(t, worker!.openid, `/api/hardship/applications/${id}/withdraw`, {}), 409, 'WRONG_STATUS')
    const again = await post(
      t,
      worker!.openid,
      `/api/hardship/applications/${id}/resubmit`,
      await application(t, worker!.openid, { causeNote: '补充说明：妻子化疗期间无收入，附上单位收入证明。' }),
    )
    expect(again.statusCode).toBe(200)
    const back = (await get(t, worker!.openid, `/api/hardship/applications/${id}`)).json()
    expect(back).toMatchObject({
      status: 'first_review',
      rejectionReason: null,
      causeNote: '补充说明：妻子化疗期间无收入，附上单位收入证明。',
    })
    expect(back.timeline.map((event: { action: string }) => event.action)).toEqual(['submit', 'reject_first', 'resubmit'])
  })

  it('a city rejection, an upheld objection and a withdrawal each end the application', async () => {
    at('2026-11-02T01:00:00Z')
    const [a, b, c] = await members(t, 3)
    const cityRejected = await submit(t, a!.openid, await application(t, a!.openid))
    await recommend(t, cityRejected, '2026-11-02')
    at('2026-11-09T02:00:00Z')
    await staff(cityRejected, 'end-publicity')
    expect((await staff(cityRejected, 'decision', { decision: 'reject', reason: '不符合条件' }, CENTRE)).json().status).toBe('rejected')

    at('2026-11-02T01:00:00Z')
    const upheld = await submit(t, b!.openid, await application(t, b!.openid))
    await recommend(t, upheld, '2026-11-02')
    const objection = (await staff(upheld, 'objections', { content: '他家经营一家小超市' })).json().objections[0]
    const ended = (await staff(upheld, `objections/${objection.id}/resolve`, { outcome: 'upheld', note: '核实家中经营个体超市' })).json()
    expect(ended.status).toBe('rejected')
    expect((await get(t, b!.openid, `/api/hardship/applications/${upheld}`)).json().rejectionReason).toContain('核实家中经营个体超市')

    const withdrawn = await submit(t, c!.openid, await application(t, c!.openid))
    await recommend(t, withdrawn, '2026-11-02')
    const out = await post(t, c!.openid, `/api/hardship/applications/${withdrawn}/withdraw`, { reason: '情况好转' })
    expect(out.json().status).toBe('withdrawn')
    await refused(staff(withdrawn, 'objections', { content: '异议内容四个字' }), 409, 'WRONG_STATUS')
  })
})
