import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { TextInput } from '@/components/form'
import { PageShell } from '@/components/page-shell'
import { LoadingPanel } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { listDevPersonas } from '@/services/api/core'
import { toApiError } from '@/services/api-error'
import { isWeapp, loginAsPersona, loginThroughWechat } from '@/services/session'
import './index.css'

const TAB_PAGES = [pages.home.path, pages.mine.path]

/** After logging in, go where the user was heading (a tab page needs switchTab). */
function continueTo(redirect: string | undefined): void {
  const target = redirect ? decodeURIComponent(redirect) : ''
  if (!target) {
    void Taro.switchTab({ url: pages.mine.path })
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
    if (busy) return
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
    <PageShell className='ac-login'>
      <View className='ac-login__intro'>
        <Text className='ac-login__title'>登录连·工惠</Text>
        <Text className='lg-muted'>登录后可申请入会、法律援助等服务，查看办理进度。</Text>
      </View>

      {isWeapp ? (
        <Button kind='primary' block busy={busy === 'wechat'} busyText='正在登录…' onClick={() => void run('wechat', loginThroughWechat)}>
          微信一键登录
        </Button>
      ) : personas.loading ? (
        <LoadingPanel text='正在读取演示账号…' />
      ) : personas.data ? (
        <View>
          <Text className='lg-section-title'>选择一个演示账号</Text>
          {personas.data.map((persona) => (
            <View
              key={persona.openid}
              className='lg-card lg-stack'
              data-openid={persona.openid}
              onClick={() => void run(persona.openid, () => loginAsPersona(persona.openid))}
            >
              <View className='lg-spread'>
                <Text className='lg-title'>{persona.nickname}</Text>
                {busy === persona.openid ? <Text className='lg-muted'>登录中…</Text> : null}
              </View>
              <Text className='lg-muted'>{persona.description}</Text>
              {persona.roles.map((grant) => (
                <Text key={`${grant.role}-${grant.orgId}`} className='lg-tag ac-login__persona-role'>
                  {grant.roleLabel} · {grant.orgName}
                </Text>
              ))}
            </View>
          ))}
          <Text className='lg-section-title'>或使用其他演示账号</Text>
          <View className='lg-card ac-login__custom'>
            <TextInput value={customId} placeholder='输入任意标识，例如 worker-001' maxLength={64} onChange={setCustomId} />
            <Button
              kind='primary'
              testId='login-custom'
              busy={busy === 'custom'}
              busyText='登录中…'
              disabled={!customId.trim()}
              onClick={() => void run('custom', () => loginAsPersona(customId.trim()))}
            >
              登录
            </Button>
          </View>
        </View>
      ) : (
        <View className='lg-card'>
          <Text>请在微信中搜索“连·工惠”小程序，打开后即可一键登录。</Text>
        </View>
      )}
      {error ? (
        <View className='ac-login__error' role='alert'>
          {error}
        </View>
      ) : null}
    </PageShell>
  )
}
