import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { MyApplicationList } from '@contract/lines/hardship'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { PageShell } from '@/components/page-shell'
import { PagedList } from '@/components/queue'
import { usePagedApi } from '@/hooks/usePagedApi'
import { formatDate } from '@/services/format'
import { listMyHardshipApplications } from '../../api'
import { ApplicationHead } from '../../parts'
import './index.css'

const apply = () => void Taro.navigateTo({ url: pages.hardship.apply.path })

/** 我的困难帮扶: every application with its status and what happens next, newest first. */
export default function MyHardshipPage() {
  const list = usePagedApi<MyApplicationList>((cursor) => listMyHardshipApplications(cursor), [])
  return (
    <PageShell className='hs-mine' onRefresh={list.reload} requireLogin='查看您的申请需要先登录'>
      <View className='lg-body'>
        <PagedList
          state={list}
          emptyText='还没有困难帮扶申请'
          emptyAction={
            <Button kind='primary' onClick={apply}>
              申请困难帮扶
            </Button>
          }
          loadingText='正在读取您的申请…'
          renderItem={(item) => (
            <View
              key={item.id}
              className='lg-card lg-stack'
              data-application={item.id}
              onClick={() => void Taro.navigateTo({ url: pages.hardship.application.url({ id: item.id }) })}
            >
              <ApplicationHead aidTypes={item.aidTypes} status={item.status}>
                <Text className='lg-muted'>
                  {item.applicationNo}
                  {item.campaignName ? ` · ${item.campaignName}` : ''}
                </Text>
              </ApplicationHead>
              <Text>{item.nextStep}</Text>
              <Text className='lg-muted'>提交于 {formatDate(item.createdAt)}</Text>
            </View>
          )}
          footer={
            <Button block onClick={() => void Taro.navigateTo({ url: pages.hardship.file.path })}>
              我的困难档案
            </Button>
          }
        />
      </View>
    </PageShell>
  )
}
