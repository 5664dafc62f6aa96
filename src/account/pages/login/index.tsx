import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { staffRoleLabel, type DevPersona } from '@contract/auth'
import { PageShell } from '@/components/page-shell'
import { LoadingPanel } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { listDevPersonas } from '@/services/api/core'
import { toApiError } from '@/services/api-error'
import { isWeapp, loginAsPersona, loginThroughWechat } from '@/services/session'
import './index.css'

const TAB_PAGES = ['/pages/home/index', '/pages/mine/index']

/** After logging in, go where the user was heading (a tab page needs switchTab). */
function continueTo(redirect: string | undefined): void {
  const target = redirect ? decodeURIComponent(redirect) : ''
  if (!target) {
    void Taro.switchTab({ url: '/pages/mine/index' })
  } else if (TAB_PAGES.includes(target.split('?')[0] ?? '')) {
    void Taro.switchTab({ url: target })
  } else {
    void Taro.redirectTo({ url: target })
  }
}

export default function LoginPage() {
  const { params } = useRouter()
  const [busy, setBusy] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [customId, setCustomId] = useState('')
  // Demo personas exist only on a server in dev mode; elsewhere this answers 404.
  const personas = useApi(() => listDevPersonas().then((result) => result.personas), [], { enabled: !isWeapp, refreshOnShow: false })

  const run = async (key: string, action: () => Promise<void>) => {
    setBusy(key)
    setError(null)
    try {
      await action()
      continueTo(params.redirect)
    } catch (caught) {
      setError(toApiError(caught).message)
    } finally {
      setBusy(null)
    }
  }

  return (
    <PageShell className='login'>
      <View className='login-intro'>
        <Text className='login-title'>登录连·工惠</Text>
        <Text className='muted'>登录后可申请入会、法律援助等服务，查看办理进度。</Text>
      </View>

      {isWeapp ? (
        <View className='btn-block'>
          <Button type='primary' block size='large' loading={busy === 'wechat'} onClick={() => void run('wechat', loginThroughWechat)}>
            微信一键登录
          </Button>
        </View>
      ) : personas.loading ? (
        <LoadingPanel text='正在读取演示账号…' />
      ) : personas.data ? (
        <View>
          <Text className='section-title'>选择一个演示账号</Text>
          {personas.data.map((persona: DevPersona) => (
            <View
              key={persona.openid}
              className='card login-persona'
              data-openid={persona.openid}
              onClick={() => void run(persona.openid, () => loginAsPersona(persona.openid))}
            >
              <View className='login-persona-head'>
                <Text className='login-persona-name'>{persona.nickname}</Text>
                {busy === persona.openid ? <Text className='muted'>登录中…</Text> : null}
              </View>
              <Text className='muted'>{persona.description}</Text>
              {persona.roles.map((grant) => (
                <Text key={`${grant.role}-${grant.orgId}`} className='tag login-persona-role'>
                  {staffRoleLabel[grant.role]} · {grant.orgName}
                </Text>
              ))}
            </View>
          ))}
          <Text className='section-title'>或使用其他演示账号</Text>
          <View className='card login-custom'>
            <Input
              className='login-input'
              value={customId}
              placeholder='输入任意标识，例如 worker-001'
              maxlength={64}
              onInput={(event) => setCustomId(event.detail.value)}
            />
            <Button
              type='primary'
              block
              loading={busy === 'custom'}
              disabled={!customId.trim()}
              onClick={() => void run('custom', () => loginAsPersona(customId.trim()))}
            >
              登录
            </Button>
          </View>
        </View>
      ) : (
        <View className='card'>
          <Text>请在微信中搜索“连·工惠”小程序，打开后即可一键登录。</Text>
        </View>
      )}
      {error ? (
        <View className='login-error' role='alert'>
          {error}
        </View>
      ) : null}
    </PageShell>
  )
}
