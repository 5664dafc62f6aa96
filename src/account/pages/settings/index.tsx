import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Switch } from '@nutui/nutui-react-taro'
import { PageShell } from '@/components/page-shell'
import { useCareMode } from '@/hooks/useCareMode'
import { useSession } from '@/hooks/useSession'
import { logout } from '@/services/session'
import './index.css'

export default function SettingsPage() {
  const care = useCareMode()
  const session = useSession()

  const confirmLogout = async () => {
    const { confirm } = await Taro.showModal({ title: '退出登录', content: '退出后，本机保存的草稿仍会保留。', confirmText: '退出' })
    if (!confirm) return
    logout()
    void Taro.switchTab({ url: '/pages/mine/index' })
  }

  return (
    <PageShell className='settings'>
      <Text className='section-title'>显示</Text>
      <View className='card settings-list'>
        <View className='list-row' data-testid='care-mode-row'>
          <View className='settings-label'>
            <Text>关怀模式</Text>
            <Text className='muted'>字更大、按钮更大，看得清、点得准</Text>
          </View>
          <Switch className='care-mode-switch' checked={care.enabled} onChange={(checked: boolean) => care.setEnabled(checked)} />
        </View>
        {care.source === 'user' ? (
          <View className='list-row' onClick={care.followSystem}>
            <Text>改为跟随微信字体大小</Text>
            <Text className='list-row-arrow'>›</Text>
          </View>
        ) : (
          <View className='list-row'>
            <Text className='muted'>目前跟随微信的字体大小设置</Text>
          </View>
        )}
      </View>
      <View className='card settings-preview' data-testid='care-mode-preview'>
        <Text className='settings-preview-text'>示例文字：工会是职工之家。</Text>
      </View>

      {session.token ? (
        <View className='btn-block'>
          <View className='btn' onClick={() => void confirmLogout()}>
            退出登录
          </View>
        </View>
      ) : null}
      <Text className='muted settings-version'>连·工惠 v0.1.0 · 连云港市总工会</Text>
    </PageShell>
  )
}
