import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { pages } from '@contract/pages'
import { pressable } from '@/components/button/pressable'
import { PageShell } from '@/components/page-shell'
import { ErrorPanel, LoadingPanel } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { useSession } from '@/hooks/useSession'
import { getMe, getMyLines, getUnreadCount } from '@/services/api/core'
import { toast } from '@/services/dialogs'
import { goToLogin, isWeapp, loginThroughWechat } from '@/services/session'
import { setSession } from '@/services/session-store'
import './index.css'

const go = (url: string) => () => void Taro.navigateTo({ url })

function Row({ label, onTap, testId, line, end }: { label: string; onTap: () => void; testId?: string; line?: string; end?: ReactNode }) {
  return (
    <View className='lg-list-row' data-testid={testId} data-line={line} {...pressable()} onClick={onTap}>
      <Text>{label}</Text>
      <View className='lg-list-row__end'>
        {end}
        <Text className='lg-list-row__arrow'>›</Text>
      </View>
    </View>
  )
}

/** 我的: the account, what the person has under way in every line, and the platform's own pages. */
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
  // Each line says what it holds of the person and where they stand (已入会, 2 件办理中…).
  const lines = useApi(() => getMyLines().then((result) => result.lines), [session.token], { enabled: loggedIn })
  const user = me.data ?? session.user

  const login = () => {
    if (isWeapp) loginThroughWechat().catch((error: Error) => toast(error.message))
    else goToLogin(pages.mine.path)
  }

  return (
    <PageShell className='mine' onRefresh={() => Promise.all([me.reload(), unread.reload(), lines.reload()])}>
      <View className='mine__header'>
        {user ? (
          <View className='mine__user' data-testid='mine-user'>
            <View className='mine__avatar'>
              <Text>{user.nickname.slice(0, 1)}</Text>
            </View>
            <View className='mine__user-text'>
              <Text className='mine__name'>{user.nickname}</Text>
              <Text className='mine__sub'>{user.phoneMasked ?? '未绑定手机号'}</Text>
            </View>
          </View>
        ) : loggedIn && me.loading ? (
          <LoadingPanel text='正在读取账号…' />
        ) : loggedIn && me.error ? (
          <ErrorPanel message={me.error.message} code={me.error.code} onRetry={me.reload} />
        ) : (
          <View className='mine__user' {...pressable()} onClick={login}>
            <View className='mine__avatar mine__avatar--empty'>
              <Text>?</Text>
            </View>
            <View className='mine__user-text'>
              <Text className='mine__name'>{session.expired ? '登录已过期' : '未登录'}</Text>
              <Text className='mine__sub'>{session.expired ? '点此重新登录' : '点此登录，办理各项服务'}</Text>
            </View>
          </View>
        )}
        {user && user.roles.length > 0 ? (
          <View className='mine__roles'>
            {user.roles.map((grant) => (
              <Text key={`${grant.role}-${grant.orgId}`} className='lg-tag mine__role'>
                {grant.roleLabel} · {grant.orgName}
              </Text>
            ))}
          </View>
        ) : null}
      </View>

      {loggedIn ? (
        <>
          <Text className='lg-section-title'>我的办理</Text>
          <View className='lg-card lg-list' data-testid='mine-lines'>
            {!lines.data || lines.data.length === 0 ? (
              <Text className='lg-muted mine__empty'>
                {lines.loading ? '加载中…' : lines.error ? lines.error.message : '还没有办理记录'}
              </Text>
            ) : (
              lines.data.map((line) => (
                <Row
                  key={line.key}
                  line={line.key}
                  label={line.label}
                  onTap={go(line.path)}
                  end={
                    line.status ? (
                      <Text className='lg-muted' data-testid={`mine-status-${line.key}`}>
                        {line.status}
                      </Text>
                    ) : null
                  }
                />
              ))
            )}
          </View>
          {user && user.roles.length > 0 ? (
            <View className='lg-card lg-list'>
              <Row label='工作台' testId='mine-workbench' onTap={go(pages.workbench.home.path)} />
            </View>
          ) : null}
          <View className='lg-card lg-list'>
            <Row label='我的数据（查看、更正、注销）' testId='mine-my-data' onTap={go(pages.account.myData.path)} />
            <Row label='工作人员入口（邀请码）' testId='mine-staff-invite' onTap={go(pages.account.staffInvite.path)} />
          </View>
          <View className='lg-card lg-list'>
            <Row
              label='消息'
              testId='mine-messages'
              onTap={go(pages.account.messages.path)}
              end={unread.data ? <Text className='lg-badge'>{unread.data > 99 ? '99+' : unread.data}</Text> : null}
            />
          </View>
        </>
      ) : null}

      <View className='lg-card lg-list'>
        <Row label='设置（关怀模式）' testId='mine-settings' onTap={go(pages.account.settings.path)} />
      </View>
    </PageShell>
  )
}
