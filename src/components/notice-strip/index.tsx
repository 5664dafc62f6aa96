import { Swiper, SwiperItem, Text, View } from '@tarojs/components'
import type { Notice } from '@contract/catalogue'
import { pressable } from '@/components/button/pressable'
import { tell } from '@/services/dialogs'
import './index.css'

/** One-line notices that turn every few seconds; a tap shows the whole notice. */
export function NoticeStrip({ notices }: { notices: Notice[] }) {
  if (notices.length === 0) return null
  const open = (notice: Notice) => {
    tell(notice.title, notice.body)
  }
  return (
    <View className='lg-notices'>
      <Text className='lg-notices__label'>公告</Text>
      <Swiper className='lg-notices__swiper' vertical autoplay={notices.length > 1} circular={notices.length > 1} interval={4000}>
        {notices.map((notice) => (
          <SwiperItem key={notice.id}>
            <View className='lg-notices__item' role='button' {...pressable()} onClick={() => open(notice)}>
              <Text className='lg-notices__title'>{notice.title}</Text>
            </View>
          </SwiperItem>
        ))}
      </Swiper>
    </View>
  )
}
NoticeStrip.displayName = 'NoticeStrip'
