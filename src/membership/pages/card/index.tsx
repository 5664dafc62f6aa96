import Taro, { useDidHide, useDidShow } from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import type { MemberCard } from '@contract/lines/membership'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { PageShell } from '@/components/page-shell'
import { EmptyPanel, StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { useSession } from '@/hooks/useSession'
import { formatDate } from '@/services/format'
import { getMemberCard } from '../../api'
import './index.css'

/** Fetch the next code this long before the current one runs out, so the one on screen always works. */
const REFRESH_BEFORE_MS = 3000

/** 4-digit groups, as on a bank card: easier to read out at a counter. */
const grouped = (digits: string) => digits.replace(/(\d{4})(?=\d)/g, '$1 ')

/**
 * 电子会员卡: the member's details and a QR code that changes every minute. The countdown runs on
 * the server's lifetime of the code, not the phone's clock (which may be wrong).
 */
export default function MemberCardPage() {
  const session = useSession()
  const card = useApi(getMemberCard, [session.token])
  const [visible, setVisible] = useState(true)
  const [now, setNow] = useState(() => Date.now())
  const received = useRef<{ issuedAt: string; at: number } | null>(null)
  const autoRefreshedFor = useRef<string | null>(null)

  useDidShow(() => setVisible(true))
  useDidHide(() => setVisible(false))

  if (card.data && received.current?.issuedAt !== card.data.qr.issuedAt) {
    received.current = { issuedAt: card.data.qr.issuedAt, at: Date.now() }
  }
  const lifetimeMs = card.data ? new Date(card.data.qr.expiresAt).getTime() - new Date(card.data.qr.issuedAt).getTime() : 0
  // `now` may predate the card's arrival by up to a tick: never count above the code's lifetime.
  const remainingMs = card.data && received.current ? Math.min(lifetimeMs, Math.max(0, lifetimeMs - (now - received.current.at))) : 0
  const expired = Boolean(card.data) && remainingMs <= 0

  useEffect(() => {
    if (!visible) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [visible])

  // Once per code, just before it expires; a failed refresh leaves the expired code greyed out.
  const issuedAt = card.data?.qr.issuedAt
  useEffect(() => {
    if (!visible || !issuedAt || card.loading || remainingMs > REFRESH_BEFORE_MS) return
    if (autoRefreshedFor.current === issuedAt) return
    autoRefreshedFor.current = issuedAt
    void card.reload()
  }, [visible, issuedAt, remainingMs, card])

  if (!card.data && card.error?.code === 'NOT_A_MEMBER') {
    return (
      <PageShell className='mb-card' onRefresh={card.reload} requireLogin='请先登录，再查看电子会员卡'>
        <EmptyPanel
          text='您还不是工会会员。入会申请通过后，这里会显示您的电子会员卡。'
          action={
            <Button kind='primary' testId='card-apply' onClick={() => void Taro.navigateTo({ url: pages.membership.status.path })}>
              申请入会
            </Button>
          }
        />
        <Offers />
      </PageShell>
    )
  }

  return (
    <PageShell className='mb-card' onRefresh={card.reload} requireLogin='请先登录，再查看电子会员卡'>
      <StateView state={card} loadingText='正在读取会员卡…'>
        {(data) => (
          <View>
            <CardFace data={data} />
            <View className='lg-card mb-card__qr' data-testid='member-qr'>
              <View
                className={`mb-card__qr-frame ${expired ? 'mb-card__qr-expired' : ''}`}
                onClick={() => (expired ? void card.reload() : undefined)}
              >
                <Image className='mb-card__qr-image' src={data.qr.imageDataUrl} mode='aspectFit' />
                {expired ? <Text className='mb-card__qr-overlay'>会员码已过期，点此刷新</Text> : null}
              </View>
              <Text className='mb-card__qr-countdown' data-testid='qr-countdown'>
                {card.loading ? '正在更新会员码…' : expired ? '会员码已过期' : `会员码 ${Math.ceil(remainingMs / 1000)} 秒后自动更新`}
              </Text>
              <Button className='mb-card__qr-refresh' testId='qr-refresh' onClick={() => void card.reload()}>
                刷新会员码
              </Button>
              <Text className='lg-muted mb-card__qr-note'>向合作商户或工会工作人员出示此码。会员码每分钟更新一次，截图无效。</Text>
            </View>
            <Offers />
          </View>
        )}
      </StateView>
    </PageShell>
  )
}

function CardFace({ data }: { data: MemberCard }) {
  return (
    <View className='mb-card__face' data-testid='member-card'>
      <View className='mb-card__face-head'>
        <Text className='mb-card__face-union'>连云港市总工会</Text>
        <Text className='mb-card__face-kind'>会员服务卡</Text>
      </View>
      <Text className='mb-card__face-name'>{data.name}</Text>
      <Text className='mb-card__face-line'>会员号 {data.memberNumber}</Text>
      <Text className='mb-card__face-line mb-card__face-number'>{grouped(data.cardNumber)}</Text>
      <Text className='mb-card__face-line'>{data.orgName}</Text>
      <Text className='mb-card__face-line'>入会日期 {formatDate(data.joinedAt)}</Text>
    </View>
  )
}

function Offers() {
  return (
    <View className='lg-card mb-card__offers'>
      <Text className='lg-card__title'>商户优惠</Text>
      <Text>合作商户优惠即将上线。上线后，在合作商户出示会员码即可享受会员优惠。</Text>
    </View>
  )
}
