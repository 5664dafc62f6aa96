import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import {
  campaignPhaseLabel,
  offerWorkflow,
  type BenefitsSettings,
  type CampaignList,
  type Offer,
  type OfferList,
} from '@contract/lines/benefits'
import { Button } from '@/components/button'
import { ChoiceChips, Field, TextInput } from '@/components/form'
import { PageShell } from '@/components/page-shell'
import { PagedList } from '@/components/queue'
import { StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { usePagedApi } from '@/hooks/usePagedApi'
import { useSubmission } from '@/hooks/useSubmission'
import { confirm, toast } from '@/services/dialogs'
import { formatDate } from '@/services/format'
import {
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

/** 优惠与活动: offers (pause, resume, withdraw, top up), a voucher for a merchant, and campaigns. */
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
      {merchantId ? <NewVoucher merchantId={merchantId} onMade={() => void list.reload()} /> : null}
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
              <Text className='bn-tag'>{offerWorkflow.statusLabel[offer.status]}</Text>
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

/** A union-funded voucher for named goods or a service (never cash or a shopping card), for this merchant. */
function NewVoucher({ merchantId, onMade }: { merchantId: string; onMade: () => void }) {
  const submission = useSubmission()
  const [title, setTitle] = useState('')
  const [face, setFace] = useState('')
  const [goods, setGoods] = useState('')
  const [stock, setStock] = useState('100')
  const send = async () => {
    const body = {
      merchantId,
      title,
      terms: { kind: 'voucher' as const, face: Number(face), goods },
      startsOn: inDays(0),
      endsOn: inDays(30),
      stock: Number(stock),
      perMemberLimit: 1,
      perMemberDailyLimit: 1,
      validDays: 14,
      audience: 'members' as const,
    }
    const result = await submission.submit(body, (payload, key) => createOffer(payload, key))
    if (result.ok) {
      toast('已上架')
      setTitle('')
      onMade()
    }
  }
  const error = (field: string) => submission.fieldErrors[field]
  return (
    <View className='lg-card lg-stack'>
      <Text className='lg-card__title'>上架代金券（30 天，每人 1 张）</Text>
      <Field label='名称' name='title' error={error('title')}>
        <TextInput value={title} onChange={setTitle} maxLength={24} placeholder='如：理发代金券' />
      </Field>
      <Field label='券面金额（元）' name='terms.face' error={error('terms.face')}>
        <TextInput value={face} onChange={setFace} type='digit' maxLength={6} />
      </Field>
      <Field label='适用商品或服务' name='terms.goods' error={error('terms.goods')} hint='不得兑换现金或购物卡'>
        <TextInput value={goods} onChange={setGoods} maxLength={30} />
      </Field>
      <Field label='发放数量' name='stock' error={error('stock')}>
        <TextInput value={stock} onChange={setStock} type='number' maxLength={7} />
      </Field>
      <Button kind='primary' busy={submission.busy} onClick={() => void send()}>
        上架
      </Button>
    </View>
  )
}

function Campaigns() {
  const list = useApi<CampaignList>(listCampaigns, [])
  const submission = useSubmission({ reload: list.reload })
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
                  <Text className='bn-tag'>{campaignPhaseLabel[campaign.phase]}</Text>
                  <Text className='lg-card__title'>{campaign.name}</Text>
                </View>
                <Text className='lg-muted'>
                  {formatDate(campaign.startsOn)} 至 {formatDate(campaign.endsOn)} · {campaign.offers} 个优惠 · 领取 {campaign.claimed} ·
                  核销 {campaign.redeemed}
                </Text>
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
