import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { couponStatusLabel, type CouponList, type CouponStatus, type MyRedemptionList } from '@contract/lines/benefits'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { ChoiceChips } from '@/components/form'
import { PageShell } from '@/components/page-shell'
import { PagedList } from '@/components/queue'
import { usePagedApi } from '@/hooks/usePagedApi'
import { formatDate, formatDateTime, formatYuan } from '@/services/format'
import { listCoupons, listMyRedemptions } from '../../api'
import '../benefits.css'

type Tab = CouponStatus | 'history'
const TABS: Tab[] = ['active', 'redeemed', 'expired', 'history']

/** 我的卡券: coupons to use, used and expired ones, and what I saved this year. */
export default function CouponsPage() {
  const router = useRouter()
  const [tab, setTab] = useState<Tab>(TABS.includes(router.params.tab as Tab) ? (router.params.tab as Tab) : 'active')
  return (
    <PageShell className='bn-coupons' requireLogin='查看卡券需要先登录'>
      <View className='lg-body'>
        <ChoiceChips
          name='tab'
          value={tab}
          onChange={setTab}
          options={TABS.map((value) => ({ value, label: value === 'history' ? '节省记录' : couponStatusLabel[value] }))}
        />
        {tab === 'history' ? <History /> : <Coupons status={tab} />}
      </View>
    </PageShell>
  )
}

function Coupons({ status }: { status: CouponStatus }) {
  const coupons = usePagedApi<CouponList>((cursor) => listCoupons({ status, cursor }), [status])
  return (
    <PagedList
      state={coupons}
      emptyText={status === 'active' ? '还没有可用的优惠券' : status === 'redeemed' ? '还没有用过优惠券' : '没有过期的优惠券'}
      emptyAction={
        <Button kind='primary' onClick={() => void Taro.navigateTo({ url: pages.benefits.merchants.path })}>
          去领优惠
        </Button>
      }
      loadingText='正在读取卡券…'
      renderItem={(coupon) => (
        <View
          key={coupon.id}
          className='lg-card lg-stack'
          data-coupon={coupon.id}
          onClick={() => void Taro.navigateTo({ url: pages.benefits.coupon.url({ id: coupon.id }) })}
        >
          <View className='bn-row'>
            <Text className='lg-tag'>{couponStatusLabel[coupon.status]}</Text>
            <Text className='lg-card__title'>{coupon.title}</Text>
          </View>
          <Text>{coupon.summary}</Text>
          <Text className='lg-muted'>
            {coupon.merchantName} ·{' '}
            {coupon.status === 'redeemed' && coupon.redeemedAt
              ? `${formatDateTime(coupon.redeemedAt)} 已使用`
              : `${formatDate(coupon.expiresAt)} 前有效`}
            {coupon.saved ? ` · 节省 ${formatYuan(coupon.saved)}` : ''}
          </Text>
        </View>
      )}
    />
  )
}

function History() {
  const history = usePagedApi<MyRedemptionList>((cursor) => listMyRedemptions(cursor), [])
  return (
    <PagedList
      state={history}
      emptyText='还没有使用记录'
      loadingText='正在读取记录…'
      header={(data) => (
        <View className='lg-card lg-stack'>
          <Text className='lg-muted'>
            {data.year} 年已使用 {data.countThisYear} 次，共节省
          </Text>
          <Text className='bn-big'>{formatYuan(data.savedThisYear)}</Text>
        </View>
      )}
      renderItem={(item) => (
        <View key={item.id} className='lg-card lg-stack'>
          <Text className='lg-card__title'>{item.what}</Text>
          <Text className='lg-muted'>
            {item.merchantName} · {formatDateTime(item.at)} · {item.undone ? '已撤销' : `节省 ${formatYuan(item.saved)}`}
          </Text>
        </View>
      )}
    />
  )
}
