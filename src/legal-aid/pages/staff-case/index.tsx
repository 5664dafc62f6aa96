import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import {
  AcceptBody,
  AssignBody,
  CASE_OUTCOMES,
  caseOutcomeLabel,
  caseTypeLabel,
  CloseBody,
  DeclineBody,
  legalAidWorkflow,
  NoteBody,
  ReassignBody,
  StartBody,
  type CaseOutcome,
  type Lawyer,
  type StaffCaseAction,
  type StaffCaseDetail,
} from '@contract/lines/legal-aid'
import { pages } from '@contract/pages'
import { ActionCard, type ActionFields } from '@/components/action-card'
import { FactList } from '@/components/fact-list'
import { ChoiceChips, Field, TextArea, TextInput } from '@/components/form'
import { MessageThread } from '@/components/message-thread'
import { RecordPage } from '@/components/page-shell'
import { Section } from '@/components/section'
import { Timeline } from '@/components/timeline'
import { useApi, type ApiState } from '@/hooks/useApi'
import { useUserDraft } from '@/hooks/useDraft'
import { formatDateTime, formatDay, formatYuan } from '@/services/format'
import { actOnCase, addCaseNote, getStaffLegalAidCase, listLawyers, replyToCase, type StaffActionBodies } from '../../api'
import { CaseHead, caseApplicationFacts } from '../../parts'
import './index.css'

/** A case as legal staff handle it: everything the worker gave, the history, the conversation and the next action. */
export default function LegalAidCaseStaffPage() {
  return (
    <RecordPage className='la-staff-case' requireLogin='办理法律援助案件需要先登录' load={getStaffLegalAidCase} loadingText='正在读取案件…'>
      {(item, reload) => <StaffCase item={item} reload={reload} />}
    </RecordPage>
  )
}

function StaffCase({ item, reload }: { item: StaffCaseDetail; reload: () => Promise<void> }) {
  const open = legalAidWorkflow.isOpen(item.status)
  return (
    <View className='lg-body'>
      <View className='lg-card'>
        <CaseHead type={item.type} who={item.contactName} status={item.status}>
          <Text className='lg-muted'>
            {item.caseNo} · 提交于 {formatDateTime(item.createdAt)}
          </Text>
        </CaseHead>
        {item.dueBy ? (
          <Text className={`lg-notice ${item.overdue ? 'lg-notice--danger' : ''}`} data-testid='due'>
            {item.status === 'submitted' ? '受理决定期限' : '指派律师期限'}：{formatDay(item.dueBy)}
            {item.overdue ? '（已逾期）' : ''}
          </Text>
        ) : null}
        {item.handler ? (
          <Text className='la-staff-case__line'>
            承办律师：{item.handler.name}（{item.handler.firm}，{item.handler.phone}）
          </Text>
        ) : null}
        {item.outcome ? (
          <Text className='la-staff-case__line'>
            结案：{caseOutcomeLabel[item.outcome.outcome]}，追回 {formatYuan(item.outcome.amountRecovered)}
          </Text>
        ) : null}
      </View>

      {item.canAct ? (
        <ActionPanel item={item} reload={reload} />
      ) : (
        <View className='lg-card'>
          <Text className='lg-muted'>您可以查看案件，办理由法律援助工作人员进行。</Text>
        </View>
      )}

      <Section title='申请内容'>
        <FactList
          facts={caseApplicationFacts(
            item,
            item.canAct ? (
              <Text className='lg-link' onClick={() => void Taro.makePhoneCall({ phoneNumber: item.contactPhone }).catch(() => undefined)}>
                {item.contactName} {item.contactPhone}
              </Text>
            ) : (
              // Oversight reads the case, masked; calling the worker is for those who handle it.
              `${item.contactName} ${item.contactPhone}`
            ),
            item.monthlyIncome,
          )}
        />
      </Section>

      <Section title='与申请人沟通'>
        <MessageThread
          messages={item.messages}
          self='staff'
          canSend={item.canAct && open}
          closedText={item.canAct ? '案件已办结，不能再发送消息。' : '只有法律援助工作人员可以回复。'}
          draftForm={`legal-aid-staff-reply-${item.id}`}
          send={(body, key) => replyToCase(item.id, body, key)}
          onSent={() => void reload()}
        />
      </Section>

      <Section title='办理记录'>
        <Timeline events={item.timeline} workflow={legalAidWorkflow} />
      </Section>
    </View>
  )
}

