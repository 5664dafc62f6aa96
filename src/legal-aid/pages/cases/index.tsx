import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { caseTypeLabel } from '@contract/lines/legal-aid'
import { PageShell } from '@/components/page-shell'
import { StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { listMyLegalAidCases } from '@/services/api/legal-aid'
import { StatusTag } from '../../shared/CaseParts'
import '../../shared/shared.css'
import './index.css'

const apply = () => void Taro.navigateTo({ url: '/legal-aid/pages/apply/index' })

/** 我的案件: every case with its status and what happens next. */
export default function MyCasesPage() {
  const state = useApi(() => listMyLegalAidCases().then((result) => result.cases), [])
  usePullDownRefresh(() => {
    void state.reload().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <PageShell className='my-cases'>
      <StateView
        state={state}
        isEmpty={(cases) => cases.length === 0}
        emptyText='还没有法律援助案件'
        emptyAction={
          <View className='btn btn-primary' onClick={apply}>
            申请法律援助
          </View>
        }
        loadingText='正在读取您的案件…'
      >
        {(cases) => (
          <View className='my-cases-list'>
            {cases.map((item) => (
              <View
                key={item.id}
                className='card my-case'
                data-case={item.id}
                onClick={() => void Taro.navigateTo({ url: `/legal-aid/pages/case/index?id=${item.id}` })}
              >
                <View className='case-head'>
                  <Text className='case-no'>{caseTypeLabel[item.type]}</Text>
                  <StatusTag status={item.status} />
                </View>
                <Text className='muted'>
                  {item.caseNo} · {item.employerName}
                </Text>
                <Text className='my-case-next'>{item.nextStep}</Text>
                <Text className='muted'>提交于 {dayjs(item.createdAt).format('YYYY-MM-DD')}</Text>
              </View>
            ))}
            <View className='btn-block btn' onClick={apply}>
              再申请一件
            </View>
          </View>
        )}
      </StateView>
    </PageShell>
  )
}
