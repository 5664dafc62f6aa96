import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import {
  applicationSteps,
  EXCLUSIONS,
  exclusionQuestion,
  HardshipApplication,
  hardshipWorkflow,
  options,
  perCapitaFen,
  proofSlotsFor,
  suggestTier,
  tierLabel,
  toFen,
  type AidType,
  type Exclusion,
  type HardshipInfo,
} from '@contract/lines/hardship'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { FilePicker, filesReady, type FileItem } from '@/components/files'
import {
  CheckChips,
  checkWith,
  ChoiceChips,
  ConsentBox,
  Field,
  firstInvalidStep,
  StepHeader,
  StepNav,
  TextArea,
  TextInput,
  type FormStep,
} from '@/components/form'
import { PageShell } from '@/components/page-shell'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { useUserDraft } from '@/hooks/useDraft'
import { useSession } from '@/hooks/useSession'
import { useSubmission } from '@/hooks/useSubmission'
import { toast } from '@/services/dialogs'
import { draftKey } from '@/services/drafts'
import { formatYuan } from '@/services/format'
import { keepSubscription, requestSubscription } from '@/services/subscribe'
import { getHardshipInfo, resubmitHardshipApplication, submitHardshipApplication } from '../../api'
import './index.css'

interface MemberDraft {
  name: string
  relation: string
  idNumber: string
  health: string
  healthNote: string
  workStatus: string
  monthlyIncome: string
  unitOrSchool: string
}
type Texts<K extends string> = Record<K, string>
interface ApplyDraft {
  members: MemberDraft[]
  unitName: string
  contactPhone: string
  migrantWorker: boolean | null
  contractMonths: string
  housingType: string
  housingArea: string
  hukouType: string
  mainCause: string
  secondaryCause: string
  causeNote: string
  exclusions: Partial<Record<Exclusion, boolean>>
  types: AidType[]
  living: Texts<'reason'>
  medical: Texts<'patient' | 'disease' | 'hospital' | 'admittedOn' | 'dischargedOn' | 'totalCost' | 'insurancePaid' | 'otherPaid'>
  education: Texts<'child' | 'stage' | 'school' | 'major' | 'lengthYears' | 'yearOfStudy' | 'tuition'>
  temporary: Texts<'eventKind' | 'eventOn' | 'description' | 'losses' | 'compensation'>
  proofs: Record<string, FileItem[]>
  bankName: string
  accountName: string
  accountNumber: string
  pledgeSignature: string
  pledge: boolean
  financeCheckConsent: boolean
  sensitiveConsent: boolean
}

const blankMember = (relation = ''): MemberDraft => ({
  name: '',
  relation,
  idNumber: '',
  health: 'good',
  healthNote: '',
  workStatus: '',
  monthlyIncome: '0',
  unitOrSchool: '',
})

const emptyDraft: ApplyDraft = {
  members: [blankMember('self')],
  unitName: '',
  contactPhone: '',
  migrantWorker: null,
  contractMonths: '',
  housingType: '',
  housingArea: '',
  hukouType: '',
  mainCause: '',
  secondaryCause: '',
  causeNote: '',
  exclusions: {},
  types: [],
  living: { reason: '' },
  medical: { patient: '', disease: '', hospital: '', admittedOn: '', dischargedOn: '', totalCost: '', insurancePaid: '0', otherPaid: '0' },
  education: { child: '', stage: '', school: '', major: '', lengthYears: '', yearOfStudy: '', tuition: '' },
  temporary: { eventKind: '', eventOn: '', description: '', losses: '', compensation: '0' },
  proofs: {},
  bankName: '',
  accountName: '',
  accountNumber: '',
  pledgeSignature: '',
  pledge: false,
  financeCheckConsent: false,
  sensitiveConsent: false,
}

const num = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim()))
const orUndefined = (text: string) => (text === '' ? undefined : text)

function toMembers(draft: ApplyDraft) {
  return draft.members.map((member) => ({
    name: member.name,
    relation: orUndefined(member.relation),
    idNumber: member.idNumber,
    health: orUndefined(member.health),
    healthNote: member.healthNote || undefined,
    workStatus: orUndefined(member.workStatus),
    monthlyIncome: num(member.monthlyIncome),
    unitOrSchool: member.unitOrSchool || undefined,
  }))
}

