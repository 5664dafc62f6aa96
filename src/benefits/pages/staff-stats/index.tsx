import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { signalKindLabel, type FraudSignal, type FraudSignalList } from '@contract/lines/benefits'
import { Button } from '@/components/button'
import { TextInput } from '@/components/form'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { DashboardPage } from '@/components/stats-board'
import { useApi } from '@/hooks/useApi'
import { toast } from '@/services/dialogs'
import { formatDateTime } from '@/services/format'
import { getBenefitsStats, listSignals, reviewSignal } from '../../api'
import '../benefits.css'

/** 优惠数据看板: cards, merchants, campaigns and redemptions against the plan; fraud signals to review. */
export default function StaffStatsPage() {
  return (
    <DashboardPage className='bn-stats' load={getBenefitsStats}>
      <Signals />
    </DashboardPage>
  )
}

function Signals() {
  const state = useApi<FraudSignalList>(listSignals, [])
  return (
    <Section title='异常核销'>
      <StateView state={state} isEmpty={(data) => data.items.length === 0} emptyText='近 30 天没有异常核销' loadingText='正在分析核销记录…'>
        {(data) => (
          <View className='lg-stack'>
            {data.items.map((signal) => (
              <SignalCard key={signal.key} signal={signal} reload={state.reload} />
            ))}
          </View>
        )}
      </StateView>
    </Section>
  )
}

function SignalCard({ signal, reload }: { signal: FraudSignal; reload: () => Promise<void> }) {
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const review = async () => {
    setBusy(true)
    try {
      await reviewSignal(signal.key, note)
      toast('已标记处理')
      await reload()
    } catch (error) {
      toast((error as Error).message)
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='lg-card lg-stack'>
      <View className='bn-row'>
        <Text className='lg-tag'>{signalKindLabel[signal.kind]}</Text>
        <Text>{signal.merchantName ?? signal.memberMasked ?? ''}</Text>
      </View>
      <Text>{signal.detail}</Text>
      <Text className='lg-muted'>{formatDateTime(signal.at)}</Text>
      {signal.reviewed ? (
        <Text className='lg-muted'>已处理{signal.reviewNote ? `：${signal.reviewNote}` : ''}</Text>
      ) : (
        <View className='bn-row'>
          <TextInput value={note} onChange={setNote} maxLength={200} placeholder='处理说明' />
          <Button busy={busy} onClick={() => void review()}>
            标记已处理
          </Button>
        </View>
      )}
    </View>
  )
}