/** The volunteer lawyers to choose from, the ones who know this kind of case marked 对口. */
function LawyerChoice({
  lawyers,
  caseType,
  chosen,
  exclude,
  onChoose,
}: {
  lawyers: ApiState<Lawyer[]>
  caseType: StaffCaseDetail['type']
  chosen: string
  /** The lawyer already on the case, when choosing another. */
  exclude?: string
  onChoose: (lawyerId: string) => void
}) {
  const offered = lawyers.data?.filter((lawyer) => lawyer.id !== exclude)
  if (!offered) return <Text className='lg-muted'>{lawyers.error ? lawyers.error.message : '正在读取律师名单…'}</Text>
  if (offered.length === 0) {
    return (
      <Text className='lg-link' onClick={() => void Taro.navigateTo({ url: pages.legalAid.lawyers.path })}>
        名单里还没有可指派的律师，点此去添加 ›
      </Text>
    )
  }
  return (
    <View className='la-staff-case__lawyers' role='radiogroup'>
      {offered.map((lawyer) => (
        <View
          key={lawyer.id}
          className={`la-staff-case__lawyer ${chosen === lawyer.id ? 'la-staff-case__lawyer--chosen' : ''}`}
          role='radio'
          aria-checked={chosen === lawyer.id}
          data-lawyer={lawyer.id}
          onClick={() => onChoose(lawyer.id)}
        >
          <Text className='la-staff-case__lawyer-name'>
            {lawyer.name} · {lawyer.firm}
          </Text>
          <Text className='lg-muted'>
            擅长：{lawyer.specialties.map((type) => caseTypeLabel[type]).join('、')}
            {lawyer.specialties.includes(caseType) ? '（对口）' : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}

interface ActionDraft {
  acceptNote: string
  declineReason: string
  lawyerId: string
  reassignReason: string
  outcome: CaseOutcome | ''
  amountRecovered: string
  summary: string
  progress: string
  progressPublic: boolean
}

type TextField = 'acceptNote' | 'declineReason' | 'reassignReason' | 'summary' | 'progress'

const emptyActionDraft: ActionDraft = {
  acceptNote: '',
  declineReason: '',
  lawyerId: '',
  reassignReason: '',
  outcome: '',
  amountRecovered: '',
  summary: '',
  progress: '',
  progressPublic: true,
}

const OUTCOME_OPTIONS = CASE_OUTCOMES.map((outcome) => ({ value: outcome, label: caseOutcomeLabel[outcome] }))
const VISIBILITY_OPTIONS = [
  { value: 'public' as const, label: '申请人可见' },
  { value: 'internal' as const, label: '仅内部' },
]

/** The actions the server says this person may take now, one card each, and a progress note. */
function ActionPanel({ item, reload }: { item: StaffCaseDetail; reload: () => Promise<void> }) {
  const draft = useUserDraft<ActionDraft>(`legal-aid-staff-action-${item.id}`, emptyActionDraft)
  const value = draft.value
  const may = (action: StaffCaseAction) => item.actions.includes(action)
  const lawyers = useApi(() => listLawyers().then((result) => result.lawyers), [], { enabled: may('assign') || may('reassign') })
  const [reassigning, setReassigning] = useState(false)
  const set = <K extends keyof ActionDraft>(field: K, next: ActionDraft[K]) => draft.update((current) => ({ ...current, [field]: next }))
  const reset = (...fields: Array<keyof ActionDraft>) =>
    draft.update((current) => ({ ...current, ...Object.fromEntries(fields.map((field) => [field, emptyActionDraft[field]])) }))
  const act =
    <A extends StaffCaseAction>(action: A) =>
    (body: StaffActionBodies[A], key: string) =>
      actOnCase(item.id, action, body, key)
  const optional = (text: string) => text.trim() || undefined
  /** A text field of an action card, kept in the panel's draft; editing it clears its message. */
  const text = (fields: ActionFields, name: string, field: TextField, placeholder: string, maxLength: number, label?: string) => (
    <Field name={name} label={label} error={fields.errors[name]}>
      <TextArea
        value={value[field]}
        maxLength={maxLength}
        placeholder={placeholder}
        onChange={(next) => {
          set(field, next)
          fields.clear(name)
        }}
      />
    </Field>
  )
  const lawyer = (fields: ActionFields, exclude?: string) => (
    <Field name='lawyerId' error={fields.errors.lawyerId}>
      <LawyerChoice
        lawyers={lawyers}
        caseType={item.type}
        chosen={value.lawyerId}
        exclude={exclude}
        onChoose={(lawyerId) => {
          set('lawyerId', lawyerId)
          fields.clear('lawyerId')
        }}
      />
    </Field>
  )

  return (
    <View className='lg-card la-staff-case__actions'>
      <Text className='lg-card__title'>办理</Text>
      {may('accept') ? (
        <ActionCard
          action='accept'
          submitLabel={legalAidWorkflow.actionLabel.accept}
          body={{ note: optional(value.acceptNote) }}
          schema={AcceptBody}
          send={act('accept')}
          reload={reload}
          successText='已受理'
          onDone={() => reset('acceptNote')}
        >
          {(fields) => text(fields, 'note', 'acceptNote', '受理说明（可不填，申请人可见）', 500)}
        </ActionCard>
      ) : null}
      {may('decline') ? (
        <ActionCard
          action='decline'
          kind='danger'
          submitLabel={legalAidWorkflow.actionLabel.decline}
          body={{ reason: value.declineReason }}
          schema={DeclineBody}
          send={act('decline')}
          confirm={{
            title: '不予受理',
            content: '案件将结束办理，申请人会看到您写的原因。确定不予受理吗？',
            confirmText: '不予受理',
            danger: true,
          }}
          reload={reload}
          successText='已处理'
          onDone={() => reset('declineReason')}
        >
          {(fields) => text(fields, 'reason', 'declineReason', '不予受理的原因（申请人会看到）', 500)}
        </ActionCard>
      ) : null}
      {may('assign') ? (
        <ActionCard
          action='assign'
          title='选择承办律师（工会阳光法律援助志愿者）'
          submitLabel={legalAidWorkflow.actionLabel.assign}
          body={{ lawyerId: value.lawyerId }}
          schema={AssignBody}
          send={act('assign')}
          reload={reload}
          successText='已指派'
          onDone={() => reset('lawyerId')}
          disabled={!value.lawyerId}
        >
          {(fields) => lawyer(fields)}
        </ActionCard>
      ) : null}
      {may('start') ? (
        <ActionCard
          action='start'
          submitLabel={legalAidWorkflow.actionLabel.start}
          body={{}}
          schema={StartBody}
          send={act('start')}
          reload={reload}
          successText='已开始承办'
        />
      ) : null}
      {may('close') ? (
        <ActionCard
          action='close'
          title='结案'
          submitLabel={legalAidWorkflow.actionLabel.close}
          body={{
            outcome: value.outcome || undefined,
            amountRecovered: value.amountRecovered.trim() === '' ? undefined : Number(value.amountRecovered),
            summary: value.summary,
          }}
          schema={CloseBody}
          send={act('close')}
          confirm={{
            title: '结案',
            content: '结案后案件不能再办理，申请人会看到结案结果和说明。确定结案吗？',
            confirmText: '结案',
            danger: true,
          }}
          reload={reload}
          successText='已结案'
          onDone={() => reset('outcome', 'amountRecovered', 'summary')}
        >
          {({ errors, clear }) => (
            <View>
              <Field name='outcome' label='结案方式' error={errors.outcome}>
                <ChoiceChips
                  name='outcome'
                  options={OUTCOME_OPTIONS}
                  value={value.outcome}
                  onChange={(outcome) => {
                    set('outcome', outcome)
                    clear('outcome')
                  }}
                />
              </Field>
              <Field name='amountRecovered' label='追回金额（元）' error={errors.amountRecovered}>
                <TextInput
                  type='digit'
                  value={value.amountRecovered}
                  maxLength={12}
                  placeholder='没有追回填 0'
                  onChange={(next) => {
                    set('amountRecovered', next)
                    clear('amountRecovered')
                  }}
                />
              </Field>
              {text({ errors, clear }, 'summary', 'summary', '申请人会看到这段说明', 1000, '结案说明')}
            </View>
          )}
        </ActionCard>
      ) : null}
      {may('reassign') && !reassigning ? (
        <Text className='lg-link la-staff-case__reassign-open' onClick={() => setReassigning(true)}>
          {legalAidWorkflow.actionLabel.reassign}（律师无法继续承办时）›
        </Text>
      ) : null}
      {may('reassign') && reassigning ? (
        <ActionCard
          action='reassign'
          title={`改由哪位律师承办（现为 ${item.handler?.name ?? '—'} 律师）`}
          submitLabel={legalAidWorkflow.actionLabel.reassign}
          body={{ lawyerId: value.lawyerId, reason: value.reassignReason }}
          schema={ReassignBody}
          send={act('reassign')}
          reload={reload}
          successText='已更换律师'
          onDone={() => {
            reset('lawyerId', 'reassignReason')
            setReassigning(false)
          }}
          disabled={!value.lawyerId || value.lawyerId === item.handler?.id}
        >
          {(fields) => (
            <View>
              {lawyer(fields, item.handler?.id)}
              {text(fields, 'reason', 'reassignReason', '更换原因（申请人会看到），例如：原律师出差', 200)}
            </View>
          )}
        </ActionCard>
      ) : null}
      {legalAidWorkflow.isOpen(item.status) ? (
        <ActionCard
          action='note'
          title='添加进展记录'
          kind='default'
          submitLabel='保存进展'
          body={{ note: value.progress, visibility: value.progressPublic ? 'public' : 'internal' }}
          schema={NoteBody}
          send={(body, key) => addCaseNote(item.id, body, key)}
          reload={reload}
          successText='已记录'
          onDone={() => reset('progress')}
        >
          {(fields) => (
            <View>
              {text(fields, 'note', 'progress', '例如：已与用人单位电话沟通', 1000)}
              <ChoiceChips
                name='visibility'
                options={VISIBILITY_OPTIONS}
                value={value.progressPublic ? 'public' : 'internal'}
                onChange={(visibility) => set('progressPublic', visibility === 'public')}
              />
            </View>
          )}
        </ActionCard>
      ) : null}
    </View>
  )
}
