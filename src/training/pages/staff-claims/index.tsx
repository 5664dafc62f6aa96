import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  CLAIM_QUEUE_TABS,
  claimQueueTabLabel,
  subsidyKindLabel,
  subsidyWorkflow,
  type ClaimQueueTab,
  type StaffClaimList,
} from '@contract/lines/training'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { Field, TextInput } from '@/components/form'
import { PageShell } from '@/components/page-shell'
import { PagedList, QueueTabs } from '@/components/queue'
import { StatusTag } from '@/components/status-tag'
import { useApi } from '@/hooks/useApi'
import { usePagedApi } from '@/hooks/usePagedApi'
import { useSubmission } from '@/hooks/useSubmission'
import { toast } from '@/services/dialogs'
import { formatDate, formatYuan } from '@/services/format'
import { listClaimQueue, readTrainingSettings, saveTrainingSettings } from '../../api'

const tabs = CLAIM_QUEUE_TABS.map((key) => ({ key, label: claimQueueTabLabel[key] }))

/** 培训补贴审核: claims waiting first; approve with the amount, reject with a reason, record the payment. */
export default function StaffClaimsPage() {
  const [tab, setTab] = useState<ClaimQueueTab>('submitted')
  const claims = usePagedApi<StaffClaimList>((cursor) => listClaimQueue({ tab, cursor }), [tab])
  return (
    <PageShell className='tr-staff-claims' onRefresh={claims.reload} requireLogin='请先登录工作人员账号'>
      <View className='lg-body'>
        <QueueTabs tabs={tabs} value={tab} onChange={setTab} counts={claims.data?.counts} scroll />
        {claims.data ? (
          <Text className='lg-muted'>
            {claims.data.quota.year} 年名额 {claims.data.quota.used} / {claims.data.quota.quota}
          </Text>
        ) : null}
        <SettingsCard onSaved={claims.reload} />
        <PagedList
          state={claims}
          emptyText='没有申请'
          loadingText='正在读取申请…'
          renderItem={(item) => (
            <View
              key={item.id}
              className='lg-card lg-stack'
              data-claim={item.id}
              onClick={() => void Taro.navigateTo({ url: pages.training.staffClaim.url({ id: item.id }) })}
            >
              <View className='tr-course__status'>
                <Text className='lg-card__title'>
                  {item.applicantName} · {subsidyKindLabel[item.kind]}
                </Text>
                <StatusTag status={item.status} workflow={subsidyWorkflow} />
              </View>
              <Text className='lg-muted'>
                {item.claimNo} · {item.certificateName} · 发证 {formatDate(item.certificateDate)}
              </Text>
              <Text>
                可补 {formatYuan(item.payable)}
                {item.approvedAmount !== null ? ` · 核定 ${formatYuan(item.approvedAmount)}` : ''} · {item.unitUnionName}
              </Text>
            </View>
          )}
        />
      </View>
    </PageShell>
  )
}

/** This year's quota of approvals and the waitlist's confirmation window: city training staff change them. */
function SettingsCard({ onSaved }: { onSaved: () => unknown }) {
  const settings = useApi(readTrainingSettings, [])
  const submission = useSubmission()
  const [quota, setQuota] = useState<string>()
  const [hours, setHours] = useState<string>()
  if (!settings.data) return null
  const save = async () => {
    const body = {
      subsidyQuota: Number(quota ?? settings.data!.subsidyQuota),
      waitlistConfirmHours: Number(hours ?? settings.data!.waitlistConfirmHours),
    }
    const result = await submission.submit(body, (payload) => saveTrainingSettings(payload))
    if (!result.ok) return
    toast('设置已保存')
    void onSaved()
  }
  return (
    <View className='lg-card lg-stack' data-testid='training-settings'>
      <Field
        label={`${settings.data.year} 年补贴名额（已用 ${settings.data.subsidyUsed}）`}
        name='subsidyQuota'
        error={submission.fieldErrors.subsidyQuota}
      >
        <TextInput type='number' value={quota ?? String(settings.data.subsidyQuota)} onChange={setQuota} maxLength={6} />
      </Field>
      <Field label='候补确认时限（小时）' name='waitlistConfirmHours' error={submission.fieldErrors.waitlistConfirmHours}>
        <TextInput type='number' value={hours ?? String(settings.data.waitlistConfirmHours)} onChange={setHours} maxLength={3} />
      </Field>
      <Button block busy={submission.busy} onClick={() => void save()}>
        保存设置
      </Button>
    </View>
  )
}
