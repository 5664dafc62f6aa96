import Taro, { useRouter } from '@tarojs/taro'
import { Map as WechatMap, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { MERCHANT_CATEGORIES, merchantCategoryLabel, type MerchantCategory, type MerchantList } from '@contract/lines/benefits'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { ChoiceChips, TextInput } from '@/components/form'
import { PageShell } from '@/components/page-shell'
import { PagedList } from '@/components/queue'
import { useDebounced } from '@/hooks/useDebounced'
import { usePagedApi } from '@/hooks/usePagedApi'
import { toast } from '@/services/dialogs'
import { whereAmI } from '@/services/location'
import { writeStored } from '@/services/storage'
import { listMerchants } from '../../api'
import { MerchantRow, PLACE_KEY } from '../../parts'
import '../benefits.css'

type Place = { lat: string; lng: string }
const categoryOptions = [
  { value: 'all' as const, label: '全部' },
  ...MERCHANT_CATEGORIES.map((value) => ({ value, label: merchantCategoryLabel[value] })),
]

/**
 * 合作商户: nearest first once the member shares where they are (asked only here, only on a tap),
 * otherwise by district; categories, search, open now; a map in the mini-program.
 */
export default function MerchantsPage() {
  const router = useRouter()
  const initial = (router.params.category as MerchantCategory | undefined) ?? 'all'
  const [category, setCategory] = useState<MerchantCategory | 'all'>(
    MERCHANT_CATEGORIES.includes(initial as MerchantCategory) ? initial : 'all',
  )
  const [q, setQ] = useState('')
  const search = useDebounced(q, 400)
  const [openNow, setOpenNow] = useState(false)
  const [place, setPlace] = useState<Place>()
  const [locating, setLocating] = useState(false)
  const [showMap, setShowMap] = useState(false)
  const merchants = usePagedApi<MerchantList>(
    (cursor) =>
      listMerchants({
        cursor,
        category: category === 'all' ? undefined : category,
        q: search.trim() || undefined,
        openNow: openNow ? 'true' : undefined,
        ...(place ? { lat: place.lat, lng: place.lng, radius: '5000' } : {}),
      }),
    [category, search, openNow, place?.lat, place?.lng],
  )

  const locate = async () => {
    setLocating(true)
    try {
      const at = await whereAmI()
      const shared = { lat: at.latitude.toFixed(6), lng: at.longitude.toFixed(6) }
      setPlace(shared)
      writeStored(PLACE_KEY, shared)
    } catch {
      toast('未能获取位置，将按区县显示商户')
    } finally {
      setLocating(false)
    }
  }
  const open = (id: string) => void Taro.navigateTo({ url: pages.benefits.merchant.url({ id }) })
  const items = merchants.data?.items ?? []

  return (
    <PageShell className='bn-merchants' onRefresh={merchants.reload} requireLogin='查看合作商户优惠需要先登录'>
      <View className='lg-body'>
        <View className='lg-card lg-stack'>
          <TextInput value={q} onChange={setQ} placeholder='搜索商户名称或地址' maxLength={30} confirmType='search' />
          <ChoiceChips name='category' options={categoryOptions} value={category} onChange={setCategory} scroll />
          <View className='bn-row'>
            {place ? (
              <Text className='lg-muted'>已按离您最近排序（5 公里内）</Text>
            ) : (
              <Button busy={locating} busyText='正在定位…' onClick={() => void locate()}>
                按离我最近排序
              </Button>
            )}
            <Button kind={openNow ? 'primary' : 'default'} onClick={() => setOpenNow(!openNow)}>
              {openNow ? '只看营业中 ✓' : '只看营业中'}
            </Button>
            {process.env.TARO_ENV === 'weapp' && items.length > 0 ? (
              <Button onClick={() => setShowMap(!showMap)}>{showMap ? '列表' : '地图'}</Button>
            ) : null}
          </View>
          <Button kind='default' onClick={() => void Taro.navigateTo({ url: pages.benefits.coupons.path })}>
            我的卡券
          </Button>
        </View>
        {/* The platform test stays written out here: the H5 build then sees the map as dead code and
            leaves Taro's map component (and the gesture library it brings) out of every page. */}
        {process.env.TARO_ENV === 'weapp' && showMap && items.length > 0 ? (
          <WechatMap
            className='bn-map'
            latitude={place ? Number(place.lat) : items[0]!.lat}
            longitude={place ? Number(place.lng) : items[0]!.lng}
            scale={13}
            showLocation={Boolean(place)}
            markers={items.map((item, index) => ({
              id: index,
              latitude: item.lat,
              longitude: item.lng,
              title: item.name,
              width: 28,
              height: 36,
              iconPath: '',
            }))}
            onError={() => setShowMap(false)}
            onMarkerTap={(event) => {
              const item = items[Number((event.detail as { markerId: number }).markerId)]
              if (item) open(item.id)
            }}
          />
        ) : null}
        <PagedList
          state={merchants}
          emptyText={place ? '附近 5 公里内没有符合条件的合作商户' : '没有符合条件的合作商户'}
          loadingText='正在查找合作商户…'
          renderItem={(item) => <MerchantRow key={item.id} merchant={item} onOpen={() => open(item.id)} />}
          footer={
            <Button block onClick={() => void Taro.navigateTo({ url: pages.benefits.apply.path })}>
              我是商户，申请加盟
            </Button>
          }
        />
      </View>
    </PageShell>
  )
}
