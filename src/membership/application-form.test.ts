import { applicationFixture, completeDraftFixture, FIXTURE_ID_NUMBER } from '@fixtures/membership'
import { draftFromApplication, newDraft, readyToSubmit, stepErrors, stepOfFields, toBody } from './application-form'

const ID = FIXTURE_ID_NUMBER
const complete = () => completeDraftFixture()

describe('the application form on the device', () => {
  it('checks a step with the contract, asking to choose what is not chosen yet', () => {
    const draft = newDraft()
    expect(stepErrors(draft, 0)).toEqual({
      consentNotice: '请阅读并同意入会须知和个人信息处理规则',
      consentSensitive: '请单独同意处理您的身份证号（敏感个人信息），否则无法办理入会',
    })
    expect(stepErrors(draft, 1)).toMatchObject({
      name: '请填写姓名',
      gender: '请选择性别',
      ethnicity: '请选择民族',
      idNumber: '请填写身份证号',
    })
    expect(stepErrors(draft, 3)).toMatchObject({ employmentType: '请选择就业形态', migrantWorker: '请选择是否为农民工' })
    expect(stepErrors(draft, 4)).toEqual({ orgId: '请选择要加入的工会' })
    expect(stepErrors(complete(), 1)).toEqual({})
  })

  it('leaves out the phone when WeChat verified it, and the hukou place when blank', () => {
    const draft = complete()
    draft.form = { ...draft.form, phoneSource: 'wechat', verifiedPhoneMasked: '138****5678' }
    expect(toBody(draft)).toMatchObject({ phoneSource: 'wechat', phone: undefined, hukouPlace: undefined, orgId: 'lyg-haizhou-pool' })
  })

  it('sends the worker to the step of the first field the server refused', () => {
    expect(stepOfFields({ idNumber: '该身份证号已是…的会员' })).toBe(1)
    expect(stepOfFields({ phone: '该手机号已绑定其他账号' })).toBe(2)
    expect(stepOfFields({ orgId: '请选择…' })).toBe(4)
    expect(stepOfFields({})).toBeUndefined()
  })

  it('submits only a complete form; otherwise names the first step to fix', () => {
    const missingUnion = complete()
    missingUnion.form = { ...missingUnion.form, org: null }
    expect(readyToSubmit(missingUnion)).toMatchObject({ ok: false, step: 4, errors: { orgId: '请选择要加入的工会' } })
    const ready = readyToSubmit(complete())
    expect(ready).toMatchObject({ ok: true, submit: { kind: 'new', body: { idNumber: ID, name: '王小明' } } })
  })

  it('a rejected application comes back for correcting, keeping the ID number on file', () => {
    const rejected = applicationFixture({
      id: 'a1',
      status: 'rejected',
      rejectionReason: '请写明站点',
      updatedAt: '2026-11-21T00:00:00Z',
      reviewedAt: '2026-11-21T00:00:00Z',
    })
    const draft = draftFromApplication(rejected)
    expect(draft).toMatchObject({ mode: 'resubmit', applicationId: 'a1', keepIdNumber: true, idNumberMaskedOnFile: '3207**********0011' })
    // The consents are given again, and the phone typed again (the server never sends it back in clear).
    expect(stepErrors(draft, 0)).not.toEqual({})
    expect(stepErrors(draft, 1)).toEqual({})
    draft.form = { ...draft.form, consentNotice: true, consentSensitive: true, phone: '13812345678' }
    const ready = readyToSubmit(draft)
    expect(ready).toMatchObject({ ok: true, submit: { kind: 'resubmit', id: 'a1' } })
    expect(ready.ok && 'idNumber' in ready.submit.body && ready.submit.body.idNumber).toBeFalsy()
  })
})