function toItems(draft: ApplyDraft) {
  const { medical, education, temporary } = draft
  return {
    living: draft.types.includes('living') ? { reason: draft.living.reason } : undefined,
    medical: draft.types.includes('medical')
      ? {
          patient: num(medical.patient),
          disease: medical.disease,
          hospital: medical.hospital,
          admittedOn: medical.admittedOn,
          dischargedOn: medical.dischargedOn || null,
          totalCost: num(medical.totalCost),
          insurancePaid: num(medical.insurancePaid),
          otherPaid: num(medical.otherPaid),
        }
      : undefined,
    education: draft.types.includes('education')
      ? {
          child: num(education.child),
          stage: orUndefined(education.stage),
          school: education.school,
          major: education.major || undefined,
          lengthYears: num(education.lengthYears),
          yearOfStudy: num(education.yearOfStudy),
          tuition: num(education.tuition),
        }
      : undefined,
    temporary: draft.types.includes('temporary')
      ? {
          eventKind: orUndefined(temporary.eventKind),
          eventOn: temporary.eventOn,
          description: temporary.description,
          losses: num(temporary.losses),
          compensation: num(temporary.compensation),
        }
      : undefined,
  }
}

/** What the form would send (nothing chosen is left out, so the schema asks for it). */
function toApplication(draft: ApplyDraft, proofs: Record<string, string[]>) {
  return {
    unitName: draft.unitName,
    contactPhone: draft.contactPhone,
    migrantWorker: draft.migrantWorker ?? undefined,
    contractMonths: draft.migrantWorker ? (num(draft.contractMonths) ?? null) : null,
    members: toMembers(draft),
    housing: { type: orUndefined(draft.housingType), area: num(draft.housingArea) },
    hukouType: orUndefined(draft.hukouType),
    mainCause: orUndefined(draft.mainCause),
    secondaryCause: orUndefined(draft.secondaryCause) ?? null,
    causeNote: draft.causeNote,
    exclusions: Object.fromEntries(EXCLUSIONS.map((key) => [key, draft.exclusions[key]])),
    items: toItems(draft),
    proofs,
    bank: { bankName: draft.bankName, accountName: draft.accountName, accountNumber: draft.accountNumber },
    pledgeSignature: draft.pledgeSignature,
    pledge: draft.pledge,
    financeCheckConsent: draft.financeCheckConsent,
    sensitiveConsent: draft.sensitiveConsent,
  }
}

const STEPS: ReadonlyArray<FormStep> = [
  { key: 'household', title: '家庭成员', fields: ['members'] },
  {
    key: 'situation',
    title: '家庭情况',
    fields: [
      'unitName',
      'contactPhone',
      'migrantWorker',
      'contractMonths',
      'housing',
      'hukouType',
      'mainCause',
      'secondaryCause',
      'causeNote',
      'exclusions',
    ],
  },
  { key: 'items', title: '申请的帮扶', fields: ['items'] },
  { key: 'proofs', title: '证明材料', fields: ['proofs'] },
  { key: 'payment', title: '收款账户和承诺', fields: ['bank', 'pledgeSignature', 'pledge', 'financeCheckConsent', 'sensitiveConsent'] },
]

const within = (errors: Record<string, string>, prefix: string) =>
  Object.fromEntries(Object.entries(errors).filter(([key]) => key === prefix || key.startsWith(`${prefix}.`)))

/** 申请困难帮扶: five steps, kept on the device as they are typed, sent once. */
export default function ApplyPage() {
  const info = useApi(getHardshipInfo, [])
  return (
    <PageShell className='hs-apply' requireLogin='申请困难帮扶需要先登录，您填写的内容会保存在本机。'>
      <StateView state={info} loadingText='正在读取帮扶标准…'>
        {(data) => (data.member ? <ApplyForm info={data} /> : <NotMember />)}
      </StateView>
    </PageShell>
  )
}

