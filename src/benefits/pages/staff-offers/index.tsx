import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import {
  campaignPhaseLabel,
  OFFER_KINDS,
  OfferInput,
  offerKindLabel,
  offerWorkflow,
  type BenefitsSettings,
  type Campaign,
  type CampaignList,
  type Offer,
  type OfferKind,
  type OfferList,
} from '@contract/lines/benefits'
import { Button } from '@/components/button'
import { checkWith, ChoiceChips, Field, TextInput } from '@/components/form'
import { PageShell } from '@/components/page-shell'
import { PagedList } from '@/components/queue'
import { StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { useUserDraft } from '@/hooks/useDraft'
import { usePagedApi } from '@/hooks/usePagedApi'
import { useSubmission } from '@/hooks/useSubmission'
import { confirm, toast } from '@/services/dialogs'
import { formatDate } from '@/services/format'
import {
  campaignStep,
  createCampaign,
  createOffer,
  getBenefitsSettings,
  listCampaigns,
  listStaffOffers,
  offerStep,
  restockOffer,
  saveBenefitsSettings,
} from '../../api'
import '../benefits.css'

type Tab = 'offers' | 'campaigns' | 'settings'

/** 优惠与活动: offers (pause, resume, withdraw, top up), a new offer of any kind for a merchant, and campaigns (pause, resume, end). */
export default function StaffOffersPage() {
  const merchantId = useRouter().params.merchantId || undefined
  const [tab, setTab] = useState<Tab>('offers')
  return (
    <PageShell className='bn-staff-offers' requireLogin='请先登录'>
      <View className='lg-body'>
        <ChoiceChips
          name='tab'
          value={tab}
          onChange={setTab}
          options={[
            { value: 'offers', label: merchantId ? '本店优惠' : '全部优惠' },
            { value: 'campaigns', label: '营销活动' },
            { value: 'settings', label: '核销设置' },
          ]}
        />
        {tab === 'offers' ? <Offers merchantId={merchantId} /> : null}
        {tab === 'campaigns' ? <Campaigns /> : null}
        {tab === 'settings' ? <Settings /> : null}
      </View>
    </PageShell>
  )
}

function Offers({ merchantId }: { merchantId?: string }) {
  const list = usePagedApi<OfferList>((cursor) => listStaffOffers({ merchantId, cursor }), [merchantId])
  const submission = useSubmission({ reload: list.reload })
  const [add, setAdd] = useState('50')
  const step = async (offer: Offer, action: 'pause' | 'resume' | 'withdraw') => {
    const label = offerWorkflow.actionLabel[action]
    if (!(await confirm({ title: label, content: `${label}“${offer.title}”？`, confirmText: label, danger: action === 'withdraw' }))) return
    const result = await submission.submit({ id: offer.id }, (body) => offerStep(body.id, action), action)
    if (result.ok) void list.reload()
  }
  const restock = async (offer: Offer) => {
    const count = Number(add)
    if (!(count > 0)) return toast('请填写补充数量')
    const result = await submission.submit({ id: offer.id, count }, (body, key) => restockOffer(body.id, body.count, key), 'restock')
    if (result.ok) {
      toast(`已补充 ${count} 张`)
      void list.reload()
    }
  }
  return (
    <View className='lg-stack'>
      {merchantId ? <NewOffer merchantId={merchantId} onMade={() => void list.reload()} /> : null}
      <Field label='每次补充库存的数量'>
        <TextInput value={add} onChange={setAdd} type='number' maxLength={6} />
      </Field>
      <PagedList
        state={list}
        emptyText='还没有优惠'
        loadingText='正在读取优惠…'
        renderItem={(offer) => (
          <View key={offer.id} className='lg-card lg-stack' data-offer={offer.id}>
            <View className='bn-row'>
              <Text className='lg-tag'>{offerWorkflow.statusLabel[offer.status]}</Text>
              <Text className='lg-card__title'>{offer.title}</Text>
            </View>
            <Text>
              {offer.merchantName} · {offer.summary}
            </Text>
            <Text className='lg-muted'>
              {formatDate(offer.startsOn)} 至 {formatDate(offer.endsOn)} · 已领 {offer.claimed}/{offer.stock} ·{' '}
              {offer.fundedBy === 'union' ? '工会出资' : '商户让利'}
              {offer.campaignName ? ` · ${offer.campaignName}` : ''}
            </Text>
            {offer.status !== 'withdrawn' ? (
              <View className='bn-row'>
                {offer.status === 'active' ? (
                  <Button onClick={() => void step(offer, 'pause')}>暂停</Button>
                ) : (
                  <Button onClick={() => void step(offer, 'resume')}>恢复</Button>
                )}
                <Button onClick={() => void restock(offer)}>补充库存</Button>
                <Button kind='danger' onClick={() => void step(offer, 'withdraw')}>
                  下架
                </Button>
              </View>
            ) : null}
          </View>
        )}
      />
    </View>
  )
}

const inDays = (days: number) => new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10)

