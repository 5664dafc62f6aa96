import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { PageShell } from '@/components/page-shell'
import { SwitchRow } from '@/components/switch'
import { useCareMode } from '@/hooks/useCareMode'
import { useSession } from '@/hooks/useSession'
import { confirm } from '@/services/dialogs'
import { logout } from '@/services/session'
import './index.css'

export default function SettingsPage() {
  const care = useCareMode()
  const session = useSession()

  const confirmLogout = async () => {
    if (!(await confirm({ title: '退出登录', content: '退出后，本机保存的草稿仍会保留。', confirmText: '退出' }))) return
    logout()
    void Taro.switchTab({ url: pages.mine.path })
  }

  return (
    <PageShell className='ac-settings'>
      <Text className='lg-section-title'>显示</Text>
      <View className='lg-card lg-list'>
        <SwitchRow
          label='关怀模式'
          description='字更大、按钮更大，看得清、点得准'
          checked={care.enabled}
          onChange={care.setEnabled}
          testId='care-mode-row'
        />
        {care.source === 'user' ? (
          <View className='lg-list-row' onClick={care.followSystem}>
            <Text>改为跟随微信字体大小</Text>
            <Text className='lg-list-row__arrow'>›</Text>
          </View>
        ) : (
          <View className='lg-list-row'>
            <Text className='lg-muted'>目前跟随微信的字体大小设置</Text>
          </View>
        )}
      </View>
      <View className='lg-card' data-testid='care-mode-preview'>
        <Text className='ac-settings__preview'>示例文字：工会是职工之家。</Text>
      </View>

      {session.token ? (
        <Button block onClick={() => void confirmLogout()}>
          退出登录
        </Button>
      ) : null}
      <Text className='lg-muted ac-settings__version'>连·工惠 v0.1.0 · 连云港市总工会</Text>
    </PageShell>
  )
}
