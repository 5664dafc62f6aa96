import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import dayjs from 'dayjs'
import { caseOutcomeLabel, caseTypeLabel } from '@contract/lines/legal-aid'
import { PageShell } from '@/components/page-shell'
import { StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { addCaseSubscriptions, getMyLegalAidCase, sendCaseMessage, withdrawLegalAidCase } from '@/services/api/legal-aid'
import { toApiError } from '@/services/api-error'
import { newIdempotencyKey } from '@/services/request'
import { CaseApplicationCard, CaseThread, CaseTimeline, formatYuan, StatusTag } from '../../shared/CaseParts'
import { canSubscribe, requestSubscription } from '@/services/subscribe'
import '../../shared/shared.css'
import './index.css'
import { draftKey } from '@/services/drafts'
import { useSession } from '@/hooks/useSession'

/** One case as the worker sees it: where it stands, what happens next, the history and the conversation. */
export default function CasePage() {
  const session = useSession()
  const { params } = useRouter()
  const id = params.id ?? ''
  const state = useApi(() => getMyLegalAidCase(id), [id])
  const [withdrawing, setWithdrawing] = useState(false)
  usePullDownRefresh(() => {
    void state.reload().finally(() => Taro.stopPullDownRefresh())
  })

  const withdraw = async () => {
    const answer = await Taro.showModal({ title: '撤回申请', content: '撤回后工会将停止办理这个案件，确定撤回吗？', confirmText: '撤回' })
    if (!answer.confirm) return
    setWithdrawing(true)
    try {
      await withdrawLegalAidCase(id, {}, newIdempotencyKey())
      void Taro.showToast({ title: '已撤回', icon: 'success' })
      await state.reload()
    } catch (caught) {
      void Taro.showToast({ title: toApiError(caught).message, icon: 'none' })
    } finally {
      setWithdrawing(false)
    }
  }

  const subscribe = async () => {
    const accepted = await requestSubscription('legalAidCase')
    if (accepted === 0) return
    try {
      await addCaseSubscriptions(id, accepted)
      void Taro.showToast({ title: '有进展时会通过微信通知您', icon: 'none' })
      await state.reload()
    } catch (caught) {
      void Taro.showToast({ title: toApiError(caught).message, icon: 'none' })
    }
  }

  return (
    <PageShell className='case-page'>
      <StateView state={state} loadingText='正在读取案件…'>
        {(item) => (
          <View className='case-page-body'>
            <View className='card'>
              <View className='case-head'>
                <Text className='case-no'>{caseTypeLabel[item.type]}</Text>
                <StatusTag status={item.status} />
              </View>
              <Text className='muted'>
                {item.caseNo} · 提交于 {dayjs(item.createdAt).format('YYYY-MM-DD')}
              </Text>
              <Text className='next-step' data-testid='next-step'>
                {item.nextStep}
              </Text>
              {item.declineReason ? <Text className='case-decline'>不予受理的原因：{item.declineReason}</Text> : null}
              {canSubscribe('legalAidCase') && item.subscribeCredits === 0 && item.canMessage ? (
                <Text className='link-button' onClick={() => void subscribe()}>
                  有进展时用微信通知我
                </Text>
              ) : null}
            </View>

            {item.handler ? (
              <View className='card case-handler'>
                <Text className='card-title'>承办律师</Text>
                <Text className='case-handler-name'>
                  {item.handler.name} · {item.handler.firm}
                </Text>
                <Text
                  className='link-button'
                  onClick={() => void Taro.makePhoneCall({ phoneNumber: item.handler!.phone }).catch(() => undefined)}
                >
                  拨打 {item.handler.phone}
                </Text>
              </View>
            ) : null}

            {item.outcome ? (
              <View className='card case-outcome'>
                <Text className='card-title'>结案结果</Text>
                <Text>
                  {caseOutcomeLabel[item.outcome.outcome]}
                  {item.outcome.amountRecovered > 0 ? `，追回 ${formatYuan(item.outcome.amountRecovered)}` : ''}
                </Text>
                <Text className='muted'>{item.outcome.summary}</Text>
              </View>
            ) : null}

            <Text className='section-title'>办理进度</Text>
            <View className='card'>
              <CaseTimeline events={item.timeline} />
            </View>

            <Text className='section-title'>与工作人员沟通</Text>
            <View className='card'>
              <CaseThread
                messages={item.messages}
                self='worker'
                canSend={item.canMessage}
                closedText='案件已办结，不能再发送消息。如有新问题，请重新申请或拨打 12351。'
                draftKey={draftKey(`legal-aid-message-${item.id}`, session.user?.id ?? 'anon')}
                send={(body, key) => sendCaseMessage(item.id, body, key)}
                onSent={() => void state.reload()}
              />
            </View>

            <Text className='section-title'>申请内容</Text>
            <CaseApplicationCard item={item} contact={`${item.contactName} ${item.contactPhoneMasked}`} />

            {item.canWithdraw ? (
              <View
                className={`btn btn-block case-withdraw ${withdrawing ? 'btn-busy' : ''}`}
                onClick={() => !withdrawing && void withdraw()}
              >
                撤回申请
              </View>
            ) : null}
          </View>
        )}
      </StateView>
    </PageShell>
  )
}
