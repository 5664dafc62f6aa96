import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  DISTRICTS,
  districtLabel,
  MERCHANT_CATEGORIES,
  merchantCategoryLabel,
  merchantWorkflow,
  MerchantApplicationInput,
  type District,
  type MerchantCategory,
  type MyMerchantApplications,
} from '@contract/lines/benefits'
import { Button } from '@/components/button'
import { FilePicker, filesReady, type FileItem } from '@/components/files'
import { CheckChips, checkWith, ChoiceChips, ConsentBox, Field, TextArea, TextInput } from '@/components/form'
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
import '../benefits.css'

interface ApplyDraft {
  name: string
  category: MerchantCategory | ''
  district: District | ''
  address: string
  lat: string
  lng: string
  phone: string
  days: string[]
  opens: string
  closes: string
  cardPayPercent: string
  creditCode: string
  contactName: string
  contactPhone: string
  proposedOffers: string
  licences: FileItem[]
  consent: boolean
}
const emptyDraft: ApplyDraft = {
  name: '',
  category: '',
  district: '',
  address: '',
  lat: '',
  lng: '',
  phone: '',
  days: ['1', '2', '3', '4', '5', '6', '7'],
  opens: '09:00',
  closes: '21:00',
  cardPayPercent: '',
  creditCode: '',
  contactName: '',
  contactPhone: '',
  proposedOffers: '',
  licences: [],
  consent: false,
}
const weekdays = ['一', '二', '三', '四', '五', '六', '日'].map((name, index) => ({ value: String(index + 1), label: `周${name}` }))
type TextField =
  'name' | 'address' | 'lat' | 'lng' | 'phone' | 'opens' | 'closes' | 'cardPayPercent' | 'creditCode' | 'contactName' | 'contactPhone'

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
                      <Text className='bn-tag'>{merchantWorkflow.statusLabel[item.status]}</Text>
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
  const pick = async () => {
    try {
      const place = await Taro.chooseLocation({})
      draft.update((current) => ({
        ...current,
        lat: place.latitude.toFixed(6),
        lng: place.longitude.toFixed(6),
        address: current.address || place.address,
      }))
    } catch {
      toast('未选择位置，可直接填写经纬度')
    }
  }
  const submit = async () => {
    const ready = filesReady(value.licences)
    if (!ready.ok) {
      submission.setFieldErrors({ licenceIds: ready.message })
      return toast(ready.message)
    }
    const checked = checkWith(MerchantApplicationInput, {
      name: value.name,
      category: value.category || undefined,
      district: value.district || undefined,
      address: value.address,
      lat: value.lat ? Number(value.lat) : undefined,
      lng: value.lng ? Number(value.lng) : undefined,
      phone: value.phone,
      hours: { days: value.days.map(Number), opens: value.opens, closes: value.closes },
      cardPayPercent: value.cardPayPercent ? Number(value.cardPayPercent) : null,
      creditCode: value.creditCode,
      licenceIds: ready.ids,
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
    <Field
      name={name}
      label={label}
      hint={options.hint}
      error={errors[name] ?? (name === 'opens' || name === 'closes' ? errors[`hours.${name}`] : undefined)}
      optional={options.optional}
    >
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
        {text('name', '店铺名称', { maxLength: 30 })}
        <Field label='类别' name='category' error={errors.category}>
          <ChoiceChips
            name='category'
            value={value.category || undefined}
            onChange={(next) => set('category', next)}
            options={MERCHANT_CATEGORIES.map((entry) => ({ value: entry, label: merchantCategoryLabel[entry] }))}
          />
        </Field>
        <Field label='所在区县' name='district' error={errors.district}>
          <ChoiceChips
            name='district'
            value={value.district || undefined}
            onChange={(next) => set('district', next)}
            options={DISTRICTS.map((entry) => ({ value: entry, label: districtLabel[entry] }))}
          />
        </Field>
        {text('address', '详细地址', { maxLength: 80 })}
        {process.env.TARO_ENV === 'weapp' ? <Button onClick={() => void pick()}>在地图上选择位置</Button> : null}
        {text('lat', '纬度', { maxLength: 12, type: 'digit', hint: '在地图上选择后自动填写，也可手动填写，如 34.5967' })}
        {text('lng', '经度', { maxLength: 12, type: 'digit', placeholder: '如 119.1793' })}
        {text('phone', '店铺电话', { maxLength: 14, placeholder: '如 0518-85812345' })}
        <Field label='营业日' name='hours.days' error={errors['hours.days']}>
          <CheckChips name='days' values={value.days} onChange={(next) => set('days', next)} options={weekdays} />
        </Field>
        {text('opens', '开门时间', { maxLength: 5, placeholder: '09:00' })}
        {text('closes', '打烊时间', { maxLength: 5, placeholder: '21:00', hint: '早于开门时间表示营业到次日，如 18:00 开门、02:00 打烊' })}
        {text('cardPayPercent', '会员卡折扣（选填）', {
          maxLength: 2,
          type: 'number',
          optional: true,
          hint: '凭电子会员卡的常设折扣，如 88 表示 8.8 折',
        })}
        {text('creditCode', '统一社会信用代码', { maxLength: 18 })}
        <Field label='营业执照' name='licenceIds' error={errors.licenceIds}>
          <FilePicker
            items={value.licences}
            max={3}
            onChange={(update) => draft.update((current) => ({ ...current, licences: update(current.licences) }))}
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
