import { Text, View } from '@tarojs/components'
import { subsidyKindLabel, subsidyWorkflow, type MyClaimDetail } from '@contract/lines/training'
import { Button } from '@/components/button'
import { FactList } from '@/components/fact-list'
import { Attachments } from '@/components/files'
import { RecordPage } from '@/components/page-shell'
import { Section } from '@/components/section'
import { StatusTag } from '@/components/status-tag'
import { Timeline } from '@/components/timeline'
import { useSubmission } from '@/hooks/useSubmission'
import { confirm, toast } from '@/services/dialogs'
import { formatDate, formatYuan } from '@/services/format'
import { getMyClaim, withdrawClaim } from '../../api'

/** One subsidy claim as the worker sees it: where it stands, the amounts, the files, the history. */
export default function ClaimPage() {
  return (
    <RecordPage className='tr-claim' requireLogin='查看申请需要先登录' load={getMyClaim} loadingText='正在读取申请…'>
      {(item, reload) => <ClaimView item={item} reload={reload} />}
    </RecordPage>
  )
}

function ClaimView({ item, reload }: { item: MyClaimDetail; reload: () => Promise<void> }) {
  const submission = useSubmission({ reload })
  const withdraw = async () => {
    if (!(await confirm({ title: '撤回申请', content: '撤回后不能恢复，可以重新申请。确定撤回吗？', confirmText: '撤回', danger: true })))
      return
    const result = await submission.submit({}, (body, key) => withdrawClaim(item.id, body, key))
    if (result.ok) {
      toast('已撤回')
      await reload()
    }
  }
  return (
    <View className='lg-body'>
      <View className='lg-card lg-stack'>
        <View className='tr-course__status'>
          <Text className='lg-card__title'>{subsidyKindLabel[item.kind]}</Text>
          <StatusTag status={item.status} workflow={subsidyWorkflow} />
        </View>
        <Text className='lg-notice'>{item.nextStep}</Text>
        {item.rejectReason ? <Text className='lg-notice lg-notice--danger'>原因：{item.rejectReason}</Text> : null}
      </View>
      <FactList
        facts={[
          { label: '申请编号', value: item.claimNo },
          { label: '证书', value: `${item.certificateName}（${item.certificateNo}）`, wide: true },
          { label: '发证日期', value: formatDate(item.certificateDate) },
          { label: '补贴标准', value: formatYuan(item.ruleAmount) },
          { label: '本次可补', value: formatYuan(item.payable) },
          item.approvedAmount !== null ? { label: '核定金额', value: formatYuan(item.approvedAmount) } : null,
          { label: '拨付到', value: item.unitUnionName, wide: true },
          item.paymentReference ? { label: '拨付凭证', value: item.paymentReference } : null,
        ]}
      />
      <Section title='证明材料'>
        <Attachments files={item.attachments} />
      </Section>
      <Section title='办理进度'>
        <Timeline events={item.timeline} workflow={subsidyWorkflow} />
      </Section>
      {item.canWithdraw ? (
        <Button kind='danger' block busy={submission.busy} onClick={() => void withdraw()}>
          撤回申请
        </Button>
      ) : null}
    </View>
  )
}
