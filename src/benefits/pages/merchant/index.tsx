import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import {
  claimBlockLabel,
  districtLabel,
  merchantCategoryLabel,
  offerKindLabel,
  type MerchantDetail,
  type Offer,
} from '@contract/lines/benefits'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { FactList } from '@/components/fact-list'
import { RecordPage } from '@/components/page-shell'
import { Section } from '@/components/section'
import { useSubmission } from '@/hooks/useSubmission'
import { formatDate } from '@/services/format'
import { readStored } from '@/services/storage'
import { toast } from '@/services/dialogs'
import { claimOffer, getMerchant } from '../../api'
import { distanceText, payPercentText, PLACE_KEY } from '../../parts'
import '../benefits.css'

/** Where the member was when they last shared it on the merchants page (never asked for here). */
const sharedPlace = () => readStored<{ lat: string; lng: string }>(PLACE_KEY)

/** A merchant: where, when, how to call and get there, its card discount and the offers to claim. */
export default function MerchantPage() {
  return (
    <RecordPage
      className='bn-merchant'
      load={(id) => getMerchant(id, sharedPlace())}
      loadingText='正在读取商户…'
      requireLogin='查看商户优惠需要先登录'
    >
      {(merchant, reload) => <MerchantView merchant={merchant} reload={reload} />}
    </RecordPage>
  )
}

function MerchantView({ merchant, reload }: { merchant: MerchantDetail; reload: () => Promise<void> }) {
  const distance = distanceText(merchant.distanceMetres)
  // WeChat opens its own map; a browser gets the address as a link to a web map (Amap: GCJ-02, as stored).
  const navigate = () => {
    if (process.env.TARO_ENV === 'h5') {
      const link = `https://uri.amap.com/marker?position=${merchant.lng},${merchant.lat}&name=${encodeURIComponent(merchant.name)}&src=lgh`
      window.open(link, '_blank', 'noopener')
      return
    }
    void Taro.openLocation({
      latitude: merchant.lat,
      longitude: merchant.lng,
      name: merchant.name,
      address: merchant.address,
      scale: 17,
    }).catch(() => toast('无法打开地图'))
  }
  return (
    <View className='lg-body'>
      <View className='lg-card lg-stack'>
        <Text className='lg-card__title'>{merchant.name}</Text>
        <Text className='lg-muted'>
          {merchantCategoryLabel[merchant.category]} · {districtLabel[merchant.district]} · {merchant.openNow ? '营业中' : '休息中'}
        </Text>
        {merchant.photos.length ? (
          <View className='bn-row'>
            {merchant.photos.map((photo) => (
              <Image
                key={photo.id}
                src={photo.url}
                mode='aspectFill'
                style={{ width: '200px', height: '150px' }}
                imgProps={{ alt: `${merchant.name}的照片` }}
              />
            ))}
          </View>
        ) : null}
        <FactList
          facts={[
            { label: '地址', value: `${merchant.address}${distance ? `（距您 ${distance}）` : ''}` },
            { label: '营业时间', value: merchant.hoursText },
            {
              label: '电话',
              value: (
                <Text className='lg-link' onClick={() => void Taro.makePhoneCall({ phoneNumber: merchant.phone }).catch(() => undefined)}>
                  {merchant.phone}（点击拨打）
                </Text>
              ),
            },
            merchant.description ? { label: '介绍', value: merchant.description, wide: true } : null,
          ]}
        />
        <Button block onClick={navigate}>
          导航到店
        </Button>
      </View>
      {merchant.cardPayPercent ? (
        <Section title='会员卡折扣'>
          <View className='lg-card lg-stack'>
            <Text className='bn-big'>{payPercentText(merchant.cardPayPercent)}</Text>
            <Text>结账时出示电子会员卡的会员码即可{merchant.cardDiscountNote ? `（${merchant.cardDiscountNote}）` : ''}，无需领券。</Text>
            <Button block onClick={() => void Taro.navigateTo({ url: pages.membership.card.path })}>
              出示会员码
            </Button>
          </View>
        </Section>
      ) : null}
      <Section title='可领优惠'>
        {merchant.offers.length === 0 ? <Text className='lg-muted'>本店暂时没有可领取的优惠</Text> : null}
        {merchant.offers.map((offer) => (
          <OfferCard key={offer.id} offer={offer} reload={reload} />
        ))}
      </Section>
    </View>
  )
}

function OfferCard({ offer, reload }: { offer: Offer; reload: () => Promise<void> }) {
  const submission = useSubmission({ reload, report: 'none' })
  const block = offer.mine?.block ?? null
  const claim = async () => {
    const result = await submission.submit({ offer: offer.id }, (_body, key) => claimOffer(offer.id, key))
    if (result.ok) {
      toast('领取成功')
      void Taro.navigateTo({ url: pages.benefits.coupon.url({ id: result.value.id }) })
    } else {
      await reload()
    }
  }
  return (
    <View className='lg-card lg-stack' data-offer={offer.id}>
      <View className='bn-row'>
        <Text className='lg-tag'>{offerKindLabel[offer.terms.kind]}</Text>
        <Text className='lg-card__title'>{offer.title}</Text>
      </View>
      <Text>{offer.summary}</Text>
      {offer.description ? <Text className='lg-muted'>{offer.description}</Text> : null}
      <Text className='lg-muted'>
        {formatDate(offer.startsOn)} 至 {formatDate(offer.endsOn)} · 剩余 {offer.remaining} 张 · 每人限领 {offer.perMemberLimit} 张 ·{' '}
        {offer.audienceText}
        {offer.campaignName ? ` · ${offer.campaignName}` : ''}
      </Text>
      {submission.error ? <Text className='bn-error'>{submission.error.message}</Text> : null}
      {block ? (
        <Text className='bn-offer__block' data-testid='claim-block'>
          {claimBlockLabel[block]}
        </Text>
      ) : (
        <Button kind='primary' block testId='claim' busy={submission.busy} busyText='正在领取…' onClick={() => void claim()}>
          立即领取
        </Button>
      )}
      {offer.mine && offer.mine.claimed > 0 ? (
        <Text className='lg-link' onClick={() => void Taro.navigateTo({ url: pages.benefits.coupons.path })}>
          已领 {offer.mine.claimed} 张，去我的卡券使用
        </Text>
      ) : null}
    </View>
  )
}
