import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { subsidyKindLabel, subsidyWorkflow, type StaffClaimDetail } from '@contract/lines/training'
import { Button } from '@/components/button'
import { FactList } from '@/components/fact-list'
import { Attachments } from '@/components/files'
import { Field, TextInput } from '@/components/form'
import { RecordPage } from '@/components/page-shell'
import { Section } from '@/components/section'
import { StatusTag } from '@/components/status-tag'
import { Timeline } from '@/components/timeline'
import { useSubmission } from '@/hooks/useSubmission'
import { confirm, toast } from '@/services/dialogs'
import { formatDate, formatYuan } from '@/services/format'
import { decideClaim, getStaffClaim } from '../../api'

/** A subsidy claim for review: the certificate, the eligibility declared, the proof; approve, reject, record the payment. */
export default function StaffClaimPage() {
  return (
    <RecordPage className='tr-staff-claim' requireLogin='请先登录工作人员账号' load={getStaffClaim} loadingText='正在读取申请…'>
      {(item, reload) => <ClaimReview item={item} reload={reload} />}
    </RecordPage>
  )
}

function ClaimReview({ item, reload }: { item: StaffClaimDetail; reload: () => Promise<void> }) {
  const submission = useSubmission({ reload })
  const [amount, setAmount] = useState(String(item.payable))
  const [text, setText] = useState('')

  const approve = async () => {
    const value = Number(amount)
    if (
      !(await confirm({
        title: '批准补贴',
        content: `批准 ${item.applicantName} ${formatYuan(value)}，拨付到${item.unitUnionName}？`,
        confirmText: '批准',
      }))
    )
      return
    const result = await submission.submit({ amount: value }, (body, key) => decideClaim(item.id, 'approve', body, key), 'approve')
    if (result.ok) toast('已批准')
  }
  const reject = async () => {
    if (text.trim().length < 2) {
      submission.setFieldErrors({ reason: '请填写不予批准的原因（会告知职工）' })
      return
    }
    if (!(await confirm({ title: '不予批准', content: '确定不予批准吗？', confirmText: '不予批准', danger: true }))) return
    const result = await submission.submit({ reason: text.trim() }, (body, key) => decideClaim(item.id, 'reject', body, key), 'reject')
    if (result.ok) toast('已处理')
  }
  const pay = async () => {
    if (text.trim().length < 2) {
      submission.setFieldErrors({ reference: '请填写拨付凭证号' })
      return
    }
    const result = await submission.submit({ reference: text.trim() }, (body, key) => decideClaim(item.id, 'pay', body, key), 'pay')
    if (result.ok) toast('已登记拨付')
  }

  return (
    <View className='lg-body'>
      <View className='lg-card lg-stack'>
        <View className='tr-course__status'>
          <Text className='lg-card__title'>
            {item.applicantName} · {subsidyKindLabel[item.kind]}
          </Text>
          <StatusTag status={item.status} workflow={subsidyWorkflow} />
        </View>
        <Text className='lg-muted'>
          {item.quota.year} 年名额已用 {item.quota.used} / {item.quota.quota}
        </Text>
      </View>
      <FactList
        facts={[
          { label: '申请编号', value: item.claimNo },
          { label: '证书', value: `${item.certificateName}（${item.certificateNo}）`, wide: true },
          { label: '发证日期', value: `${formatDate(item.certificateDate)}（申请期限至 ${item.claimWindowEnds}）`, wide: true },
          { label: '工作单位', value: item.employer, wide: true },
          { label: '社保月数', value: `${item.socialInsuranceMonths} 个月` },
          { label: '补贴标准', value: formatYuan(item.ruleAmount) },
          { label: '当年已获技能补贴', value: formatYuan(item.skillGrantedThatYear) },
          { label: '本次可批', value: formatYuan(item.payable) },
          item.approvedAmount !== null ? { label: '核定金额', value: formatYuan(item.approvedAmount) } : null,
          { label: '拨付到', value: item.unitUnionName, wide: true },
        ]}
      />
      <Section title='证明材料'>
        <Attachments files={item.attachments} />
      </Section>
      {item.actions.includes('approve') ? (
        <View className='lg-card lg-stack'>
          <Field label='核定金额（元）' name='amount' error={submission.fieldErrors.amount}>
            <TextInput type='digit' value={amount} onChange={setAmount} maxLength={7} />
          </Field>
          <Button kind='primary' block busy={submission.busy} onClick={() => void approve()}>
            批准
          </Button>
        </View>
      ) : null}
      {item.actions.includes('reject') ? (
        <View className='lg-card lg-stack'>
          <Field label='不予批准的原因' name='reason' error={submission.fieldErrors.reason}>
            <TextInput value={text} onChange={setText} maxLength={200} />
          </Field>
          <Button kind='danger' block busy={submission.busy} onClick={() => void reject()}>
            不予批准
          </Button>
        </View>
      ) : null}
      {item.actions.includes('pay') ? (
        <View className='lg-card lg-stack'>
          <Field label='拨付凭证号' name='reference' error={submission.fieldErrors.reference}>
            <TextInput value={text} onChange={setText} maxLength={40} />
          </Field>
          <Button block busy={submission.busy} onClick={() => void pay()}>
            登记拨付到单位工会
          </Button>
        </View>
      ) : null}
      {!item.canAct ? <Text className='lg-muted'>您可以查看这份申请，但不能审核。</Text> : null}
      <Section title='办理进度'>
        <Timeline events={item.timeline} workflow={subsidyWorkflow} />
      </Section>
    </View>
  )
}
