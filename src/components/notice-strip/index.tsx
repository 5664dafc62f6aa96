import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { Notice } from '@contract/catalogue'
import { pressable } from '@/components/button/pressable'
import { tell } from '@/services/dialogs'
import './index.css'

const TURN_MS = 4000

/**
 * One-line notices that turn every few seconds; a tap shows the whole notice. Drawn with a timer
 * and a CSS slide rather than Taro's Swiper: the Swiper's runtime (~190 KB in a browser) would be
 * loaded before the home page's first screen, and with it by every page that shares its chunk.
 */
export function NoticeStrip({ notices }: { notices: Notice[] }) {
  const [turn, setTurn] = useState(0)
  useEffect(() => {
    if (notices.length < 2) return undefined
    const timer = setInterval(() => setTurn((value) => value + 1), TURN_MS)
    return () => clearInterval(timer)
  }, [notices.length])
  if (notices.length === 0) return null
  const notice = notices[turn % notices.length]!
  const open = () => {
    tell(notice.title, notice.body)
  }
  return (
    <View className='lg-notices'>
      <Text className='lg-notices__label'>公告</Text>
      <View className='lg-notices__window'>
        {/* A new key on each turn restarts the slide-in animation. */}
        <View
          key={`${notice.id}-${turn}`}
          className={`lg-notices__item${turn > 0 ? ' lg-notices__item--turned' : ''}`}
          role='button'
          {...pressable()}
          onClick={open}
        >
          <Text className='lg-notices__title'>{notice.title}</Text>
        </View>
      </View>
    </View>
  )
}
NoticeStrip.displayName = 'NoticeStrip'
