import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { staffRoleLabel } from '@contract/auth'
import { PageShell } from '@/components/page-shell'
import { ErrorPanel, LoadingPanel } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { useSession } from '@/hooks/useSession'
import { getMe, getUnreadCount, listServices } from '@/services/api/core'
import { getMyMembership } from '@/services/api/membership'
import { goToLogin, isWeapp, loginThroughWechat } from '@/services/session'
import { setSession } from '@/services/session-store'
import './index.css'

const go = (url: string) => () => void Taro.navigateTo({ url })

export default function MinePage() {
  const session = useSession()
  const loggedIn = Boolean(session.token)
  const me = useApi(
    async () => {
      const user = await getMe()
      setSession({ user })
      return user
    },
    [session.token],
    { enabled: loggedIn },
  )
  const unread = useApi(() => getUnreadCount().then((result) => result.unreadCount), [session.token], { enabled: loggedIn })
  const services = useApi(() => listServices().then((result) => result.services), [])
  const membership = useApi(getMyMembership, [session.token], { enabled: loggedIn })
  // The membership line's row says where the worker stands, so they need not open it to know.
  const membershipStatus = membership.data
    ? membership.data.membership
      ? '已入会'
      : membership.data.application
        ? ({ submitted: '待审核', rejected: '未通过', approved: '已入会', withdrawn: '未入会' } as const)[
            membership.data.application.status
          ]
        : '未入会'
    : null
  const myEntries = (services.data ?? []).filter((line) => line.status === 'open' && line.myPath)
  const user = me.data ?? session.user

  const login = () => {
    if (isWeapp) {
      loginThroughWechat().catch((error: Error) => void Taro.showToast({ title: error.message, icon: 'none' }))
    } else {
      goToLogin('/pages/mine/index')
    }
  }

  return (
    <PageShell className='mine'>
      <View className='mine-header'>
        {user ? (
          <View className='mine-user' data-testid='mine-user'>
            <View className='mine-avatar'>
              <Text>{user.nickname.slice(0, 1)}</Text>
            </View>
            <View className='mine-user-text'>
              <Text className='mine-name'>{user.nickname}</Text>
              <Text className='mine-sub'>{user.phoneMasked ?? '未绑定手机号'}</Text>
            </View>
          </View>
        ) : loggedIn && me.loading ? (
          <LoadingPanel text='正在读取账号…' />
        ) : loggedIn && me.error ? (
          <ErrorPanel message={me.error.message} code={me.error.code} onRetry={me.reload} />
        ) : (
          <View className='mine-user' onClick={login}>
            <View className='mine-avatar mine-avatar-empty'>
              <Text>?</Text>
            </View>
            <View className='mine-user-text'>
              <Text className='mine-name'>未登录</Text>
              <Text className='mine-sub'>点此登录，办理各项服务</Text>
            </View>
          </View>
        )}
        {user && user.roles.length > 0 ? (
          <View className='mine-roles'>
            {user.roles.map((grant) => (
              <Text key={`${grant.role}-${grant.orgId}`} className='tag mine-role'>
                {staffRoleLabel[grant.role]} · {grant.orgName}
              </Text>
            ))}
          </View>
        ) : null}
      </View>

      {loggedIn ? (
        <>
          <Text className='section-title'>我的办理</Text>
          <View className='card mine-list'>
            {myEntries.length === 0 ? (
              <Text className='muted'>{services.loading ? '加载中…' : '还没有可以查看的办理记录'}</Text>
            ) : (
              myEntries.map((line) => (
                <View key={line.key} className='list-row' data-line={line.key} onClick={go(line.myPath ?? '')}>
                  <Text>{line.myLabel ?? line.name}</Text>
                  <View className='mine-row-end'>
                    {line.key === 'membership' && membershipStatus ? (
                      <Text className='muted' data-testid='mine-membership-status'>
                        {membershipStatus}
                      </Text>
                    ) : null}
                    <Text className='list-row-arrow'>›</Text>
                  </View>
                </View>
              ))
            )}
          </View>
          {user && user.roles.length > 0 ? (
            <View className='card mine-list'>
              <View className='list-row' data-testid='mine-workbench' onClick={go('/workbench/pages/index/index')}>
                <Text>工作台</Text>
                <Text className='list-row-arrow'>›</Text>
              </View>
            </View>
          ) : null}
          <View className='card mine-list'>
            <View className='list-row' data-testid='mine-my-data' onClick={go('/account/pages/my-data/index')}>
              <Text>我的数据（查看、更正、注销）</Text>
              <Text className='list-row-arrow'>›</Text>
            </View>
            <View className='list-row' data-testid='mine-staff-invite' onClick={go('/account/pages/staff-invite/index')}>
              <Text>工作人员入口（邀请码）</Text>
              <Text className='list-row-arrow'>›</Text>
            </View>
          </View>
          <View className='card mine-list'>
            <View className='list-row' data-testid='mine-messages' onClick={go('/account/pages/messages/index')}>
              <Text>消息</Text>
              <View className='mine-row-end'>
                {unread.data ? <Text className='badge'>{unread.data > 99 ? '99+' : unread.data}</Text> : null}
                <Text className='list-row-arrow'>›</Text>
              </View>
            </View>
          </View>
        </>
      ) : null}

      <View className='card mine-list'>
        <View className='list-row' data-testid='mine-settings' onClick={go('/account/pages/settings/index')}>
          <Text>设置（关怀模式）</Text>
          <Text className='list-row-arrow'>›</Text>
        </View>
      </View>
    </PageShell>
  )
}
