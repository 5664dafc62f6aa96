import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { MemberCard } from '@contract/lines/membership'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { PageShell } from '@/components/page-shell'
import { RotatingQrPanel, useRotatingQr } from '@/components/rotating-qr'
import { EmptyPanel, StateView } from '@/components/state-view'
import { useSession } from '@/hooks/useSession'
import { formatDate } from '@/services/format'
import { getMemberCard } from '../../api'
import './index.css'

/** 4-digit groups, as on a bank card: easier to read out at a counter. */
const grouped = (digits: string) => digits.replace(/(\d{4})(?=\d)/g, '$1 ')

/** The card comes with its code: one request per rotation serves both. */
const qrOfCard = (card: MemberCard) => card.qr

/**
 * 电子会员卡: the member's details and a QR code that changes every minute (the kit's rotating
 * code: counted down on the server's lifetime of the code, refreshed before it runs out).
 */
export default function MemberCardPage() {
  const session = useSession()
  const card = useRotatingQr(getMemberCard, { qrOf: qrOfCard, deps: [session.token] })

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
            <RotatingQrPanel
              state={card}
              noun='会员码'
              caption='向合作商户或工会工作人员出示此码。会员码每分钟更新一次，截图无效。'
              showCodeText
              testId='member-qr'
            />
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
