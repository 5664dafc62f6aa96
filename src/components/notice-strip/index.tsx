import Taro from '@tarojs/taro'
import { Swiper, SwiperItem, Text, View } from '@tarojs/components'
import type { Notice } from '@contract/catalogue'
import './index.css'

/** One-line notices that turn every few seconds; a tap shows the whole notice. */
export function NoticeStrip({ notices }: { notices: Notice[] }) {
  if (notices.length === 0) return null
  const open = (notice: Notice) => {
    void Taro.showModal({ title: notice.title, content: notice.body, showCancel: false, confirmText: '知道了' })
  }
  return (
    <View className='notice-strip'>
      <Text className='notice-label'>公告</Text>
      <Swiper className='notice-swiper' vertical autoplay={notices.length > 1} circular={notices.length > 1} interval={4000}>
        {notices.map((notice) => (
          <SwiperItem key={notice.id}>
            <View className='notice-item' onClick={() => open(notice)}>
              <Text className='notice-title'>{notice.title}</Text>
            </View>
          </SwiperItem>
        ))}
      </Swiper>
    </View>
  )
}
NoticeStrip.displayName = 'NoticeStrip'
