import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { MyCaseList } from '@contract/lines/legal-aid'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { PageShell } from '@/components/page-shell'
import { PagedList } from '@/components/queue'
import { usePagedApi } from '@/hooks/usePagedApi'
import { formatDate } from '@/services/format'
import { listMyLegalAidCases } from '../../api'
import { CaseHead } from '../../parts'
import './index.css'

const apply = () => void Taro.navigateTo({ url: pages.legalAid.apply.path })

/** 我的案件: every case with its status and what happens next, newest first, page by page. */
export default function MyCasesPage() {
  const cases = usePagedApi<MyCaseList>((cursor) => listMyLegalAidCases(cursor), [])
  return (
    <PageShell className='la-cases' onRefresh={cases.reload} requireLogin='查看您的案件需要先登录'>
      <View className='lg-body'>
        <PagedList
          state={cases}
          emptyText='还没有法律援助案件'
          emptyAction={
            <Button kind='primary' onClick={apply}>
              申请法律援助
            </Button>
          }
          loadingText='正在读取您的案件…'
          renderItem={(item) => (
            <View
              key={item.id}
              className='lg-card lg-stack'
              data-case={item.id}
              onClick={() => void Taro.navigateTo({ url: pages.legalAid.case.url({ id: item.id }) })}
            >
              <CaseHead type={item.type} status={item.status}>
                <Text className='lg-muted'>
                  {item.caseNo} · {item.employerName}
                </Text>
              </CaseHead>
              <Text className='la-cases__next'>{item.nextStep}</Text>
              <Text className='lg-muted'>提交于 {formatDate(item.createdAt)}</Text>
            </View>
          )}
          footer={
            <Button block onClick={apply}>
              再申请一件
            </Button>
          }
        />
      </View>
    </PageShell>
  )
}
