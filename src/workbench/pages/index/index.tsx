import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { pressable } from '@/components/button/pressable'
import { PageShell } from '@/components/page-shell'
import { EmptyPanel, StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { getMe } from '@/services/api/core'
import { getWorkbenchHome } from '@/services/api/workbench'
import './index.css'

/**
 * The staff home: the kinds of work this person's roles allow, each with what is waiting. The
 * entries come from the server (every line's own definition and the platform's tools): this page
 * names no line.
 */
export default function WorkbenchPage() {
  const state = useApi(async () => {
    const me = await getMe()
    return { me, entries: me.roles.length ? (await getWorkbenchHome()).entries : [] }
  }, [])

  return (
    <PageShell className='wb-home' onRefresh={state.reload} requireLogin='进入工作台需要先登录'>
      <StateView state={state} loadingText='正在读取工作台…'>
        {({ me, entries }) =>
          me.roles.length === 0 ? (
            <EmptyPanel
              text='您还不是工作人员。工作人员请向市总工会管理员索取邀请码。'
              action={
                <Button kind='primary' testId='have-invite' onClick={() => void Taro.navigateTo({ url: pages.account.staffInvite.path })}>
                  我有邀请码
                </Button>
              }
            />
          ) : (
            <View>
              <View className='lg-card lg-stack wb-home__who' data-testid='workbench-who'>
                <Text className='lg-title'>{me.nickname}</Text>
                {me.roles.map((grant) => (
                  <Text key={`${grant.role}-${grant.orgId}`} className='lg-muted'>
                    {grant.roleLabel} · {grant.orgName}
                  </Text>
                ))}
              </View>
              {entries.length === 0 ? (
                <EmptyPanel text='暂无可办理的事项' />
              ) : (
                <View className='lg-card lg-list'>
                  {entries.map((entry) => (
                    <View
                      key={entry.key}
                      className='lg-list-row'
                      data-entry={entry.key}
                      {...pressable()}
                      onClick={() => void Taro.navigateTo({ url: entry.path })}
                    >
                      <View className='lg-list-row__text'>
                        <Text>{entry.label}</Text>
                        <Text className='lg-muted'>{entry.description}</Text>
                      </View>
                      <View className='lg-list-row__end'>
                        {entry.overdue ? <Text className='lg-tag lg-tag--danger'>逾期 {entry.overdue}</Text> : null}
                        {entry.waiting ? <Text className='lg-badge'>{entry.waiting > 99 ? '99+' : entry.waiting}</Text> : null}
                        <Text className='lg-list-row__arrow'>›</Text>
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
