import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { couponStatusLabel, type CouponCode } from '@contract/lines/benefits'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { FactList } from '@/components/fact-list'
import { PageShell } from '@/components/page-shell'
import { RotatingQrView } from '@/components/rotating-qr'
import { StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { ApiError } from '@/services/api-error'
import { formatDateTime, formatYuan } from '@/services/format'
import { getCouponCode } from '../../api'
import '../benefits.css'

/** One coupon: its one-time code (rotating each minute) while usable; once used, when and what it saved. */
export default function CouponPage() {
  const id = useRouter().params.id ?? ''
  const state = useApi<CouponCode>(() => getCouponCode(id), [id])
  const freshCode = async () => {
    const fresh = await getCouponCode(id)
    if (!fresh.qr) {
      void state.reload()
      throw new ApiError(409, 'ALREADY_REDEEMED', fresh.coupon.status === 'redeemed' ? '这张券已使用' : '这张券已过期')
    }
    return fresh.qr
  }
  return (
    <PageShell className='bn-coupon' onRefresh={state.reload} requireLogin='查看卡券需要先登录'>
      <View className='lg-body'>
        <StateView state={state} loadingText='正在读取优惠券…'>
          {({ coupon }) => (
            <View className='lg-stack'>
              <View className='lg-card lg-stack'>
                <View className='bn-row'>
                  <Text className='lg-tag' data-status={coupon.status}>
                    {couponStatusLabel[coupon.status]}
                  </Text>
                  <Text className='lg-card__title'>{coupon.title}</Text>
                </View>
                <Text>{coupon.summary}</Text>
                <FactList
                  facts={[
                    { label: '商户', value: coupon.merchantName },
                    { label: '地址', value: coupon.merchantAddress },
                    { label: '有效期至', value: formatDateTime(coupon.expiresAt) },
                    coupon.redeemedAt ? { label: '使用时间', value: formatDateTime(coupon.redeemedAt) } : null,
                    coupon.saved !== null ? { label: '节省', value: formatYuan(coupon.saved) } : null,
                  ]}
                />
              </View>
              {coupon.status === 'active' ? (
                <RotatingQrView
                  fetcher={freshCode}
                  deps={[id]}
                  noun='券码'
                  caption='结账时请店员扫码核销；券码每分钟更新，截图无效'
                  showCodeText
                />
              ) : (
                <Text className='lg-muted'>{coupon.status === 'redeemed' ? '这张券已使用，谢谢惠顾' : '这张券已过期'}</Text>
              )}
              <Button block onClick={() => void Taro.navigateTo({ url: pages.benefits.merchant.url({ id: coupon.merchantId }) })}>
                查看商户
              </Button>
            </View>
          )}
        </StateView>
      </View>
    </PageShell>
  )
}
