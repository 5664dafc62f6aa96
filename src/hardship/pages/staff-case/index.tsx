import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import {
  aidTypeShort,
  DecisionBody,
  FirstReviewBody,
  hardshipWorkflow,
  ObjectionBody,
  options,
  PaymentBody,
  RequestDocumentsBody,
  ResolveObjectionBody,
  tierLabel,
  type StaffApplicationDetail,
} from '@contract/lines/hardship'
import { ActionCard, type ActionFields } from '@/components/action-card'
import { Button } from '@/components/button'
import { FactList } from '@/components/fact-list'
import { Attachments, FilePicker, filesReady, type FileItem } from '@/components/files'
import { CheckChips, ChoiceChips, Field, TextArea, TextInput } from '@/components/form'
import { RecordPage } from '@/components/page-shell'
import { Section } from '@/components/section'
import { Timeline } from '@/components/timeline'
import { useUserDraft } from '@/hooks/useDraft'
import { toast } from '@/services/dialogs'
import { formatDate, formatDateTime, formatDay, formatYuan } from '@/services/format'
import { actOnHardshipCase, getStaffHardshipCase, resolveHardshipObjection, revealHardshipAccount } from '../../api'
import { aidText, ApplicationHead, ApplicationStatusTag, Items, Members, Proofs } from '../../parts'
import './index.css'

/** An application as staff handle it: the family, the proof, the visit, objections, and the step this person may take. */
export default function HardshipStaffCasePage() {
  return (
    <RecordPage className='hs-staff-case' requireLogin='办理困难帮扶需要先登录' load={getStaffHardshipCase} loadingText='正在读取申请…'>
      {(item, reload) => <StaffCase item={item} reload={reload} />}
    </RecordPage>
  )
}

function StaffCase({ item, reload }: { item: StaffApplicationDetail; reload: () => Promise<void> }) {
  return (
    <View className='lg-body'>
      <View className='lg-card'>
        <ApplicationHead aidTypes={item.aidTypes} status={item.status} who={item.applicantName}>
          <Text className='lg-muted'>
            {item.applicationNo} · {item.orgName} · 提交于 {formatDate(item.createdAt)}
            {item.campaignName ? ` · ${item.campaignName}` : ''}
          </Text>
        </ApplicationHead>
        {item.dueBy ? (
          <Text className={`lg-notice ${item.overdue ? 'lg-notice--danger' : ''}`} data-testid='due'>
            本环节期限：{formatDay(item.dueBy)}
            {item.awaitingDocuments ? '（等待补充材料，期限暂停）' : item.overdue ? '（已逾期）' : ''}
          </Text>
        ) : null}
        {item.actNote ? <Text className='lg-muted'>{item.actNote}</Text> : null}
      </View>

      {item.canAct ? <Steps item={item} reload={reload} /> : null}

      <Section title='家庭情况'>
        <FactList
          facts={[
            { label: '工作单位', value: item.unitName },
            { label: '联系电话', value: item.contactPhone },
            { label: '人均月收入', value: item.perCapitaIncome === null ? '（仅经办人员可见）' : formatYuan(item.perCapitaIncome) },
            { label: '系统参考类型', value: item.suggestedTier ? tierLabel[item.suggestedTier] : '收入高于两倍低保' },
            {
              label: '认定类型',
              value: item.tier ? `${tierLabel[item.tier]}${item.tierReason ? `（${item.tierReason}）` : ''}` : '待认定',
            },
            { label: '困难情况', value: item.causeNote ?? '（仅经办人员可见）', wide: true },
            { label: '农民工', value: item.migrantWorker ? `是，劳动合同 ${item.contractMonths ?? 0} 个月` : '否' },
          ]}
        />
        <Members members={item.members} />
      </Section>

      <Section title='申请的帮扶'>
        <Items items={item.items} />
      </Section>

      <Section title='证明材料'>
        <Proofs proofs={item.proofs} />
      </Section>

      {item.visit ? (
        <Section title='入户调查'>
          <FactList
            facts={[
              { label: '入户日期', value: item.visit.visitedOn },
              { label: '入户人员', value: item.visit.visitors },
              { label: '核实情况', value: item.visit.findings, wide: true },
              { label: '照片', value: item.visit.photos.length ? <Attachments files={item.visit.photos} /> : '无', wide: true },
              { label: '初审人', value: item.firstReviewerName ?? item.visit.recordedBy },
            ]}
          />
        </Section>
      ) : null}

      {item.objections.length ? (
        <Section title='公示异议'>
          <FactList
            facts={item.objections.map((objection) => ({
              label: `${objection.raisedBy} · ${formatDateTime(objection.recordedAt)}`,
              value: `${objection.content}${objection.status === 'open' ? '（待核实）' : `（${objection.status === 'upheld' ? '成立' : '不成立'}：${objection.resolutionNote ?? ''}）`}`,
              wide: true,
            }))}
          />
        </Section>
      ) : null}

      <Section title='收款和发放'>
        <Account item={item} />
        {item.payments.length ? (
          <FactList
            facts={item.payments.map((payment) => ({
              label: `${payment.paidOn} · ${payment.recordedBy}`,
              value: `${aidText([payment.type])} ${formatYuan(payment.amount)}`,
            }))}
          />
        ) : null}
      </Section>

      {item.householdApplications.length ? (
        <Section title='同一家庭的其他申请'>
          {item.householdApplications.map((other) => (
            <View key={other.id} className='lg-spread'>
              <Text>
                {other.applicationNo} {aidText(other.aidTypes)}
              </Text>
              <ApplicationStatusTag status={other.status} />
            </View>
          ))}
        </Section>
      ) : null}

      <Section title='办理记录'>
        <Timeline events={item.timeline} workflow={hardshipWorkflow} />
      </Section>
    </View>
  )
}

