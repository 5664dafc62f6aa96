import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CASE_TYPES, CaseApplication, caseTypeLabel, legalAidWorkflow, type CaseType } from '@contract/lines/legal-aid'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { FilePicker, filesReady, type FileItem } from '@/components/files'
import { checkWith, ChoiceChips, ConsentBox, Field, TextArea, TextInput } from '@/components/form'
import { Section } from '@/components/section'
import { PageShell } from '@/components/page-shell'
import { useUserDraft } from '@/hooks/useDraft'
import { useSession } from '@/hooks/useSession'
import { useSubmission } from '@/hooks/useSubmission'
import { draftKey } from '@/services/drafts'
import { toast } from '@/services/dialogs'
import { keepSubscription, requestSubscription } from '@/services/subscribe'
import { submitLegalAidCase } from '../../api'
import './index.css'

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
  files: FileItem[]
  consent: boolean
}

const emptyDraft: ApplyDraft = {
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
}

const toNumber = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim()))

/** What the form would send: nothing chosen is left out, so the schema asks to choose it. */
function toApplication(draft: ApplyDraft, attachmentIds: string[]) {
  return {
    type: draft.type || undefined,
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

type TextField =
  'description' | 'employerName' | 'employerAddress' | 'amountInvolved' | 'demand' | 'monthlyIncome' | 'contactName' | 'contactPhone'

const TYPE_OPTIONS = CASE_TYPES.map((type) => ({ value: type, label: caseTypeLabel[type] }))

/** 申请法律援助: one page, kept on the device as it is typed, sent once. */
export default function ApplyPage() {
  return (
    <PageShell className='la-apply' requireLogin='申请法律援助需要先登录，您填写的内容会保存在本机。'>
      <ApplyForm />
    </PageShell>
  )
}

function ApplyForm() {
  const session = useSession()
  const draft = useUserDraft<ApplyDraft>('legal-aid-apply', emptyDraft)
  // Kept on the device: an answer lost to a dropped connection is recognised when the worker taps again.
  const submission = useSubmission({ storageKey: draftKey('legal-aid-apply-key', session.user?.id ?? 'anon') })
  const errors = submission.fieldErrors
  const value = draft.value

  const set = <K extends Exclude<keyof ApplyDraft, 'files'>>(field: K, next: ApplyDraft[K]) => {
    draft.update((current) => ({ ...current, [field]: next }))
    submission.clearFieldError(field)
  }

  const submit = async () => {
    const ready = filesReady(value.files)
    if (!ready.ok) {
      submission.setFieldErrors({ attachmentIds: ready.message })
      return toast(ready.message)
    }
    const checked = checkWith(CaseApplication, toApplication(value, ready.ids))
    if (!checked.ok) {
      submission.setFieldErrors(checked.errors)
      return toast('请按提示修改标红的内容')
    }
    // Asked from the tap itself, as WeChat requires; the answer never blocks the submission.
    const accepted = await requestSubscription('legal_aid')
    const result = await submission.submit(checked.data, submitLegalAidCase)
    if (!result.ok) return
    draft.discard()
    await keepSubscription(legalAidWorkflow.subject, result.value.id, accepted)
    void Taro.redirectTo({ url: pages.legalAid.case.url({ id: result.value.id }) })
  }

  const text = (
    name: TextField,
    label: string,
    options: { placeholder?: string; type?: 'text' | 'digit' | 'number'; hint?: string; maxLength: number; optional?: boolean },
  ) => (
    <Field name={name} label={label} hint={options.hint} error={errors[name]} optional={options.optional}>
      <TextInput
        value={value[name]}
        type={options.type}
        placeholder={options.placeholder}
        maxLength={options.maxLength}
        onChange={(next) => set(name, next)}
      />
    </Field>
  )

  return (
    <View>
      <View className='la-apply__intro'>
        <Text className='la-apply__title'>工会免费法律援助</Text>
        <Text className='lg-muted'>
          欠薪、劳动合同、工伤、社保等劳动争议，工会法律援助志愿者免费帮您。提交后 7 个工作日内答复是否受理。
        </Text>
        {draft.restored ? <Text className='lg-muted'>已恢复您上次没填完的内容。</Text> : null}
      </View>

      <Section title='遇到了什么问题'>
        <Field name='type' label='案件类型' error={errors.type}>
          <ChoiceChips name='type' options={TYPE_OPTIONS} value={value.type} onChange={(type) => set('type', type)} />
        </Field>
        <Field
          name='description'
          label='事情经过'
          hint='写清楚：在哪里干活、干了多久、每月工资多少、发生了什么事、对方怎么说。写得越清楚，越快帮到您（至少 30 个字）。'
          error={errors.description}
        >
          <TextArea
            size='long'
            value={value.description}
            maxLength={2000}
            placeholder='例如：我 2026 年 3 月进厂做操作工，每月工资 5000 元，老板从 8 月起没发工资……'
            onChange={(next) => set('description', next)}
          />
        </Field>
        {text('demand', '您的诉求', { placeholder: '例如：要回拖欠的工资', maxLength: 500 })}
        {text('amountInvolved', '涉案金额（元）', { type: 'digit', placeholder: '例如：18000', maxLength: 12, optional: true })}
      </Section>

      <Section title='用人单位'>
        {text('employerName', '单位名称', { placeholder: '营业执照或工资条上的名称', maxLength: 60 })}
        {text('employerAddress', '单位地址', { placeholder: '例如：海州区朝阳东路 8 号', maxLength: 120 })}
      </Section>

      <Section title='您的情况'>
        {text('monthlyIncome', '月收入（元）', {
          type: 'digit',
          hint: '用于判断是否符合法律援助条件，加密保存，只有法律援助工作人员能看到。',
          maxLength: 10,
        })}
        {text('contactName', '联系人姓名', { maxLength: 20 })}
        {text('contactPhone', '手机号', { type: 'number', placeholder: '律师会通过这个号码联系您', maxLength: 11 })}
      </Section>

      <Text className='lg-section-title'>证据材料</Text>
      <View className='lg-card' data-field='attachmentIds'>
        <Text className='lg-muted la-apply__files-hint'>劳动合同、工资条、考勤记录、聊天记录截图、工伤病历等，拍照或选 PDF 文件。</Text>
        <FilePicker
          items={value.files}
          onChange={(update) => {
            // Uploads report progress one after another: each change applies to the latest list.
            draft.update((current) => ({ ...current, files: update(current.files) }))
            submission.clearFieldError('attachmentIds')
          }}
          error={errors.attachmentIds}
        />
      </View>

      <View className='lg-card'>
        <Field name='consent' error={errors.consent}>
          <ConsentBox name='legal-aid' checked={value.consent} onChange={(checked) => set('consent', checked)}>
            我同意工会为办理本案处理我的案情、收入和联系方式，并提供给承办律师。
          </ConsentBox>
        </Field>
      </View>

      <Button
        kind='primary'
        block
        className='la-apply__submit'
        testId='apply-submit'
        busy={submission.busy}
        busyText='正在提交…'
        onClick={() => void submit()}
      >
        提交申请
      </Button>
    </View>
  )
}
