import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { PageShell } from '@/components/page-shell'
import './index.css'

/**
 * Where a link to a page that does not exist lands (an old menu link, a mistyped address in a
 * browser), instead of an empty white screen: what happened and the way home.
 */
export default function NotFoundPage() {
  return (
    <PageShell className='ac-not-found'>
      <View className='ac-not-found__body' role='alert'>
        <Text className='ac-not-found__title'>页面不存在</Text>
        <Text className='lg-muted'>这个链接打开的页面不存在或已经下线，请回到首页重新进入。</Text>
        <Button kind='primary' testId='not-found-home' onClick={() => void Taro.switchTab({ url: pages.home.path })}>
          回到首页
        </Button>
      </View>
    </PageShell>
  )
}