/** The account number, masked; the centre may open it (each look is recorded and listed). */
function Account({ item }: { item: StaffApplicationDetail }) {
  const [shown, setShown] = useState<string | null>(null)
  return (
    <View className='lg-stack'>
      <Text>
        {item.bankName} · {item.accountName} · {shown ?? item.accountNumberMasked}
      </Text>
      {item.canRevealAccount && !shown ? (
        <Button
          testId='reveal-account'
          onClick={() =>
            void revealHardshipAccount(item.id)
              .then((answer) => setShown(answer.value))
              .catch(() => toast('暂时无法查看，请稍后再试'))
          }
        >
          查看完整卡号（将被记录）
        </Button>
      ) : null}
      {item.accountReveals.length ? (
        <Text className='lg-muted'>
          查看记录：{item.accountReveals.map((entry) => `${entry.actorName} ${formatDateTime(entry.at)}`).join('；')}
        </Text>
      ) : null}
    </View>
  )
}

interface StepDraft {
  visitedOn: string
  visitors: string
  findings: string
  photos: FileItem[]
  tier: string
  tierReason: string
  note: string
  rejectReason: string
  slots: string[]
  docsNote: string
  raisedBy: string
  objection: string
  outcome: string
  resolution: string
  amounts: Record<string, string>
  payType: string
  payAmount: string
  paidOn: string
  method: string
  payNote: string
}

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
const num = (text: string | undefined) => (text === undefined || text.trim() === '' ? undefined : Number(text))