interface OfferDraft {
  kind: OfferKind
  title: string
  payPercent: string
  threshold: string
  off: string
  face: string
  goods: string
  memberPrice: string
  regularPrice: string
  description: string
  startsOn: string
  endsOn: string
  stock: string
  perMemberLimit: string
  perMemberDailyLimit: string
  validDays: string
  audience: 'members' | 'new_form'
  campaignId: string
}

const emptyOffer = (): OfferDraft => ({
  kind: 'voucher',
  title: '',
  payPercent: '',
  threshold: '',
  off: '',
  face: '',
  goods: '',
  memberPrice: '',
  regularPrice: '',
  description: '',
  startsOn: inDays(0),
  endsOn: inDays(30),
  stock: '100',
  perMemberLimit: '1',
  perMemberDailyLimit: '1',
  validDays: '14',
  audience: 'members',
  campaignId: '',
})

/** A typed number, or undefined when blank (the contract then names the missing field). */
const numberOrUndefined = (text: string) => (text.trim() === '' ? undefined : Number(text))

/** The offer's terms from the draft: only the fields its kind uses. */
function termsOf(draft: OfferDraft): OfferInput['terms'] {
  switch (draft.kind) {
    case 'discount':
      return { kind: 'discount', payPercent: numberOrUndefined(draft.payPercent) }
    case 'threshold':
      return { kind: 'threshold', threshold: numberOrUndefined(draft.threshold), off: numberOrUndefined(draft.off) }
    case 'voucher':
      return { kind: 'voucher', face: numberOrUndefined(draft.face), goods: draft.goods.trim() || undefined }
    case 'member_price':
      return {
        kind: 'member_price',
        memberPrice: numberOrUndefined(draft.memberPrice),
        regularPrice: numberOrUndefined(draft.regularPrice),
        goods: draft.goods.trim() || undefined,
      }
  }
}

const kindHint: Record<OfferKind, string> = {
  discount: '商户让利：会员结账时按折扣付款，收银员输入消费金额。',
  threshold: '商户让利：消费满门槛减免，收银员输入消费金额。',
  voucher: '工会出资：按月与商户结算；只能用于写明的商品或服务，不得兑换现金或购物卡。',
  member_price: '商户让利：指定商品或服务按会员价出售。',
}

