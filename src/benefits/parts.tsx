import { Text, View } from '@tarojs/components'
import { merchantCategoryLabel, type MerchantSummary } from '@contract/lines/benefits'

/** Where the member last shared their place on the merchants page, kept on the device only. */
export const PLACE_KEY = 'benefits.place'

/** 1.2 公里 / 350 米. */
export function distanceText(metres: number | null): string | null {
  if (metres === null) return null
  return metres >= 1000 ? `${(metres / 1000).toFixed(1)} 公里` : `${Math.max(10, Math.round(metres / 10) * 10)} 米`
}

/** 8.8 折 from 88. */
export const payPercentText = (percent: number) => `${percent % 10 === 0 ? percent / 10 : (percent / 10).toFixed(1)} 折`

/** One merchant as a row of a list: name, category, distance, open or closed, what it offers. */
export function MerchantRow({ merchant, onOpen }: { merchant: MerchantSummary; onOpen: () => void }) {
  const distance = distanceText(merchant.distanceMetres)
  return (
    <View className='lg-card lg-stack bn-merchant-row' data-merchant={merchant.id} onClick={onOpen}>
      <View className='bn-merchant-row__head'>
        <Text className='lg-card__title'>{merchant.name}</Text>
        {distance ? <Text className='bn-merchant-row__distance'>{distance}</Text> : null}
      </View>
      <Text className='lg-muted'>
        {merchantCategoryLabel[merchant.category]} · {merchant.openNow ? '营业中' : '休息中'} · {merchant.address}
      </Text>
      <View className='bn-tags'>
        {merchant.cardPayPercent ? <Text className='lg-tag'>凭会员卡 {payPercentText(merchant.cardPayPercent)}</Text> : null}
        {merchant.liveOffers > 0 ? <Text className='lg-tag lg-tag--warning'>{merchant.liveOffers} 个优惠可领</Text> : null}
      </View>
    </View>
  )
}
