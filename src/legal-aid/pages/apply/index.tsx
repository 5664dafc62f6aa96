import Taro from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { fieldErrors } from '@contract/fields'
import { CASE_TYPES, CaseApplication, caseTypeLabel, MAX_ATTACHMENTS, type CaseType } from '@contract/lines/legal-aid'
import { PageShell } from '@/components/page-shell'
import { useDraft } from '@/hooks/useDraft'
import { useSession } from '@/hooks/useSession'
import { submitLegalAidCase } from '@/services/api/legal-aid'
import { toApiError } from '@/services/api-error'
import { newIdempotencyKey } from '@/services/request'
import { goToLogin } from '@/services/session'
import { EvidencePicker, evidenceReady } from '../../shared/EvidencePicker'
import type { EvidenceItem } from '../../shared/evidence'
import { requestSubscription } from '@/services/subscribe'
import '../../shared/shared.css'
import './index.css'
import { draftKey } from '@/services/drafts'

interface ApplyDraft {
  type: CaseType | ''
  description: string
  employerName: string
  employerAddress: string
  amountInvolved: string
  demand: string
  monthlyIncome: string
  contactName: string
  contactPhone: string
  files: EvidenceItem[]
  consent: boolean
  /** Kept with the draft: a retry after a lost answer is recognised by the server. */
  key: string
}

const emptyDraft = (): ApplyDraft => ({
  type: '',
  description: '',
  employerName: '',
  employerAddress: '',
  amountInvolved: '',
  demand: '',
  monthlyIncome: '',
  contactName: '',
  contactPhone: '',
  files: [],
  consent: false,
  key: newIdempotencyKey(),
})

const toNumber = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim()))

function toApplication(draft: ApplyDraft, attachmentIds: string[]) {
  return {
    type: draft.type,
    description: draft.description,
    employerName: draft.employerName,
    employerAddress: draft.employerAddress,
    amountInvolved: toNumber(draft.amountInvolved) ?? null,
    demand: draft.demand,
    monthlyIncome: toNumber(draft.monthlyIncome),
    contactName: draft.contactName,
    contactPhone: draft.contactPhone,
    attachmentIds,
    consent: draft.consent,
  }
}

type TextField = Exclude<keyof ApplyDraft, 'type' | 'files' | 'consent' | 'key'>