/** A new offer for this merchant, of any kind, with its dates, stock, limits, audience and campaign (kept as a draft). */
function NewOffer({ merchantId, onMade }: { merchantId: string; onMade: () => void }) {
  const draft = useUserDraft<OfferDraft>(`benefits-new-offer-${merchantId}`, emptyOffer())
  const campaigns = useApi<CampaignList>(listCampaigns, [])
  const submission = useSubmission()
  const value = draft.value
  const set = <K extends keyof OfferDraft>(field: K, next: OfferDraft[K], errorName?: string) => {
    draft.update((current) => ({ ...current, [field]: next }))
    submission.clearFieldError(errorName ?? String(field))
  }
  const send = async () => {
    const body = {
      merchantId,
      campaignId: value.campaignId || null,
      title: value.title,
      description: value.description.trim() || undefined,
      terms: termsOf(value),
      startsOn: value.startsOn,
      endsOn: value.endsOn,
      stock: Number(value.stock),
      perMemberLimit: Number(value.perMemberLimit),
      perMemberDailyLimit: Number(value.perMemberDailyLimit),
      validDays: Number(value.validDays),
      audience: value.audience,
    }
    const checked = checkWith(OfferInput, body)
    if (!checked.ok) return submission.setFieldErrors(checked.errors)
    const result = await submission.submit(checked.data, (payload, key) => createOffer(payload, key))
    if (result.ok) {
      toast(value.startsOn > inDays(0) ? `已排期，${formatDate(value.startsOn)} 上架` : '已上架')
      draft.discard()
      onMade()
    }
  }
  const error = (field: string) => submission.fieldErrors[field]
  const input = (
    field: keyof OfferDraft,
    label: string,
    name: string,
    extra: { type?: 'digit' | 'number'; hint?: string; max?: number; placeholder?: string } = {},
  ) => (
    <Field label={label} name={name} error={error(name)} hint={extra.hint}>
      <TextInput
        value={value[field] as string}
        onChange={(next) => set(field, next as never, name)}
        type={extra.type}
        maxLength={extra.max ?? 10}
        placeholder={extra.placeholder}
      />
    </Field>
  )
  const campaignOptions = [
    { value: '', label: '不属于活动' },
    ...(campaigns.data?.items ?? [])
      .filter((campaign) => campaign.phase !== 'ended')
      .map((campaign) => ({ value: campaign.id, label: campaign.name })),
  ]
  return (
    <View className='lg-card lg-stack' data-testid='new-offer'>
      <Text className='lg-card__title'>新建优惠</Text>
      <Field label='优惠类型' name='terms.kind' hint={kindHint[value.kind]}>
        <ChoiceChips
          name='offer-kind'
          value={value.kind}
          onChange={(kind) => set('kind', kind, 'terms')}
          options={OFFER_KINDS.map((kind) => ({ value: kind, label: offerKindLabel[kind] }))}
        />
      </Field>
      {input('title', '名称', 'title', { max: 24, placeholder: value.kind === 'voucher' ? '如：理发代金券' : '如：会员 8.8 折' })}
      {value.kind === 'discount' ? input('payPercent', '折扣（88 表示 8.8 折）', 'terms.payPercent', { type: 'number', max: 2 }) : null}
      {value.kind === 'threshold' ? (
        <View className='bn-pair'>
          {input('threshold', '满（元）', 'terms.threshold', { type: 'digit', max: 7 })}
          {input('off', '减（元）', 'terms.off', { type: 'digit', max: 7 })}
        </View>
      ) : null}
      {value.kind === 'voucher' ? input('face', '券面金额（元）', 'terms.face', { type: 'digit', max: 6 }) : null}
      {value.kind === 'member_price' ? (
        <View className='bn-pair'>
          {input('memberPrice', '会员价（元）', 'terms.memberPrice', { type: 'digit', max: 7 })}
          {input('regularPrice', '原价（元）', 'terms.regularPrice', { type: 'digit', max: 7 })}
        </View>
      ) : null}
      {value.kind === 'voucher' || value.kind === 'member_price'
        ? input('goods', '适用商品或服务', 'terms.goods', { max: 30, hint: value.kind === 'voucher' ? '不得兑换现金或购物卡' : undefined })
        : null}
      {input('description', '使用说明', 'description', { max: 300, placeholder: '选填，如：周末不可用' })}
      <View className='bn-pair'>
        {input('startsOn', '开始日期', 'startsOn', { placeholder: 'YYYY-MM-DD' })}
        {input('endsOn', '结束日期', 'endsOn', { placeholder: 'YYYY-MM-DD' })}
      </View>
      <View className='bn-pair'>
        {input('stock', '发放数量', 'stock', { type: 'number', max: 7 })}
        {input('validDays', '领取后有效天数', 'validDays', { type: 'number', max: 3 })}
      </View>
      <View className='bn-pair'>
        {input('perMemberLimit', '每人限领', 'perMemberLimit', { type: 'number', max: 3 })}
        {input('perMemberDailyLimit', '每人每天限领', 'perMemberDailyLimit', { type: 'number', max: 3 })}
      </View>
      <Field label='领取对象' name='audience' error={error('audience')}>
        <ChoiceChips
          name='offer-audience'
          value={value.audience}
          onChange={(audience) => set('audience', audience)}
          options={[
            { value: 'members', label: '工会会员' },
            { value: 'new_form', label: '新就业形态劳动者' },
          ]}
        />
      </Field>
      <Field label='所属活动' name='campaignId' error={error('campaignId')}>
        <ChoiceChips
          name='offer-campaign'
          value={value.campaignId}
          onChange={(campaignId) => set('campaignId', campaignId)}
          options={campaignOptions}
        />
      </Field>
      <Button kind='primary' testId='create-offer' busy={submission.busy} onClick={() => void send()}>
        {value.startsOn > inDays(0) ? '排期上架' : '上架'}
      </Button>
    </View>
  )
}

const campaignActionLabel = { pause: '暂停', resume: '恢复', end: '结束' } as const

