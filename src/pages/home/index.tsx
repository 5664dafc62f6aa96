import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { ServiceLine } from '@contract/catalogue'
import { NoticeStrip } from '@/components/notice-strip'
import { PageShell } from '@/components/page-shell'
import { ServiceGrid, TileBadges } from '@/components/service-grid'
import { StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { useSession } from '@/hooks/useSession'
import { toast } from '@/services/dialogs'
import { goToLogin } from '@/services/session'
import { usableToken } from '@/services/session-store'
import { loadNotices, loadServices, takeServedCatalogue } from './requests'
import './index.css'

export default function HomePage() {
  const session = useSession()
  // In a browser the page itself brought the catalogue: the grid is in the first render.
  const [served] = useState(takeServedCatalogue)
  const services = useApi(() => loadServices().then((result) => result.services), [], { initial: served?.services.services })
  const notices = useApi(() => loadNotices().then((result) => result.notices), [], { initial: served?.notices.notices })

  const open = (service: ServiceLine, path = service.entryPath) => {
    if (service.status !== 'open' || !path) return toast(`${service.name}即将开放`)
    if (!usableToken() && process.env.TARO_ENV !== 'weapp') {
      goToLogin(path)
      return
    }
    void Taro.navigateTo({ url: path })
  }

  return (
    <PageShell className='home' onRefresh={() => Promise.all([services.reload(), notices.reload()])}>
      <View className='home__header'>
        <Text className='home__union'>连云港市总工会</Text>
        <Text className='home__title'>连·工惠 职工服务</Text>
        <Text className='home__greeting'>{session.user ? `${session.user.nickname}，您好！` : '入会、维权、帮扶、培训，一站办理'}</Text>
      </View>
      {notices.data ? <NoticeStrip notices={notices.data} /> : null}
      <Text className='lg-section-title'>服务大厅</Text>
      <StateView state={services} isEmpty={(list) => list.length === 0} emptyText='暂无可用服务' loadingText='正在加载服务…'>
        {(list) => (
          <View>
            <ServiceGrid services={list} onOpen={(service) => open(service)} />
            <TileBadges services={list} onOpen={open} />
          </View>
        )}
      </StateView>
    </PageShell>
  )
}
