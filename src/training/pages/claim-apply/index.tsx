import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  SUBSIDY_AMOUNT_YUAN,
  SUBSIDY_KINDS,
  subsidyKindLabel,
  SubsidyClaimBody,
  claimWindowEnds,
  type SubsidyKind,
} from '@contract/lines/training'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { FilePicker, filesReady, type FileItem } from '@/components/files'
import { checkWith, ChoiceChips, ConsentBox, Field, TextInput } from '@/components/form'
import { PageShell } from '@/components/page-shell'
import { Section } from '@/components/section'
import { useUserDraft } from '@/hooks/useDraft'
import { useSession } from '@/hooks/useSession'
import { useSubmission } from '@/hooks/useSubmission'
import { toast } from '@/services/dialogs'
import { draftKey } from '@/services/drafts'
import { submitSubsidyClaim } from '../../api'

interface ClaimDraft {
  kind: SubsidyKind | null
  certificateName: string
  certificateNo: string
  certificateDate: string
  employer: string
  socialInsuranceMonths: string
  frontLine: boolean
  manufacturing: boolean
  declaration: boolean
  files: FileItem[]
}

const emptyDraft: ClaimDraft = {
  kind: null,
  certificateName: '',
  certificateNo: '',
  certificateDate: '',
  employer: '',
  socialInsuranceMonths: '',
  frontLine: false,
  manufacturing: false,
  declaration: false,
  files: [],
}

const kindOptions = SUBSIDY_KINDS.map((value) => ({ value, label: `${subsidyKindLabel[value]} ${SUBSIDY_AMOUNT_YUAN[value]} 元` }))

/** 申请培训补贴: the certificate, the eligibility declared, the proof files; kept on the device until sent. */
export default function ClaimApplyPage() {
  return (
    <PageShell className='tr-claim-apply' requireLogin='申请培训补贴需要先登录'>
      <ClaimForm />
    </PageShell>
  )
}

function ClaimForm() {
  const session = useSession()
  const draft = useUserDraft<ClaimDraft>('training-claim', emptyDraft)
  const submission = useSubmission({ storageKey: draftKey('training-claim-key', session.user?.id ?? 'anon') })
  const errors = submission.fieldErrors
  const value = draft.value
  const set = <K extends Exclude<keyof ClaimDraft, 'files'>>(field: K, next: ClaimDraft[K]) => {
    draft.update((current) => ({ ...current, [field]: next }))
    submission.clearFieldError(field)
  }

  const submit = async () => {
    const ready = filesReady(value.files)
    if (!ready.ok) {
      submission.setFieldErrors({ attachmentIds: ready.message })
      return toast(ready.message)
    }
    const { files: _files, socialInsuranceMonths, ...rest } = value
    const checked = checkWith(SubsidyClaimBody, {
      ...rest,
      socialInsuranceMonths: Number(socialInsuranceMonths) || undefined,
      attachmentIds: ready.ids,
    })
    if (!checked.ok) {
      submission.setFieldErrors(checked.errors)
      return toast('请按提示修改标红的内容')
    }
    const result = await submission.submit(checked.data, submitSubsidyClaim)
    if (!result.ok) return
    draft.discard()
    void Taro.redirectTo({ url: pages.training.claim.url({ id: result.value.id }) })
  }

  const text = (name: 'certificateName' | 'certificateNo' | 'employer', label: string, maxLength: number, placeholder?: string) => (
    <Field name={name} label={label} error={errors[name]}>
      <TextInput value={value[name]} onChange={(next) => set(name, next)} maxLength={maxLength} placeholder={placeholder} />
    </Field>
  )

  return (
    <View className='lg-body'>
      {draft.restored ? <Text className='lg-notice'>已恢复您上次没填完的内容</Text> : null}
      <Section title='补贴类别'>
        <Field name='kind' error={errors.kind}>
          <ChoiceChips name='kind' options={kindOptions} value={value.kind} onChange={(next) => set('kind', next)} />
        </Field>
      </Section>
      <Section title='证书'>
        {text('certificateName', '证书或学历名称', 60, '如：焊工（中级）职业技能等级证书')}
        {text('certificateNo', '证书编号', 40)}
        <Field
          name='certificateDate'
          label='发证日期'
          error={errors.certificateDate}
          hint={
            /^\d{4}-\d{2}-\d{2}$/.test(value.certificateDate)
              ? `须在 ${claimWindowEnds(value.certificateDate)} 前申请`
              : '格式如 2026-09-15，须在发证后 6 个月内申请'
          }
        >
          <TextInput
            value={value.certificateDate}
            onChange={(next) => set('certificateDate', next)}
            maxLength={10}
            placeholder='2026-09-15'
          />
        </Field>
      </Section>
      <Section title='申请条件'>
        {text('employer', '工作单位', 60)}
        <Field name='socialInsuranceMonths' label='连续缴纳社保月数' error={errors.socialInsuranceMonths}>
          <TextInput
            type='number'
            value={value.socialInsuranceMonths}
            onChange={(next) => set('socialInsuranceMonths', next)}
            maxLength={3}
          />
        </Field>
        <Field name='frontLine' error={errors.frontLine}>
          <ConsentBox name='front-line' checked={value.frontLine} onChange={(checked) => set('frontLine', checked)}>
            我是企业一线职工
          </ConsentBox>
        </Field>
        <Field name='manufacturing' error={errors.manufacturing}>
          <ConsentBox name='manufacturing' checked={value.manufacturing} onChange={(checked) => set('manufacturing', checked)}>
            我所在企业属于制造业
          </ConsentBox>
        </Field>
      </Section>
      <Text className='lg-section-title'>证明材料</Text>
      <View className='lg-card' data-field='attachmentIds'>
        <Text className='lg-muted'>证书照片、社保缴费证明（拍照或 PDF）。</Text>
        <FilePicker
          items={value.files}
          onChange={(update) => {
            draft.update((current) => ({ ...current, files: update(current.files) }))
            submission.clearFieldError('attachmentIds')
          }}
          error={errors.attachmentIds}
        />
      </View>
      <View className='lg-card'>
        <Field name='declaration' error={errors.declaration}>
          <ConsentBox name='declaration' checked={value.declaration} onChange={(checked) => set('declaration', checked)}>
            以上情况属实，我同意工会为审核补贴处理我的证书和社保信息。
          </ConsentBox>
        </Field>
      </View>
      <Button kind='primary' block busy={submission.busy} busyText='正在提交…' onClick={() => void submit()}>
        提交申请
      </Button>
    </View>
  )
}