function Campaigns() {
  const list = useApi<CampaignList>(listCampaigns, [])
  const submission = useSubmission({ reload: list.reload })
  const step = async (campaign: Campaign, action: 'pause' | 'resume' | 'end') => {
    const label = campaignActionLabel[action]
    const content =
      action === 'end'
        ? `结束“${campaign.name}”后，活动内的优惠全部下架，不能再领取（已领的券仍可使用到期）。确定结束吗？`
        : action === 'pause'
          ? `暂停“${campaign.name}”：活动内的优惠暂停领取，恢复后继续。`
          : `恢复“${campaign.name}”：活动内的优惠重新开放领取。`
    if (!(await confirm({ title: `${label}活动`, content, confirmText: label, danger: action === 'end' }))) return
    const result = await submission.submit({ id: campaign.id }, (body) => campaignStep(body.id, action), action)
    if (result.ok) {
      toast(`已${label}`)
      void list.reload()
    }
  }
  const [name, setName] = useState('')
  const [startsOn, setStartsOn] = useState(inDays(0))
  const [endsOn, setEndsOn] = useState(inDays(30))
  const send = async () => {
    const result = await submission.submit({ name, startsOn, endsOn }, (body, key) => createCampaign(body, key))
    if (result.ok) {
      setName('')
      toast('活动已创建')
      void list.reload()
    }
  }
  return (
    <View className='lg-stack'>
      <View className='lg-card lg-stack'>
        <Text className='lg-card__title'>新建活动</Text>
        <Field label='活动名称' name='name' error={submission.fieldErrors.name}>
          <TextInput value={name} onChange={setName} maxLength={30} />
        </Field>
        <Field label='开始日期（YYYY-MM-DD）' name='startsOn' error={submission.fieldErrors.startsOn}>
          <TextInput value={startsOn} onChange={setStartsOn} maxLength={10} />
        </Field>
        <Field label='结束日期（YYYY-MM-DD）' name='endsOn' error={submission.fieldErrors.endsOn}>
          <TextInput value={endsOn} onChange={setEndsOn} maxLength={10} />
        </Field>
        <Button kind='primary' busy={submission.busy} onClick={() => void send()}>
          创建
        </Button>
      </View>
      <StateView state={list} isEmpty={(data) => data.items.length === 0} emptyText='还没有活动' loadingText='正在读取活动…'>
        {(data) => (
          <View className='lg-stack'>
            {data.items.map((campaign) => (
              <View key={campaign.id} className='lg-card lg-stack'>
                <View className='bn-row'>
                  <Text className='lg-tag'>{campaignPhaseLabel[campaign.phase]}</Text>
                  <Text className='lg-card__title'>{campaign.name}</Text>
                </View>
                <Text className='lg-muted'>
                  {formatDate(campaign.startsOn)} 至 {formatDate(campaign.endsOn)} · {campaign.offers} 个优惠 · 领取 {campaign.claimed} ·
                  核销 {campaign.redeemed}
                </Text>
                {campaign.phase !== 'ended' ? (
                  <View className='bn-row' data-campaign={campaign.id}>
                    {campaign.phase === 'paused' ? (
                      <Button onClick={() => void step(campaign, 'resume')}>恢复</Button>
                    ) : (
                      <Button onClick={() => void step(campaign, 'pause')}>暂停</Button>
                    )}
                    <Button kind='danger' onClick={() => void step(campaign, 'end')}>
                      结束
                    </Button>
                  </View>
                ) : null}
              </View>
            ))}
          </View>
        )}
      </StateView>
    </View>
  )
}

/** How long a cashier may undo a redemption (1–30 minutes). */
function Settings() {
  const state = useApi<BenefitsSettings>(getBenefitsSettings, [])
  const submission = useSubmission({ reload: state.reload })
  const [minutes, setMinutes] = useState('')
  const save = async () => {
    const result = await submission.submit({ undoMinutes: Number(minutes) }, (body) => saveBenefitsSettings(body))
    if (result.ok) {
      toast('已保存')
      setMinutes('')
      void state.reload()
    }
  }
  return (
    <StateView state={state} loadingText='正在读取设置…'>
      {(data) => (
        <View className='lg-card lg-stack'>
          <Text>收银员核销后 {data.undoMinutes} 分钟内可撤销。</Text>
          <Field label='撤销时限（分钟）' name='undoMinutes' error={submission.fieldErrors.undoMinutes}>
            <TextInput value={minutes} onChange={setMinutes} type='number' maxLength={2} placeholder={String(data.undoMinutes)} />
          </Field>
          <Button kind='primary' busy={submission.busy} onClick={() => void save()}>
            保存
          </Button>
        </View>
      )}
    </StateView>
  )
}
