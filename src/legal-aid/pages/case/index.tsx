import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { caseOutcomeLabel, legalAidWorkflow, type MyCaseDetail } from '@contract/lines/legal-aid'
import { Button } from '@/components/button'
import { FactList } from '@/components/fact-list'
import { MessageThread } from '@/components/message-thread'
import { RecordPage } from '@/components/page-shell'
import { Section } from '@/components/section'
import { Timeline } from '@/components/timeline'
import { useSubmission } from '@/hooks/useSubmission'
import { confirm, toast } from '@/services/dialogs'
import { formatDate, formatYuan } from '@/services/format'
import { canSubscribe, keepSubscription, requestSubscription } from '@/services/subscribe'
import { getMyLegalAidCase, sendCaseMessage, withdrawLegalAidCase } from '../../api'
import { CaseHead, caseApplicationFacts } from '../../parts'
import './index.css'

/** One case as the worker sees it: where it stands, what happens next, the history and the conversation. */
export default function CasePage() {
  return (
    <RecordPage className='la-case' requireLogin='查看案件需要先登录' load={getMyLegalAidCase} loadingText='正在读取案件…'>
      {(item, reload) => <CaseView item={item} reload={reload} />}
    </RecordPage>
  )
}

function CaseView({ item, reload }: { item: MyCaseDetail; reload: () => Promise<void> }) {
  const withdrawal = useSubmission({ reload })

  const withdraw = async () => {
    const sure = await confirm({
      title: '撤回申请',
      content: '撤回后工会将停止办理这个案件，不能恢复。确定撤回吗？',
      confirmText: '撤回',
      danger: true,
    })
    if (!sure) return
    const result = await withdrawal.submit({}, (body, key) => withdrawLegalAidCase(item.id, body, key))
    if (!result.ok) return
    toast('已撤回')
    await reload()
  }

  const subscribe = async () => {
    const accepted = await requestSubscription('legal_aid')
    if ((await keepSubscription(legalAidWorkflow.subject, item.id, accepted)) === null) return
    toast('有进展时会通过微信通知您')
    await reload()
  }

  return (
    <View className='lg-body'>
      <View className='lg-card'>
        <CaseHead type={item.type} status={item.status}>
          <Text className='lg-muted'>
            {item.caseNo} · 提交于 {formatDate(item.createdAt)}
          </Text>
        </CaseHead>
        <Text className='lg-notice' data-testid='next-step'>
          {item.nextStep}
        </Text>
        {item.declineReason ? <Text className='lg-notice lg-notice--danger'>不予受理的原因：{item.declineReason}</Text> : null}
        {canSubscribe('legal_aid') && item.subscribeCredits === 0 && item.canMessage ? (
          <Text className='lg-link' onClick={() => void subscribe()}>
            有进展时用微信通知我
          </Text>
        ) : null}
      </View>

      {item.handler ? (
        <View className='lg-card lg-stack'>
          <Text className='lg-card__title'>承办律师</Text>
          <Text className='la-case__handler-name'>
            {item.handler.name} · {item.handler.firm}
          </Text>
          <Text className='lg-link' onClick={() => void Taro.makePhoneCall({ phoneNumber: item.handler!.phone }).catch(() => undefined)}>
            拨打 {item.handler.phone}
          </Text>
        </View>
      ) : null}

      {item.outcome ? (
        <View className='lg-card lg-stack'>
          <Text className='lg-card__title'>结案结果</Text>
          <Text>
            {caseOutcomeLabel[item.outcome.outcome]}
            {item.outcome.amountRecovered > 0 ? `，追回 ${formatYuan(item.outcome.amountRecovered)}` : ''}
          </Text>
          <Text className='lg-muted'>{item.outcome.summary}</Text>
        </View>
      ) : null}

      <Section title='办理进度'>
        <Timeline events={item.timeline} workflow={legalAidWorkflow} />
      </Section>

      <Section title='与工作人员沟通'>
        <MessageThread
          messages={item.messages}
          self='worker'
          canSend={item.canMessage}
          closedText='案件已办结，不能再发送消息。如有新问题，请重新申请或拨打 12351。'
          draftForm={`legal-aid-message-${item.id}`}
          send={(body, key) => sendCaseMessage(item.id, body, key)}
          onSent={() => void reload()}
        />
      </Section>

      <Section title='申请内容'>
        <FactList facts={caseApplicationFacts(item, `${item.contactName} ${item.contactPhoneMasked}`)} />
      </Section>

      {item.canWithdraw ? (
        <Button
          kind='danger'
          block
          className='la-case__withdraw'
          busy={withdrawal.busy}
          busyText='正在撤回…'
          onClick={() => void withdraw()}
        >
          撤回申请
        </Button>
      ) : null}
    </View>
  )
}
