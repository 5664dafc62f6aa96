import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { useState } from 'react'
import {
  districtLabel,
  MerchantProfileInput,
  merchantCategoryLabel,
  merchantWorkflow,
  type MerchantDecision,
  type StaffMerchantDetail,
} from '@contract/lines/benefits'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { FactList } from '@/components/fact-list'
import { checkWith, Field, TextInput } from '@/components/form'
import { RecordPage } from '@/components/page-shell'
import { Section } from '@/components/section'
import { Timeline } from '@/components/timeline'
import { useUserDraft } from '@/hooks/useDraft'
import { useSubmission } from '@/hooks/useSubmission'
import { confirm, tell, toast } from '@/services/dialogs'
import { formatDate } from '@/services/format'
import { createCashierInvite, decideMerchant, editMerchantProfile, getStaffMerchant } from '../../api'
import { payPercentText } from '../../parts'
import { profileBody, ProfileFields, type ProfileDraft } from '../../profile-fields'
import '../benefits.css'

const needsReason: MerchantDecision[] = ['reject', 'suspend', 'remove']

/** A merchant for union staff: the application and licence, contract, cashiers, offers, history, and the next decisions. */
export default function StaffMerchantPage() {
  return (
    <RecordPage className='bn-staff-merchant' load={getStaffMerchant} loadingText='正在读取商户…' requireLogin='请先登录'>
      {(merchant, reload) => <Detail merchant={merchant} reload={reload} />}
    </RecordPage>
  )
}

function Detail({ merchant, reload }: { merchant: StaffMerchantDetail; reload: () => Promise<void> }) {
  const submission = useSubmission({ reload })
  const [reason, setReason] = useState('')
  const [contractNo, setContractNo] = useState('')
  const [startsOn, setStartsOn] = useState('')
  const [endsOn, setEndsOn] = useState('')
  const [inviting, setInviting] = useState(false)

  const act = async (action: MerchantDecision) => {
    if (needsReason.includes(action) && reason.trim().length < 2) {
      submission.setFieldErrors({ reason: '请填写原因，商户会收到' })
      return
    }
    const label = merchantWorkflow.actionLabel[action]
    if (
      !(await confirm({
        title: label,
        content: `确定对“${merchant.name}”${label}？`,
        confirmText: label,
        danger: needsReason.includes(action),
      }))
    )
      return
    const body =
      action === 'sign'
        ? { contractNo, contractStartsOn: startsOn, contractEndsOn: endsOn }
        : needsReason.includes(action)
          ? { reason }
          : {}
    const result = await submission.submit(body, (payload, key) => decideMerchant(merchant.id, action, payload, key), action)
    if (result.ok) {
      toast(`已${label}`)
      setReason('')
      void reload()
    }
  }
  const invite = async () => {
    setInviting(true)
    try {
      const made = await createCashierInvite(merchant.id, merchant.cashierRole)
      tell('收银员邀请码', `${made.code}\n请交给商户的收银员，在“我的 → 工作人员邀请码”中输入，7 天内有效。`)
    } catch (error) {
      toast((error as Error).message)
    } finally {
      setInviting(false)
    }
  }

  return (
    <View className='lg-body'>
      <View className='lg-card lg-stack'>
        <View className='bn-row'>
          <Text className='lg-tag'>{merchantWorkflow.statusLabel[merchant.status]}</Text>
          <Text className='lg-card__title'>{merchant.name}</Text>
        </View>
        <FactList
          facts={[
            { label: '类别', value: merchantCategoryLabel[merchant.category] },
            { label: '地址', value: `${districtLabel[merchant.district]} ${merchant.address}` },
            { label: '店铺电话', value: merchant.phone },
            { label: '统一社会信用代码', value: merchant.creditCode },
            { label: '联系人', value: `${merchant.contactName} ${merchant.contactPhone}` },
            { label: '申请人', value: merchant.applicantName },
            { label: '会员卡折扣', value: merchant.cardPayPercent ? payPercentText(merchant.cardPayPercent) : '无' },
            { label: '拟提供优惠', value: merchant.proposedOffers, wide: true },
            merchant.contractNo
              ? {
                  label: '协议',
                  value: `${merchant.contractNo}（${formatDate(merchant.contractStartsOn!)} 至 ${formatDate(merchant.contractEndsOn!)}）`,
                }
              : null,
            merchant.decisionReason ? { label: '原因', value: merchant.decisionReason } : null,
          ]}
        />
        {merchant.licences.map((file) => (
          <Image
            key={file.id}
            src={file.url}
            mode='widthFix'
            style={{ width: '100%' }}
            imgProps={{ alt: '营业执照' }}
            onClick={() => void Taro.previewImage({ urls: [file.url] })}
          />
        ))}
      </View>
      {merchant.actions.length ? (
        <Section title='办理'>
          <View className='lg-card lg-stack'>
            {merchant.actions.includes('sign') ? (
              <View className='lg-stack'>
                <Field label='协议编号' name='contractNo' error={submission.fieldErrors.contractNo}>
                  <TextInput value={contractNo} onChange={setContractNo} maxLength={30} />
                </Field>
                <Field label='协议开始日期（YYYY-MM-DD）' name='contractStartsOn' error={submission.fieldErrors.contractStartsOn}>
                  <TextInput value={startsOn} onChange={setStartsOn} maxLength={10} placeholder='2026-12-01' />
                </Field>
                <Field label='协议结束日期（YYYY-MM-DD）' name='contractEndsOn' error={submission.fieldErrors.contractEndsOn}>
                  <TextInput value={endsOn} onChange={setEndsOn} maxLength={10} placeholder='2027-11-30' />
                </Field>
              </View>
            ) : null}
            {merchant.actions.some((action) => needsReason.includes(action)) ? (
              <Field label='原因（驳回、暂停、清退时必填，商户会收到）' name='reason' error={submission.fieldErrors.reason}>
                <TextInput value={reason} onChange={(value) => (setReason(value), submission.clearFieldError('reason'))} maxLength={200} />
              </Field>
            ) : null}
            <View className='bn-row'>
              {merchant.actions.map((action) => (
                <Button
                  key={action}
                  kind={needsReason.includes(action) ? 'danger' : 'primary'}
                  busy={submission.busy}
                  onClick={() => void act(action)}
                >
                  {merchantWorkflow.actionLabel[action]}
                </Button>
              ))}
            </View>
          </View>
        </Section>
      ) : null}
      {merchant.status !== 'removed' && merchant.status !== 'rejected' ? <ProfileEditor merchant={merchant} reload={reload} /> : null}
      <Section title={`收银员（${merchant.cashiers.length}）`}>
        <View className='lg-card lg-stack'>
          {merchant.cashiers.map((cashier) => (
            <Text key={cashier.userId}>
              {cashier.name} · {formatDate(cashier.since)} 起
            </Text>
          ))}
          {merchant.canInvite ? (
            <Button busy={inviting} onClick={() => void invite()}>
              生成收银员邀请码
            </Button>
          ) : (
            <Text className='lg-muted'>签约后可邀请收银员</Text>
          )}
        </View>
      </Section>
      <Section title={`优惠（${merchant.offers.length}）`}>
        <View className='lg-card lg-stack'>
          {merchant.offers.map((offer) => (
            <Text key={offer.id}>
              {offer.title} · {offer.summary} · 已领 {offer.claimed}/{offer.stock}
            </Text>
          ))}
          <Button onClick={() => void Taro.navigateTo({ url: pages.benefits.staffOffers.url({ merchantId: merchant.id }) })}>
            管理本店优惠
          </Button>
        </View>
      </Section>
      <Section title='办理记录'>
        <Timeline events={merchant.timeline} workflow={merchantWorkflow} />
      </Section>
    </View>
  )
}

