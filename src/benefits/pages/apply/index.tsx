import { Text, View } from '@tarojs/components'
import { merchantWorkflow, MerchantApplicationInput, type MyMerchantApplications } from '@contract/lines/benefits'
import { Button } from '@/components/button'
import { FilePicker, filesReady, type FileItem } from '@/components/files'
import { checkWith, ConsentBox, Field, TextArea, TextInput } from '@/components/form'
import { PageShell } from '@/components/page-shell'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { useUserDraft } from '@/hooks/useDraft'
import { useSession } from '@/hooks/useSession'
import { useSubmission } from '@/hooks/useSubmission'
import { toast } from '@/services/dialogs'
import { draftKey } from '@/services/drafts'
import { applyAsMerchant, listMyApplications } from '../../api'
import { emptyProfile, profileBody, ProfileFields, type ProfileDraft } from '../../profile-fields'
import '../benefits.css'

interface ApplyDraft extends ProfileDraft {
  creditCode: string
  contactName: string
  contactPhone: string
  proposedOffers: string
  licences: FileItem[]
  photos: FileItem[]
  consent: boolean
}
const emptyDraft: ApplyDraft = {
  ...emptyProfile,
  creditCode: '',
  contactName: '',
  contactPhone: '',
  proposedOffers: '',
  licences: [],
  photos: [],
  consent: false,
}
type TextField = 'creditCode' | 'contactName' | 'contactPhone'

/** 商户加盟申请: anyone logged in applies for their shop; staff review and sign. The applications already sent are listed first. */
export default function MerchantApplyPage() {
  const mine = useApi<MyMerchantApplications>(listMyApplications, [])
  return (
    <PageShell className='bn-apply' onRefresh={mine.reload} requireLogin='申请加盟需要先登录'>
      <View className='lg-body'>
        <StateView state={mine} loadingText='正在读取…'>
          {(data) =>
            data.items.length ? (
              <Section title='我的加盟申请'>
                {data.items.map((item) => (
                  <View key={item.id} className='lg-card lg-stack' data-application={item.id}>
                    <View className='bn-row'>
                      <Text className='lg-tag'>{merchantWorkflow.statusLabel[item.status]}</Text>
                      <Text className='lg-card__title'>{item.name}</Text>
                    </View>
                    <Text>{item.nextStep}</Text>
                    {item.decisionReason ? <Text className='lg-muted'>原因：{item.decisionReason}</Text> : null}
                  </View>
                ))}
              </Section>
            ) : null
          }
        </StateView>
        <ApplyForm onSent={() => void mine.reload()} />
      </View>
    </PageShell>
  )
}

function ApplyForm({ onSent }: { onSent: () => void }) {
  const session = useSession()
  const draft = useUserDraft<ApplyDraft>('benefits-apply', emptyDraft)
  const submission = useSubmission({ storageKey: draftKey('benefits-apply-key', session.user?.id ?? 'anon') })
  const errors = submission.fieldErrors
  const value = draft.value
  const set = <K extends keyof ApplyDraft>(field: K, next: ApplyDraft[K]) => {
    draft.update((current) => ({ ...current, [field]: next }))
    submission.clearFieldError(String(field))
  }
  const submit = async () => {
    const ready = filesReady(value.licences)
    if (!ready.ok) {
      submission.setFieldErrors({ licenceIds: ready.message })
      return toast(ready.message)
    }
    const photos = filesReady(value.photos)
    if (!photos.ok) {
      submission.setFieldErrors({ photoIds: photos.message })
      return toast(photos.message)
    }
    const checked = checkWith(MerchantApplicationInput, {
      ...profileBody(value),
      creditCode: value.creditCode,
      licenceIds: ready.ids,
      photoIds: photos.ids.length ? photos.ids : undefined,
      contactName: value.contactName,
      contactPhone: value.contactPhone,
      proposedOffers: value.proposedOffers,
      consent: value.consent,
    })
    if (!checked.ok) {
      submission.setFieldErrors(checked.errors)
      return toast('请按提示修改标红的内容')
    }
    const result = await submission.submit(checked.data, applyAsMerchant)
    if (!result.ok) return
    draft.discard()
    toast('已提交，请等待审核')
    onSent()
  }
  const text = (
    name: TextField,
    label: string,
    options: { maxLength: number; placeholder?: string; type?: 'text' | 'digit' | 'number'; hint?: string; optional?: boolean },
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
    <Section title='申请成为合作商户'>
      <View className='lg-card lg-stack'>
        {draft.restored ? <Text className='lg-muted'>已恢复您上次没填完的内容。</Text> : null}
        <ProfileFields value={value} errors={errors} set={set} merge={(change) => draft.update(change)} />
        {text('creditCode', '统一社会信用代码', { maxLength: 18 })}
        <Field label='营业执照' name='licenceIds' error={errors.licenceIds}>
          <FilePicker
            items={value.licences}
            max={3}
            onChange={(update) => draft.update((current) => ({ ...current, licences: update(current.licences) }))}
          />
        </Field>
        <Field label='店铺照片' name='photoIds' optional error={errors.photoIds} hint='门头和店内照片，开通后展示给会员，最多 6 张'>
          <FilePicker
            items={value.photos}
            max={6}
            allowPdf={false}
            onChange={(update) => draft.update((current) => ({ ...current, photos: update(current.photos) }))}
          />
        </Field>
        {text('contactName', '联系人姓名', { maxLength: 20 })}
        {text('contactPhone', '联系人手机号', { maxLength: 11, type: 'number' })}
        <Field label='拟提供的会员优惠' name='proposedOffers' error={errors.proposedOffers}>
          <TextArea
            value={value.proposedOffers}
            onChange={(next) => set('proposedOffers', next)}
            maxLength={300}
            placeholder='如：会员凭卡 9 折；每月 50 张 20 元理发代金券'
          />
        </Field>
        <ConsentBox name='consent' checked={value.consent} onChange={(next) => set('consent', next)}>
          我已阅读并同意《加盟商户服务协议》和个人信息处理说明：联系人信息仅用于审核和联系，加密保存。
        </ConsentBox>
        {errors.consent ? <Text className='bn-error'>{errors.consent}</Text> : null}
        <Button kind='primary' block busy={submission.busy} busyText='正在提交…' onClick={() => void submit()}>
          提交申请
        </Button>
      </View>
    </Section>
  )
}
