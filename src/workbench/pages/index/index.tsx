import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { staffRoleLabel } from '@contract/auth'
import { PageShell } from '@/components/page-shell'
import { EmptyPanel, StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { getMe } from '@/services/api/core'
import { workbenchEntries } from '../../entries'
import './index.css'

/** The staff home: the kinds of work this user's roles allow, each with what is waiting. */
export default function WorkbenchPage() {
  const state = useApi(async () => {
    const me = await getMe()
    const roles = new Set(me.roles.map((grant) => grant.role))
    const entries = workbenchEntries.filter((entry) => entry.roles.some((role) => roles.has(role)))
    const count = (load?: () => Promise<number>) => load?.().catch(() => null) ?? Promise.resolve(null)
    const counts = await Promise.all(entries.map((entry) => Promise.all([count(entry.waitingCount), count(entry.overdueCount)])))
    return {
      me,
      entries: entries.map((entry, index) => ({ ...entry, waiting: counts[index]?.[0] ?? null, overdue: counts[index]?.[1] ?? null })),
    }
  }, [])

  usePullDownRefresh(() => {
    void state.reload().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <PageShell className='workbench'>
      <StateView state={state} loadingText='正在读取工作台…'>
        {({ me, entries }) =>
          me.roles.length === 0 ? (
            <EmptyPanel
              text='您还不是工作人员。工作人员请向市总工会管理员索取邀请码。'
              action={
                <View
                  className='btn btn-primary'
                  data-testid='have-invite'
                  onClick={() => void Taro.navigateTo({ url: '/account/pages/staff-invite/index' })}
                >
                  我有邀请码
                </View>
              }
            />
          ) : (
            <View>
              <View className='card workbench-who'>
                <Text className='workbench-name'>{me.nickname}</Text>
                {me.roles.map((grant) => (
                  <Text key={`${grant.role}-${grant.orgId}`} className='muted'>
                    {staffRoleLabel[grant.role]} · {grant.orgName}
                  </Text>
                ))}
              </View>
              {entries.length === 0 ? (
                <EmptyPanel text='暂无可办理的事项' />
              ) : (
                <View className='card workbench-list'>
                  {entries.map((entry) => (
                    <View
                      key={entry.key}
                      className='list-row'
                      data-entry={entry.key}
                      onClick={() => void Taro.navigateTo({ url: entry.path })}
                    >
                      <View className='workbench-entry-text'>
                        <Text>{entry.label}</Text>
                        <Text className='muted'>{entry.description}</Text>
                      </View>
                      <View className='workbench-entry-end'>
                        {entry.overdue ? <Text className='workbench-overdue'>逾期 {entry.overdue}</Text> : null}
                        {entry.waiting ? <Text className='badge'>{entry.waiting > 99 ? '99+' : entry.waiting}</Text> : null}
                        <Text className='list-row-arrow'>›</Text>
                      </View>
                    </View>
                  ))}
                </View>
              )}
            </View>
          )
        }
      </StateView>
    </PageShell>
  )
}