function Steps({ item, reload }: { item: StaffApplicationDetail; reload: () => Promise<void> }) {
  const draft = useUserDraft<StepDraft>(`hardship-staff-${item.id}`, {
    visitedOn: today(),
    visitors: '',
    findings: '',
    photos: [],
    tier: item.tier ?? item.suggestedTier ?? '',
    tierReason: '',
    note: '',
    rejectReason: '',
    slots: [],
    docsNote: '',
    raisedBy: '',
    objection: '',
    outcome: '',
    resolution: '',
    amounts: {},
    payType: item.items.find((candidate) => (candidate.approved ?? 0) > candidate.paid)?.type ?? '',
    payAmount: '',
    paidOn: today(),
    method: 'bank_transfer',
    payNote: '',
  })
  const value = draft.value
  const set = <K extends keyof StepDraft>(field: K, next: StepDraft[K], fields?: ActionFields, name?: string) => {
    draft.update((current) => ({ ...current, [field]: next }))
    fields?.clear(name ?? String(field))
  }
  const text = (
    fields: ActionFields,
    field: keyof StepDraft,
    name: string,
    label: string,
    extra: { long?: boolean; type?: 'digit' | 'text'; optional?: boolean; placeholder?: string } = {},
  ) => (
    <Field name={name} label={label} optional={extra.optional} error={fields.errors[name]}>
      {extra.long ? (
        <TextArea value={value[field] as string} maxLength={1000} onChange={(next) => set(field, next as never, fields, name)} />
      ) : (
        <TextInput
          value={value[field] as string}
          type={extra.type}
          placeholder={extra.placeholder}
          maxLength={60}
          onChange={(next) => set(field, next as never, fields, name)}
        />
      )}
    </Field>
  )
  const tierChoice = (fields: ActionFields) => (
    <View>
      <Field
        name='tier'
        label={`困难类型（系统参考：${item.suggestedTier ? tierLabel[item.suggestedTier] : '收入高于两倍低保'}）`}
        error={fields.errors.tier}
      >
        <ChoiceChips name='tier' options={options.tiers} value={value.tier} onChange={(tier) => set('tier', tier, fields, 'tier')} />
      </Field>
      {value.tier && value.tier !== item.suggestedTier ? text(fields, 'tierReason', 'tierReason', '调整类型的理由') : null}
    </View>
  )
  const photos = filesReady(value.photos)
  const visit = { visitedOn: value.visitedOn, visitors: value.visitors, findings: value.findings, photoIds: photos.ok ? photos.ids : [] }
  const done = () => draft.discard()

  return (
    <Section title='办理'>
      {item.steps.includes('first_review') ? (
        <View>
          <ActionCard
            action='recommend'
            title='入户调查并初审推荐'
            description='推荐后进入公示，公示只显示姓名首字、单位和帮扶类型。'
            submitLabel='初审推荐，进入公示'
            body={{
              decision: 'recommend',
              visit,
              tier: value.tier || undefined,
              tierReason: value.tierReason || undefined,
              note: value.note || undefined,
            }}
            schema={FirstReviewBody}
            disabled={!photos.ok}
            send={actOnHardshipCase(item.id, 'first-review')}
            reload={reload}
            onDone={done}
            successText='已推荐，进入公示'
          >
            {(fields) => (
              <View>
                {text(fields, 'visitedOn', 'visit.visitedOn', '入户日期', { placeholder: '例如 2026-11-20' })}
                {text(fields, 'visitors', 'visit.visitors', '入户人员', { placeholder: '例如 陈红、王军' })}
                {text(fields, 'findings', 'visit.findings', '入户核实情况', { long: true })}
                <Field name='visit.photoIds' label='入户照片' optional error={fields.errors['visit.photoIds']}>
                  <FilePicker
                    items={value.photos}
                    max={9}
                    allowPdf={false}
                    onChange={(change) => draft.update((current) => ({ ...current, photos: change(current.photos) }))}
                  />
                </Field>
                {tierChoice(fields)}
                {text(fields, 'note', 'note', '初审意见', { optional: true, long: true })}
              </View>
            )}
          </ActionCard>
          <ActionCard
            action='reject-first'
            title='初审不通过'
            submitLabel='不通过'
            kind='danger'
            body={{ decision: 'reject', reason: value.rejectReason, visit: value.visitors && value.findings ? visit : undefined }}
            schema={FirstReviewBody}
            send={actOnHardshipCase(item.id, 'first-review')}
            confirm={{ title: '初审不通过', content: '申请人会看到您填写的原因，确定不通过吗？', confirmText: '不通过', danger: true }}
            reload={reload}
            onDone={done}
            successText='已告知申请人'
          >
            {(fields) => text(fields, 'rejectReason', 'reason', '不通过的原因（申请人可见）', { long: true })}
          </ActionCard>
        </View>
      ) : null}

      {item.steps.includes('request_documents') ? (
        <ActionCard
          action='request-documents'
          title='要求补充材料'
          description='申请人会收到消息；补齐前本环节期限暂停。'
          submitLabel='发送补充通知'
          body={{ slots: value.slots, note: value.docsNote }}
          schema={RequestDocumentsBody}
          send={actOnHardshipCase(item.id, 'request-documents')}
          reload={reload}
          onDone={done}
          successText='已通知申请人补充'
        >
          {(fields) => (
            <View>
              <Field name='slots' label='缺少的材料' error={fields.errors.slots}>
                <CheckChips
                  name='slots'
                  options={item.requestableSlots.map((slot) => ({ value: slot.key, label: slot.label }))}
                  values={value.slots}
                  onChange={(slots) => set('slots', slots, fields, 'slots')}
                />
              </Field>
              {text(fields, 'docsNote', 'note', '说明', { long: true })}
            </View>
          )}
        </ActionCard>
      ) : null}

      {item.steps.includes('objection') ? (
        <ActionCard
          action='objection'
          title='登记公示异议'
          submitLabel='登记异议'
          kind='default'
          body={{ raisedBy: value.raisedBy || undefined, content: value.objection }}
          schema={ObjectionBody}
          send={actOnHardshipCase(item.id, 'objections')}
          reload={reload}
          onDone={done}
          successText='已登记，请核实处理'
        >
          {(fields) => (
            <View>
              {text(fields, 'raisedBy', 'raisedBy', '异议人', { optional: true, placeholder: '可匿名' })}
              {text(fields, 'objection', 'content', '异议内容', { long: true })}
            </View>
          )}
        </ActionCard>
      ) : null}

      {item.steps.includes('resolve_objection')
        ? item.objections
            .filter((objection) => objection.status === 'open')
            .map((objection) => (
              <ActionCard
                key={objection.id}
                action='resolve-objection'
                title={`核实异议：${objection.content}`}
                submitLabel='提交核实结论'
                body={{ outcome: value.outcome || undefined, note: value.resolution }}
                schema={ResolveObjectionBody}
                send={resolveHardshipObjection(item.id, objection.id)}
                confirm={
                  value.outcome === 'upheld'
                    ? { title: '异议成立', content: '异议成立后申请将不通过，确定吗？', confirmText: '确定', danger: true }
                    : undefined
                }
                reload={reload}
                onDone={done}
                successText='已处理'
              >
                {(fields) => (
                  <View>
                    <Field name='outcome' label='核实结论' error={fields.errors.outcome}>
                      <ChoiceChips
                        name='outcome'
                        options={[
                          { value: 'dismissed', label: '异议不成立' },
                          { value: 'upheld', label: '异议成立' },
                        ]}
                        value={value.outcome}
                        onChange={(outcome) => set('outcome', outcome, fields, 'outcome')}
                      />
                    </Field>
                    {text(fields, 'resolution', 'note', '核实情况', { long: true })}
                  </View>
                )}
              </ActionCard>
            ))
        : null}

      {item.steps.includes('end_publicity') ? (
        <ActionCard
          action='end-publicity'
          title='公示期满'
          description={item.publicityEndsOn ? `公示到 ${formatDay(item.publicityEndsOn)}，期满且无异议后报市困难职工帮扶中心。` : undefined}
          submitLabel='报市帮扶中心审核'
          body={{}}
          send={actOnHardshipCase(item.id, 'end-publicity')}
          reload={reload}
          successText='已报市帮扶中心'
        />
      ) : null}

      {item.steps.includes('decision') ? (
        <View>
          <ActionCard
            action='approve'
            title='市级审批'
            description='每项金额不能超过上限；不批准的项目填 0。'
            submitLabel='批准帮扶'
            body={{
              decision: 'approve',
              tier: value.tier || undefined,
              tierReason: value.tierReason || undefined,
              items: item.items.map((entry) => ({ type: entry.type, amount: num(value.amounts[entry.type]) })),
              note: value.note || undefined,
            }}
            schema={DecisionBody}
            send={actOnHardshipCase(item.id, 'decision')}
            confirm={{ title: '批准帮扶', content: '批准后申请人会收到通知，确定吗？', confirmText: '批准' }}
            reload={reload}
            onDone={done}
            successText='已批准'
          >
            {(fields) => (
              <View>
                {tierChoice(fields)}
                {item.items.map((entry, index) => (
                  <Field
                    key={entry.type}
                    name={`items.${index}.amount`}
                    label={`${aidTypeShort[entry.type]}救助批准金额（元）`}
                    hint={entry.cap ? (entry.cap.refusal ?? `上限 ${formatYuan(entry.cap.max)}：${entry.cap.rule}`) : undefined}
                    error={fields.errors[`items.${index}.amount`] ?? (index === 0 ? fields.errors.items : undefined)}
                  >
                    <TextInput
                      value={value.amounts[entry.type] ?? ''}
                      type='digit'
                      maxLength={10}
                      onChange={(next) => {
                        draft.update((current) => ({ ...current, amounts: { ...current.amounts, [entry.type]: next } }))
                        fields.clear(`items.${index}.amount`)
                      }}
                    />
                  </Field>
                ))}
                {text(fields, 'note', 'note', '审批意见', { optional: true, long: true })}
              </View>
            )}
          </ActionCard>
          <ActionCard
            action='reject-city'
            title='审核不通过'
            submitLabel='不通过'
            kind='danger'
            body={{ decision: 'reject', reason: value.rejectReason }}
            schema={DecisionBody}
            send={actOnHardshipCase(item.id, 'decision')}
            confirm={{ title: '审核不通过', content: '申请人会看到您填写的原因，确定吗？', confirmText: '不通过', danger: true }}
            reload={reload}
            onDone={done}
            successText='已告知申请人'
          >
            {(fields) => text(fields, 'rejectReason', 'reason', '不通过的原因（申请人可见）', { long: true })}
          </ActionCard>
        </View>
      ) : null}

      {item.steps.includes('payment') ? (
        <ActionCard
          action='payment'
          title='登记发放'
          description={`已批准 ${formatYuan(item.approvedTotal)}，已发放 ${formatYuan(item.paidTotal)}。`}
          submitLabel='登记发放'
          body={{
            type: value.payType || undefined,
            amount: num(value.payAmount),
            paidOn: value.paidOn,
            method: value.method || undefined,
            note: value.payNote || undefined,
          }}
          schema={PaymentBody}
          send={actOnHardshipCase(item.id, 'payments')}
          confirm={{ title: '登记发放', content: `确认已发放 ${value.payAmount || 0} 元？`, confirmText: '确认' }}
          reload={reload}
          onDone={done}
          successText='已登记，申请人会收到通知'
        >
          {(fields) => (
            <View>
              <Field name='type' label='帮扶项目' error={fields.errors.type}>
                <ChoiceChips
                  name='payType'
                  options={item.items
                    .filter((entry) => (entry.approved ?? 0) > 0)
                    .map((entry) => ({
                      value: entry.type,
                      label: `${aidTypeShort[entry.type]}（未发 ${formatYuan((entry.approved ?? 0) - entry.paid)}）`,
                    }))}
                  value={value.payType}
                  onChange={(payType) => set('payType', payType, fields, 'type')}
                />
              </Field>
              {text(fields, 'payAmount', 'amount', '发放金额（元）', { type: 'digit' })}
              {text(fields, 'paidOn', 'paidOn', '发放日期', { placeholder: '例如 2026-11-20' })}
              <Field name='method' label='发放方式' error={fields.errors.method}>
                <ChoiceChips
                  name='method'
                  options={options.paymentMethods}
                  value={value.method}
                  onChange={(method) => set('method', method, fields, 'method')}
                />
              </Field>
              {text(fields, 'payNote', 'note', '备注', { optional: true })}
            </View>
          )}
        </ActionCard>
      ) : null}
    </Section>
  )
}
