import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  hardshipWorkflow,
  paymentMethodLabel,
  SupplementBody,
  tierLabel,
  WithdrawBody,
  type MyApplicationDetail,
} from '@contract/lines/hardship'
import { pages } from '@contract/pages'
import { ActionCard } from '@/components/action-card'
import { Button } from '@/components/button'
import { FactList } from '@/components/fact-list'
import { FilePicker, filesReady, type FileItem } from '@/components/files'
import { Field, TextArea } from '@/components/form'
import { RecordPage } from '@/components/page-shell'
import { Section } from '@/components/section'
import { Timeline } from '@/components/timeline'
import { useUserDraft } from '@/hooks/useDraft'
import { formatDate, formatDay, formatYuan } from '@/services/format'
import { getMyHardshipApplication, supplementHardshipApplication, withdrawHardshipApplication } from '../../api'
import { aidText, ApplicationHead, Items, Members, Proofs } from '../../parts'
import './index.css'

/** One of the worker's applications: where it stands, what to do (补充材料), the payments, the history. */
export default function HardshipApplicationPage() {
  return (
    <RecordPage className='hs-application' requireLogin='查看申请需要先登录' load={getMyHardshipApplication} loadingText='正在读取申请…'>
      {(item, reload) => <Application item={item} reload={reload} />}
    </RecordPage>
  )
}

function Application({ item, reload }: { item: MyApplicationDetail; reload: () => Promise<void> }) {
  return (
    <View className='lg-body'>
      <View className='lg-card'>
        <ApplicationHead aidTypes={item.aidTypes} status={item.status}>
          <Text className='lg-muted'>
            {item.applicationNo} · 提交于 {formatDate(item.createdAt)}
            {item.campaignName ? ` · ${item.campaignName}` : ''}
          </Text>
        </ApplicationHead>
        <Text className='lg-notice' data-testid='next-step'>
          {item.nextStep}
        </Text>
        {item.dueBy ? <Text className='lg-muted'>本环节期限：{formatDay(item.dueBy)}</Text> : null}
      </View>

      {item.canSupplement && item.documentsRequest ? <Supplement item={item} reload={reload} /> : null}

      {item.payments.length ? (
        <Section title='发放记录' testId='payments'>
          <FactList
            facts={[
              { label: '批准 / 已发放', value: `${formatYuan(item.approvedTotal)} / ${formatYuan(item.paidTotal)}` },
              ...item.payments.map((payment) => ({
                label: `${payment.paidOn} ${paymentMethodLabel[payment.method]}`,
                value: `${aidText([payment.type])}救助 ${formatYuan(payment.amount)}`,
              })),
            ]}
          />
        </Section>
      ) : null}

      <Section title='申请内容'>
        <FactList
          facts={[
            { label: '工作单位', value: item.unitName },
            { label: '联系电话', value: item.contactPhoneMasked },
            { label: '人均月收入', value: item.perCapitaIncome === null ? '—' : formatYuan(item.perCapitaIncome) },
            {
              label: '困难类型',
              value: item.tier ? tierLabel[item.tier] : item.suggestedTier ? `${tierLabel[item.suggestedTier]}（系统参考）` : '待审核确定',
            },
            { label: '收款账户', value: `${item.bankName} ${item.accountNumberMasked}`, wide: true },
          ]}
        />
        <Members members={item.members} />
        <Items items={item.items} />
      </Section>

      <Section title='证明材料'>
        <Proofs proofs={item.proofs} />
      </Section>

      {item.canResubmit ? (
        <View className='lg-card lg-stack'>
          <Text>{item.rejectionReason ? `未通过原因：${item.rejectionReason}` : '申请未通过。'}</Text>
          <Button
            kind='primary'
            testId='resubmit'
            onClick={() => void Taro.navigateTo({ url: `${pages.hardship.apply.path}?resubmit=${item.id}` })}
          >
            修改后重新提交
          </Button>
        </View>
      ) : null}

      {item.canWithdraw ? (
        <ActionCard
          action='withdraw'
          title='撤回申请'
          description='审核结束前可以撤回；撤回后如仍有困难，可以重新申请。'
          submitLabel='撤回申请'
          kind='danger'
          body={{}}
          schema={WithdrawBody}
          send={(body, key) => withdrawHardshipApplication(item.id, body, key)}
          confirm={{ title: '撤回申请', content: '确定撤回这份困难帮扶申请吗？', confirmText: '撤回', danger: true }}
          reload={reload}
          successText='已撤回'
        />
      ) : null}

      <Section title='办理记录'>
        <Timeline events={item.timeline} workflow={hardshipWorkflow} />
      </Section>
    </View>
  )
}

interface SupplementDraft {
  files: Record<string, FileItem[]>
  note: string
}

/** 补充材料: the files asked for, slot by slot, uploaded on the case. */
function Supplement({ item, reload }: { item: MyApplicationDetail; reload: () => Promise<void> }) {
  const request = item.documentsRequest!
  const draft = useUserDraft<SupplementDraft>(`hardship-supplement-${item.id}`, { files: {}, note: '' })
  const ids: Record<string, string[]> = {}
  let pending: string | null = null
  for (const slot of request.slots) {
    const ready = filesReady(draft.value.files[slot.key] ?? [])
    if (ready.ok) ids[slot.key] = ready.ids
    else pending = ready.message
  }
  return (
    <ActionCard
      action='supplement'
      title='需要补充材料'
      description={`${request.note}（补齐前审核期限暂停计算）`}
      submitLabel='提交补充材料'
      body={{ files: ids, note: draft.value.note }}
      schema={SupplementBody}
      disabled={pending !== null}
      send={(body, key) => supplementHardshipApplication(item.id, body, key)}
      reload={reload}
      onDone={() => draft.discard()}
      successText='已提交，审核继续进行'
    >
      {(fields) => (
        <View>
          {request.slots.map((slot) => (
            <Field key={slot.key} name={`files.${slot.key}`} label={slot.label} error={fields.errors[`files.${slot.key}`]}>
              <FilePicker
                items={draft.value.files[slot.key] ?? []}
                max={6}
                onChange={(change) => {
                  draft.update((current) => ({
                    ...current,
                    files: { ...current.files, [slot.key]: change(current.files[slot.key] ?? []) },
                  }))
                  fields.clear(`files.${slot.key}`)
                }}
              />
            </Field>
          ))}
          <Field name='note' label='补充说明' optional error={fields.errors.note}>
            <TextArea value={draft.value.note} maxLength={300} onChange={(note) => draft.update((current) => ({ ...current, note }))} />
          </Field>
        </View>
      )}
    </ActionCard>
  )
}