interface EditDraft extends ProfileDraft {
  cardDiscountNote: string
}

const draftOf = (merchant: StaffMerchantDetail): EditDraft => ({
  name: merchant.name,
  category: merchant.category,
  district: merchant.district,
  address: merchant.address,
  lat: String(merchant.lat),
  lng: String(merchant.lng),
  phone: merchant.phone,
  days: merchant.hours.days.map(String),
  opens: merchant.hours.opens,
  closes: merchant.hours.closes,
  cardPayPercent: merchant.cardPayPercent ? String(merchant.cardPayPercent) : '',
  description: merchant.description ?? '',
  cardDiscountNote: merchant.cardDiscountNote ?? '',
})

/** Staff correct what members see of the shop (place, hours, card discount); the change is on the record. */
function ProfileEditor({ merchant, reload }: { merchant: StaffMerchantDetail; reload: () => Promise<void> }) {
  const [open, setOpen] = useState(false)
  const draft = useUserDraft<EditDraft>(`benefits-merchant-profile-${merchant.id}`, draftOf(merchant))
  const submission = useSubmission({ reload })
  const value = draft.value
  const set = <K extends keyof EditDraft>(field: K, next: EditDraft[K]) => {
    draft.update((current) => ({ ...current, [field]: next }))
    submission.clearFieldError(String(field))
  }
  const save = async () => {
    const checked = checkWith(MerchantProfileInput, { ...profileBody(value), cardDiscountNote: value.cardDiscountNote.trim() || undefined })
    if (!checked.ok) {
      submission.setFieldErrors(checked.errors)
      return toast('请按提示修改标红的内容')
    }
    const result = await submission.submit(checked.data, (body) => editMerchantProfile(merchant.id, body), 'edit-profile')
    if (!result.ok) return
    draft.discard()
    setOpen(false)
    toast('店铺信息已更新')
    void reload()
  }
  return (
    <Section title='店铺信息'>
      <View className='lg-card lg-stack' data-testid='merchant-profile'>
        {open ? (
          <View className='lg-stack'>
            <ProfileFields value={value} errors={submission.fieldErrors} set={set} merge={(change) => draft.update(change)} />
            <Field label='会员卡优惠说明' name='cardDiscountNote' optional error={submission.fieldErrors.cardDiscountNote}>
              <TextInput value={value.cardDiscountNote} onChange={(next) => set('cardDiscountNote', next)} maxLength={60} />
            </Field>
            <View className='bn-row'>
              <Button
                onClick={() => {
                  draft.discard()
                  setOpen(false)
                }}
              >
                取消
              </Button>
              <Button kind='primary' testId='save-profile' busy={submission.busy} onClick={() => void save()}>
                保存
              </Button>
            </View>
          </View>
        ) : (
          <View className='lg-stack'>
            <Text className='lg-muted'>
              营业时间 {merchant.hours.opens}–{merchant.hours.closes} · 位置 {merchant.lat.toFixed(4)}, {merchant.lng.toFixed(4)}
            </Text>
            {merchant.description ? <Text>{merchant.description}</Text> : null}
            <Button testId='edit-profile' onClick={() => setOpen(true)}>
              修改店铺信息
            </Button>
          </View>
        )}
      </View>
    </Section>
  )
}