function NotMember() {
  return (
    <View className='lg-card lg-stack'>
      <Text>困难帮扶面向工会会员。请先申请入会，入会后即可申请。</Text>
      <Button kind='primary' onClick={() => void Taro.navigateTo({ url: pages.membership.apply.path })}>
        申请入会
      </Button>
    </View>
  )
}

function ApplyForm({ info }: { info: HardshipInfo }) {
  const resubmitId = useRouter().params.resubmit ?? ''
  const session = useSession()
  const draft = useUserDraft<ApplyDraft>(resubmitId ? `hardship-resubmit-${resubmitId}` : 'hardship-apply', emptyDraft)
  const submission = useSubmission({ storageKey: draftKey(`hardship-apply-key${resubmitId}`, session.user?.id ?? 'anon') })
  const [step, setStep] = useState(0)
  const errors = submission.fieldErrors
  const value = draft.value

  const update = (change: (current: ApplyDraft) => ApplyDraft, field?: string) => {
    draft.update(change)
    if (field) submission.clearFieldError(field)
  }
  const set = <K extends keyof ApplyDraft>(field: K, next: ApplyDraft[K]) => update((current) => ({ ...current, [field]: next }), field)
  const setMember = (index: number, field: keyof MemberDraft, next: string) =>
    update(
      (current) => ({ ...current, members: current.members.map((member, at) => (at === index ? { ...member, [field]: next } : member)) }),
      `members.${index}.${field}`,
    )
  const setItem = <T extends 'living' | 'medical' | 'education' | 'temporary'>(type: T, field: keyof ApplyDraft[T], next: string) =>
    update((current) => ({ ...current, [type]: { ...current[type], [field]: next } }), `items.${type}.${String(field)}`)

  const memberOptions = value.members.map((member, index) => ({ value: String(index), label: member.name || `成员 ${index + 1}` }))
  const incomes = value.members.map((member) => ({ name: member.name, monthlyIncome: Number(member.monthlyIncome) || 0 }))
  const perCapita = perCapitaFen(incomes)
  const suggested = suggestTier({
    perCapitaFen: perCapita,
    dibaoFen: toFen(info.settings.dibaoMonthly),
    causes: [value.mainCause as never, value.secondaryCause as never],
  })
  const slots = proofSlotsFor({
    migrantWorker: value.migrantWorker === true,
    members: incomes,
    items: Object.fromEntries(value.types.map((type) => [type, true])),
  })

  const proofIds = (): { ok: true; ids: Record<string, string[]> } | { ok: false; message: string } => {
    const ids: Record<string, string[]> = {}
    for (const slot of slots) {
      const ready = filesReady(value.proofs[slot.key] ?? [])
      if (!ready.ok) return ready
      if (ready.ids.length) ids[slot.key] = ready.ids
    }
    return { ok: true, ids }
  }

  const checkStep = (index: number): Record<string, string> => {
    const body = toApplication(value, {})
    const key = STEPS[index]!.key
    if (key === 'proofs') {
      const ids = proofIds()
      if (!ids.ok) return { proofs: ids.message }
      const whole = checkWith(HardshipApplication, { ...body, proofs: ids.ids })
      return whole.ok ? {} : within(whole.errors, 'proofs')
    }
    const schema = applicationSteps[key as keyof typeof applicationSteps] as Parameters<typeof checkWith<unknown>>[0]
    const checked = checkWith(schema, body)
    const own = checked.ok ? {} : checked.errors
    if (key === 'household' || key === 'items') {
      const whole = checkWith(HardshipApplication, { ...body, proofs: {} })
      if (!whole.ok) return { ...own, ...within(whole.errors, key === 'household' ? 'members' : 'items') }
    }
    return own
  }

  const next = () => {
    const found = checkStep(step)
    if (Object.keys(found).length) {
      submission.setFieldErrors(found)
      return toast('请按提示修改标红的内容')
    }
    setStep(step + 1)
  }

  const submit = async () => {
    const invalid = firstInvalidStep(STEPS, checkStep)
    if (invalid) {
      setStep(invalid.step)
      submission.setFieldErrors(invalid.errors)
      return toast('请按提示修改标红的内容')
    }
    const ids = proofIds()
    if (!ids.ok) return toast(ids.message)
    const checked = checkWith(HardshipApplication, toApplication(value, ids.ids))
    if (!checked.ok) {
      submission.setFieldErrors(checked.errors)
      return toast('请按提示修改标红的内容')
    }
    const accepted = await requestSubscription('status')
    const send = resubmitId ? resubmitHardshipApplication(resubmitId) : submitHardshipApplication
    const result = await submission.submit({ ...checked.data, subscribeAccepted: accepted }, send)
    if (!result.ok) {
      const back = STEPS.findIndex((candidate) =>
        candidate.fields.some((field) => Object.keys(submission.fieldErrors).some((key) => key.startsWith(field))),
      )
      if (back >= 0) setStep(back)
      return
    }
    draft.discard()
    await keepSubscription(hardshipWorkflow.subject, result.value.id, accepted)
    void Taro.redirectTo({ url: pages.hardship.application.url({ id: result.value.id }) })
  }

  const text = (
    name: string,
    label: string,
    current: string,
    onChange: (next: string) => void,
    extra: {
      type?: 'text' | 'digit' | 'number' | 'idcard'
      placeholder?: string
      hint?: string
      optional?: boolean
      maxLength?: number
    } = {},
  ) => (
    <Field name={name} label={label} hint={extra.hint} error={errors[name]} optional={extra.optional}>
      <TextInput
        value={current}
        type={extra.type === 'idcard' ? 'text' : extra.type}
        placeholder={extra.placeholder}
        maxLength={extra.maxLength ?? 60}
        onChange={onChange}
      />
    </Field>
  )
  const choose = (
    name: string,
    label: string,
    list: ReadonlyArray<{ value: string; label: string }>,
    current: string,
    onChange: (next: string) => void,
    optional?: boolean,
  ) => (
    <Field name={name} label={label} error={errors[name]} optional={optional}>
      <ChoiceChips name={name} options={list} value={current} onChange={onChange} />
    </Field>
  )

  const body = (() => {
    switch (STEPS[step]!.key) {
      case 'household':
        return (
          <Section title='家庭成员（第一位是您本人）'>
            {value.members.map((member, index) => (
              <View key={index} className='hs-apply__member' data-member={index}>
                {text(`members.${index}.name`, '姓名', member.name, (next) => setMember(index, 'name', next), { maxLength: 20 })}
                {index === 0
                  ? null
                  : choose(
                      `members.${index}.relation`,
                      '与您的关系',
                      options.relations.filter((option) => option.value !== 'self'),
                      member.relation,
                      (next) => setMember(index, 'relation', next),
                    )}
                {text(`members.${index}.idNumber`, '身份证号', member.idNumber, (next) => setMember(index, 'idNumber', next), {
                  type: 'idcard',
                  maxLength: 18,
                })}
                {choose(`members.${index}.health`, '健康状况', options.health, member.health, (next) => setMember(index, 'health', next))}
                {member.health !== 'good'
                  ? text(
                      `members.${index}.healthNote`,
                      '病情或残疾情况',
                      member.healthNote,
                      (next) => setMember(index, 'healthNote', next),
                      { optional: true, maxLength: 100 },
                    )
                  : null}
                {choose(`members.${index}.workStatus`, '工作状态', options.workStatuses, member.workStatus, (next) =>
                  setMember(index, 'workStatus', next),
                )}
                {text(
                  `members.${index}.monthlyIncome`,
                  '月收入（元）',
                  member.monthlyIncome,
                  (next) => setMember(index, 'monthlyIncome', next),
                  { type: 'digit', maxLength: 10 },
                )}
                {text(
                  `members.${index}.unitOrSchool`,
                  '工作单位或学校',
                  member.unitOrSchool,
                  (next) => setMember(index, 'unitOrSchool', next),
                  { optional: true },
                )}
                {index > 0 ? (
                  <Button onClick={() => update((current) => ({ ...current, members: current.members.filter((_, at) => at !== index) }))}>
                    删除这位成员
                  </Button>
                ) : null}
              </View>
            ))}
            {errors.members ? <Text className='lg-error'>{errors.members}</Text> : null}
            <Button
              testId='add-member'
              onClick={() => update((current) => ({ ...current, members: [...current.members, blankMember()] }), 'members')}
            >
              添加家庭成员
            </Button>
            <Text className='hs-apply__income' data-testid='per-capita'>
              家庭人均月收入 {formatYuan(perCapita / 100)}（本市低保 {formatYuan(info.settings.dibaoMonthly)}）
              {suggested ? `，参考类型：${tierLabel[suggested]}` : ''}
            </Text>
            <Text className='lg-muted'>收入、健康等信息加密保存，只有审核您申请的工会工作人员能看到。</Text>
          </Section>
        )
      case 'situation':
        return (
          <View>
            <Section title='工作和联系方式'>
              {text('unitName', '工作单位', value.unitName, (next) => set('unitName', next))}
              {text('contactPhone', '手机号', value.contactPhone, (next) => set('contactPhone', next), {
                type: 'number',
                maxLength: 11,
                hint: '入户调查前工会会与您联系',
              })}
              <Field name='migrantWorker' label='是否农民工' error={errors.migrantWorker}>
                <ChoiceChips
                  name='migrantWorker'
                  options={[
                    { value: true, label: '是' },
                    { value: false, label: '否' },
                  ]}
                  value={value.migrantWorker ?? ''}
                  onChange={(next) => set('migrantWorker', next === true)}
                />
              </Field>
              {value.migrantWorker
                ? text('contractMonths', '劳动合同期限（月）', value.contractMonths, (next) => set('contractMonths', next), {
                    type: 'number',
                    maxLength: 3,
                    hint: '需与单位签订一年及以上劳动合同',
                  })
                : null}
            </Section>
            <Section title='住房和户口'>
              {choose('housing.type', '住房类型', options.housingTypes, value.housingType, (next) => set('housingType', next))}
              {text('housing.area', '住房面积（平方米）', value.housingArea, (next) => set('housingArea', next), {
                type: 'digit',
                maxLength: 6,
              })}
              {choose('hukouType', '户口类型', options.hukouTypes, value.hukouType, (next) => set('hukouType', next))}
            </Section>
            <Section title='致困原因'>
              {choose('mainCause', '主要原因', options.causes, value.mainCause, (next) => set('mainCause', next))}
              {choose(
                'secondaryCause',
                '次要原因',
                options.causes,
                value.secondaryCause,
                (next) => set('secondaryCause', next === value.secondaryCause ? '' : next),
                true,
              )}
              <Field name='causeNote' label='家庭困难情况' error={errors.causeNote}>
                <TextArea
                  value={value.causeNote}
                  maxLength={500}
                  size='long'
                  onChange={(next) => set('causeNote', next)}
                  placeholder='例如：妻子患病化疗一年，家里只有我一份工资，孩子读高三。'
                />
              </Field>
            </Section>
            <Section title='以下情况请如实回答'>
              {EXCLUSIONS.map((key) => (
                <Field key={key} name={`exclusions.${key}`} label={exclusionQuestion[key]} error={errors[`exclusions.${key}`]}>
                  <ChoiceChips
                    name={`exclusions.${key}`}
                    options={[
                      { value: false, label: '没有' },
                      { value: true, label: '有' },
                    ]}
                    value={value.exclusions[key] ?? ''}
                    onChange={(next) =>
                      update((current) => ({ ...current, exclusions: { ...current.exclusions, [key]: next } }), `exclusions.${key}`)
                    }
                  />
                </Field>
              ))}
            </Section>
          </View>
        )
      case 'items':
        return (
          <View>
            <Section title='申请哪些帮扶'>
              <Field name='items' label='帮扶类型（可多选）' error={errors.items}>
                <CheckChips name='types' options={options.aidTypes} values={value.types} onChange={(types) => set('types', types)} />
              </Field>
              {info.campaigns.length ? (
                <Text className='lg-notice'>
                  正在进行：{info.campaigns.map((campaign) => campaign.name).join('、')}，符合条件的申请计入活动。
                </Text>
              ) : null}
            </Section>
            {value.types.includes('living') ? (
              <Section title='生活救助'>
                <Field name='items.living.reason' label='申请理由' error={errors['items.living.reason']}>
                  <TextArea value={value.living.reason} maxLength={300} onChange={(next) => setItem('living', 'reason', next)} />
                </Field>
                <Text className='lg-muted'>每户每年不超过 {info.settings.livingCapMonths} 个月低保。</Text>
              </Section>
            ) : null}
            {value.types.includes('medical') ? (
              <Section title='医疗救助'>
                {choose('items.medical.patient', '患者', memberOptions, value.medical.patient, (next) =>
                  setItem('medical', 'patient', next),
                )}
                {text('items.medical.disease', '病种', value.medical.disease, (next) => setItem('medical', 'disease', next))}
                {text('items.medical.hospital', '就诊医院', value.medical.hospital, (next) => setItem('medical', 'hospital', next))}
                {text('items.medical.admittedOn', '入院日期', value.medical.admittedOn, (next) => setItem('medical', 'admittedOn', next), {
                  placeholder: '例如 2026-06-01',
                  maxLength: 10,
                })}
                {text(
                  'items.medical.dischargedOn',
                  '出院日期',
                  value.medical.dischargedOn,
                  (next) => setItem('medical', 'dischargedOn', next),
                  { placeholder: '未出院可不填', optional: true, maxLength: 10 },
                )}
                {text(
                  'items.medical.totalCost',
                  '医疗总费用（元）',
                  value.medical.totalCost,
                  (next) => setItem('medical', 'totalCost', next),
                  { type: 'digit', maxLength: 10 },
                )}
                {text(
                  'items.medical.insurancePaid',
                  '医保报销（元）',
                  value.medical.insurancePaid,
                  (next) => setItem('medical', 'insurancePaid', next),
                  { type: 'digit', maxLength: 10 },
                )}
                {text(
                  'items.medical.otherPaid',
                  '单位或其他渠道已付（元）',
                  value.medical.otherPaid,
                  (next) => setItem('medical', 'otherPaid', next),
                  { type: 'digit', maxLength: 10 },
                )}
              </Section>
            ) : null}
            {value.types.includes('education') ? (
              <Section title='助学'>
                {choose('items.education.child', '就读子女', memberOptions, value.education.child, (next) =>
                  setItem('education', 'child', next),
                )}
                {choose('items.education.stage', '就读阶段', options.schoolStages, value.education.stage, (next) =>
                  setItem('education', 'stage', next),
                )}
                {text('items.education.school', '学校', value.education.school, (next) => setItem('education', 'school', next))}
                {text('items.education.major', '专业', value.education.major, (next) => setItem('education', 'major', next), {
                  optional: true,
                })}
                {text(
                  'items.education.lengthYears',
                  '学制（年）',
                  value.education.lengthYears,
                  (next) => setItem('education', 'lengthYears', next),
                  { type: 'number', maxLength: 1 },
                )}
                {text(
                  'items.education.yearOfStudy',
                  '年级',
                  value.education.yearOfStudy,
                  (next) => setItem('education', 'yearOfStudy', next),
                  { type: 'number', maxLength: 1 },
                )}
                {text(
                  'items.education.tuition',
                  '每年学费（元）',
                  value.education.tuition,
                  (next) => setItem('education', 'tuition', next),
                  { type: 'digit', maxLength: 8 },
                )}
                <Text className='lg-muted'>深度困难家庭每个子女每学年 {formatYuan(info.settings.educationCapDeep)}。</Text>
              </Section>
            ) : null}
            {value.types.includes('temporary') ? (
              <Section title='临时救助'>
                {choose('items.temporary.eventKind', '突发事件', options.eventKinds, value.temporary.eventKind, (next) =>
                  setItem('temporary', 'eventKind', next),
                )}
                {text('items.temporary.eventOn', '发生日期', value.temporary.eventOn, (next) => setItem('temporary', 'eventOn', next), {
                  placeholder: '例如 2026-11-20',
                  maxLength: 10,
                })}
                <Field name='items.temporary.description' label='事件经过' error={errors['items.temporary.description']}>
                  <TextArea
                    value={value.temporary.description}
                    maxLength={500}
                    onChange={(next) => setItem('temporary', 'description', next)}
                  />
                </Field>
                {text('items.temporary.losses', '损失金额（元）', value.temporary.losses, (next) => setItem('temporary', 'losses', next), {
                  type: 'digit',
                  maxLength: 10,
                })}
                {text(
                  'items.temporary.compensation',
                  '已获赔偿或保险（元）',
                  value.temporary.compensation,
                  (next) => setItem('temporary', 'compensation', next),
                  { type: 'digit', maxLength: 10 },
                )}
                <Text className='lg-muted'>每户最多 {info.settings.temporaryMaxPerHousehold} 次，同一原因只能申请一次。</Text>
              </Section>
            ) : null}
          </View>
        )
      case 'proofs':
        return (
          <Section title='证明材料（拍照或选 PDF）'>
            {errors.proofs ? <Text className='lg-error'>{errors.proofs}</Text> : null}
            {slots.map((slot) => (
              <Field
                key={slot.key}
                name={`proofs.${slot.key}`}
                label={slot.label}
                optional={!slot.required}
                error={errors[`proofs.${slot.key}`]}
              >
                <FilePicker
                  items={value.proofs[slot.key] ?? []}
                  max={6}
                  onChange={(change) =>
                    update(
                      (current) => ({ ...current, proofs: { ...current.proofs, [slot.key]: change(current.proofs[slot.key] ?? []) } }),
                      `proofs.${slot.key}`,
                    )
                  }
                />
              </Field>
            ))}
          </Section>
        )
      default:
        return (
          <View>
            <Section title='收款账户'>
              {text('bank.bankName', '开户银行', value.bankName, (next) => set('bankName', next))}
              {text('bank.accountName', '户名', value.accountName, (next) => set('accountName', next), { maxLength: 20 })}
              {text('bank.accountNumber', '银行卡号', value.accountNumber, (next) => set('accountNumber', next), {
                type: 'number',
                maxLength: 30,
                hint: '加密保存，只有发放资金的市帮扶中心能查看完整卡号',
              })}
            </Section>
            <Section title='承诺和授权'>
              <Text className='lg-muted'>
                本人承诺：所填家庭成员、收入、住房和致困原因真实完整，没有隐瞒上面所列情况；如有虚假，愿退回帮扶资金并承担相应责任。
              </Text>
              {text('pledgeSignature', '承诺人签名（填写本人姓名）', value.pledgeSignature, (next) => set('pledgeSignature', next), {
                maxLength: 20,
              })}
              <Field name='pledge' error={errors.pledge}>
                <ConsentBox name='pledge' checked={value.pledge} onChange={(checked) => set('pledge', checked)}>
                  我已阅读并签署承诺书
                </ConsentBox>
              </Field>
              <Field name='financeCheckConsent' error={errors.financeCheckConsent}>
                <ConsentBox name='finance' checked={value.financeCheckConsent} onChange={(checked) => set('financeCheckConsent', checked)}>
                  我授权工会商请民政等部门核对我家庭的收入和财产状况（家庭经济状况核对授权）
                </ConsentBox>
              </Field>
              <Field name='sensitiveConsent' error={errors.sensitiveConsent}>
                <ConsentBox name='sensitive' checked={value.sensitiveConsent} onChange={(checked) => set('sensitiveConsent', checked)}>
                  我单独同意工会为审核帮扶处理家庭成员的身份证号、收入、健康状况和银行账户等敏感个人信息
                </ConsentBox>
              </Field>
            </Section>
          </View>
        )
    }
  })()

  return (
    <View className='lg-body'>
      <StepHeader
        steps={STEPS}
        index={step}
        prefix={resubmitId ? '重新提交 · ' : ''}
        note={draft.restored ? '已恢复您上次没填完的内容。' : undefined}
      />
      {body}
      <StepNav
        index={step}
        total={STEPS.length}
        onBack={() => setStep(step - 1)}
        onNext={next}
        onSubmit={() => void submit()}
        busy={submission.busy}
        submitLabel={resubmitId ? '重新提交' : '提交申请'}
      />
    </View>
  )
}