/** 申请法律援助: one page, kept on the device as it is typed, sent once. */
export default function ApplyPage() {
  const session = useSession()
  const draft = useDraft<ApplyDraft>(draftKey('legal-aid-apply', session.user?.id ?? 'anon'), emptyDraft())
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)
  const value = draft.value

  if (!session.token) {
    return (
      <PageShell className='apply'>
        <View className='card apply-login'>
          <Text>申请法律援助需要先登录，您填写的内容会保存在本机。</Text>
          <View className='btn btn-primary' onClick={() => goToLogin('/legal-aid/pages/apply/index')}>
            去登录
          </View>
        </View>
      </PageShell>
    )
  }

  const set = (field: TextField) => (event: { detail: { value: string } }) => {
    const next = event.detail.value
    draft.update((current) => ({ ...current, [field]: next }))
    if (errors[field]) setErrors(({ [field]: _gone, ...rest }) => rest)
  }

  const submit = async () => {
    const ready = evidenceReady(value.files)
    if (!ready.ok) {
      setErrors((current) => ({ ...current, attachmentIds: ready.message }))
      void Taro.showToast({ title: ready.message, icon: 'none' })
      return
    }
    const body = toApplication(value, ready.ids)
    const checked = CaseApplication.safeParse(body)
    if (!checked.success) {
      setErrors(fieldErrors(checked.error))
      void Taro.showToast({ title: '请检查标红的内容', icon: 'none' })
      return
    }
    setBusy(true)
    try {
      // Asked from the tap itself, as WeChat requires; the answer never blocks the submission.
      const subscribeAccepted = await requestSubscription('legalAidCase')
      const created = await submitLegalAidCase({ ...checked.data, subscribeAccepted }, value.key)
      draft.discard()
      void Taro.redirectTo({ url: `/legal-aid/pages/case/index?id=${created.id}` })
    } catch (caught) {
      const error = toApiError(caught)
      setErrors(error.fields)
      void Taro.showToast({ title: error.message, icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  const field = (
    name: TextField,
    label: string,
    options: { placeholder?: string; type?: 'text' | 'digit' | 'number'; hint?: string } = {},
  ) => (
    <View className='form-field' data-field={name}>
      <Text className='form-label'>{label}</Text>
      {options.hint ? <Text className='muted'>{options.hint}</Text> : null}
      <Input
        className={`form-input ${errors[name] ? 'field-invalid' : ''}`}
        value={value[name]}
        type={options.type ?? 'text'}
        placeholder={options.placeholder}
        onInput={set(name)}
      />
      {errors[name] ? <Text className='field-error'>{errors[name]}</Text> : null}
    </View>
  )

  return (
    <PageShell className='apply'>
      <View className='apply-intro'>
        <Text className='apply-title'>工会免费法律援助</Text>
        <Text className='muted'>欠薪、劳动合同、工伤、社保等劳动争议，工会法律援助志愿者免费帮您。提交后 7 个工作日内答复是否受理。</Text>
        {draft.restored ? <Text className='muted'>已恢复您上次没填完的内容。</Text> : null}
      </View>

      <Text className='section-title'>遇到了什么问题</Text>
      <View className='card'>
        <View className='form-field' data-field='type'>
          <Text className='form-label'>案件类型</Text>
          <View className='chips'>
            {CASE_TYPES.map((type) => (
              <View
                key={type}
                className={`chip ${value.type === type ? 'chip-on' : ''}`}
                data-type={type}
                onClick={() => {
                  draft.update((current) => ({ ...current, type }))
                  setErrors(({ type: _gone, ...rest }) => rest)
                }}
              >
                {caseTypeLabel[type]}
              </View>
            ))}
          </View>
          {errors.type ? <Text className='field-error'>{errors.type}</Text> : null}
        </View>
        <View className='form-field' data-field='description'>
          <Text className='form-label'>事情经过</Text>
          <Text className='muted'>
            写清楚：在哪里干活、干了多久、每月工资多少、发生了什么事、对方怎么说。写得越清楚，越快帮到您（至少 30 个字）。
          </Text>
          <Textarea
            className={`form-textarea ${errors.description ? 'field-invalid' : ''}`}
            value={value.description}
            maxlength={2000}
            placeholder='例如：我 2026 年 3 月进厂做操作工，每月工资 5000 元，老板从 8 月起没发工资……'
            onInput={set('description')}
          />
          <Text className='muted apply-count'>{value.description.trim().length}/2000</Text>
          {errors.description ? <Text className='field-error'>{errors.description}</Text> : null}
        </View>
        {field('demand', '您的诉求', { placeholder: '例如：要回拖欠的工资' })}
        {field('amountInvolved', '涉案金额（元，可不填）', { type: 'digit', placeholder: '例如：18000' })}
      </View>

      <Text className='section-title'>用人单位</Text>
      <View className='card'>
        {field('employerName', '单位名称', { placeholder: '营业执照或工资条上的名称' })}
        {field('employerAddress', '单位地址', { placeholder: '例如：海州区朝阳东路 8 号' })}
      </View>

      <Text className='section-title'>您的情况</Text>
      <View className='card'>
        {field('monthlyIncome', '月收入（元）', {
          type: 'digit',
          hint: '用于判断是否符合法律援助条件，加密保存，只有法律援助工作人员能看到。',
        })}
        {field('contactName', '联系人姓名')}
        {field('contactPhone', '手机号', { type: 'number', placeholder: '律师会通过这个号码联系您' })}
      </View>

      <Text className='section-title'>证据材料</Text>
      <View className='card'>
        <Text className='muted apply-evidence-hint'>劳动合同、工资条、考勤记录、聊天记录截图、工伤病历等，拍照或选 PDF 文件。</Text>
        <EvidencePicker
          items={value.files}
          onChange={(update) => draft.update((current) => ({ ...current, files: update(current.files) }))}
          max={MAX_ATTACHMENTS}
          error={errors.attachmentIds}
        />
      </View>

      <View className='card apply-consent' data-field='consent'>
        <View
          className='apply-consent-row'
          onClick={() => {
            draft.update((current) => ({ ...current, consent: !current.consent }))
            setErrors(({ consent: _gone, ...rest }) => rest)
          }}
        >
          <View className={`apply-checkbox ${value.consent ? 'apply-checkbox-on' : ''}`}>{value.consent ? '✓' : ''}</View>
          <Text>我同意工会为办理本案处理我的案情、收入和联系方式，并提供给承办律师。</Text>
        </View>
        {errors.consent ? <Text className='field-error'>{errors.consent}</Text> : null}
      </View>

      <View className='btn-block'>
        <Button className='apply-submit' type='primary' block size='large' loading={busy} disabled={busy} onClick={() => void submit()}>
          提交申请
        </Button>
      </View>
    </PageShell>
  )
}
