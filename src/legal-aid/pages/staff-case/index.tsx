import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import dayjs from 'dayjs'
import {
  CASE_OUTCOMES,
  caseActionLabel,
  caseOutcomeLabel,
  caseTypeLabel,
  type CaseOutcome,
  type Lawyer,
  type StaffCaseDetail,
} from '@contract/lines/legal-aid'
import { PageShell } from '@/components/page-shell'
import { StateView } from '@/components/state-view'
import { useApi, type ApiState } from '@/hooks/useApi'
import { useDraft } from '@/hooks/useDraft'
import {
  acceptCase,
  addCaseNote,
  assignCase,
  closeCase,
  declineCase,
  getStaffLegalAidCase,
  listLawyers,
  reassignCase,
  replyToCase,
  startCase,
} from '@/services/api/legal-aid'
import { toApiError } from '@/services/api-error'
import { newIdempotencyKey } from '@/services/request'
import { CaseApplicationCard, CaseThread, CaseTimeline, formatYuan, StatusTag } from '@/legal-aid/shared/CaseParts'
import '@/legal-aid/shared/shared.css'
import './index.css'
import { draftKey } from '@/services/drafts'
import { useSession } from '@/hooks/useSession'

const shortDate = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`

interface ActionDraft {
  note: string
  reason: string
  lawyerId: string
  reassignReason: string
  outcome: CaseOutcome | ''
  amountRecovered: string
  summary: string
  progress: string
  progressPublic: boolean
  key: string
}

const emptyActionDraft = (): ActionDraft => ({
  note: '',
  reason: '',
  lawyerId: '',
  reassignReason: '',
  outcome: '',
  amountRecovered: '',
  summary: '',
  progress: '',
  progressPublic: true,
  key: newIdempotencyKey(),
})

/** A case as legal staff handle it: everything the worker gave, the history, the conversation and the next action. */
export default function LegalAidCaseStaffPage() {
  const session = useSession()
  const { params } = useRouter()
  const id = params.id ?? ''
  const state = useApi(() => getStaffLegalAidCase(id), [id])
  usePullDownRefresh(() => {
    void state.reload().finally(() => Taro.stopPullDownRefresh())
  })

  return (
    <PageShell className='la-case-page'>
      <StateView state={state} loadingText='正在读取案件…'>
        {(item) => (
          <View className='la-case-body'>
            <View className='card'>
              <View className='case-head'>
                <Text className='case-no'>
                  {caseTypeLabel[item.type]} · {item.contactName}
                </Text>
                <StatusTag status={item.status} />
              </View>
              <Text className='muted'>
                {item.caseNo} · 提交于 {dayjs(item.createdAt).format('YYYY-MM-DD HH:mm')}
              </Text>
              {item.dueBy ? (
                <Text className={`next-step ${item.overdue ? 'la-overdue' : ''}`} data-testid='due'>
                  {item.status === 'submitted' ? '受理决定期限' : '指派律师期限'}：{shortDate(item.dueBy)}
                  {item.overdue ? '（已逾期）' : ''}
                </Text>
              ) : null}
              {item.handler ? (
                <Text className='la-handler'>
                  承办律师：{item.handler.name}（{item.handler.firm}，{item.handler.phone}）
                </Text>
              ) : null}
              {item.outcome ? (
                <Text className='la-handler'>
                  结案：{caseOutcomeLabel[item.outcome.outcome]}，追回 {formatYuan(item.outcome.amountRecovered)}
                </Text>
              ) : null}
            </View>

            {item.canAct ? (
              <ActionPanel item={item} onDone={() => void state.reload()} />
            ) : (
              <View className='card'>
                <Text className='muted'>您可以查看案件，办理由法律援助工作人员进行。</Text>
              </View>
            )}

            <Text className='section-title'>申请内容</Text>
            <CaseApplicationCard
              item={item}
              monthlyIncome={item.monthlyIncome}
              contact={
                <Text
                  className='detail-value link-button'
                  onClick={() => void Taro.makePhoneCall({ phoneNumber: item.contactPhone }).catch(() => undefined)}
                >
                  {item.contactName} {item.contactPhone}
                </Text>
              }
            />

            <Text className='section-title'>与申请人沟通</Text>
            <View className='card'>
              <CaseThread
                messages={item.messages}
                self='staff'
                canSend={item.canAct && ['submitted', 'accepted', 'assigned', 'in_progress'].includes(item.status)}
                closedText={item.canAct ? '案件已办结，不能再发送消息。' : '只有法律援助工作人员可以回复。'}
                draftKey={draftKey(`legal-aid-staff-reply-${item.id}`, session.user?.id ?? 'anon')}
                send={(body, key) => replyToCase(item.id, body, key)}
                onSent={() => void state.reload()}
              />
            </View>

            <Text className='section-title'>办理记录</Text>
            <View className='card'>
              <CaseTimeline events={item.timeline} />
            </View>
          </View>
        )}
      </StateView>
    </PageShell>
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
  if (offered && offered.length === 0) {
    return (
      <View className='muted' onClick={() => void Taro.navigateTo({ url: '/workbench/pages/legal-aid-lawyers/index' })}>
        名单里还没有可指派的律师，点此去添加 ›
      </View>
    )
  }
  if (!offered) return <Text className='muted'>{lawyers.error ? lawyers.error.message : '正在读取律师名单…'}</Text>
  return (
    <View>
      {offered.map((lawyer) => (
        <View
          key={lawyer.id}
          className={`la-lawyer ${chosen === lawyer.id ? 'la-lawyer-on' : ''}`}
          data-lawyer={lawyer.id}
          onClick={() => onChoose(lawyer.id)}
        >
          <Text className='la-lawyer-name'>
            {lawyer.name} · {lawyer.firm}
          </Text>
          <Text className='muted'>
            擅长：{lawyer.specialties.map((type) => caseTypeLabel[type]).join('、')}
            {lawyer.specialties.includes(caseType) ? '（对口）' : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}

function ActionPanel({ item, onDone }: { item: StaffCaseDetail; onDone: () => void }) {
  const session = useSession()
  const draft = useDraft<ActionDraft>(draftKey(`legal-aid-staff-action-${item.id}`, session.user?.id ?? 'anon'), emptyActionDraft())
  const [busy, setBusy] = useState<string | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const choosesLawyer = item.actions.includes('assign') || item.actions.includes('reassign')
  const lawyers = useApi(() => listLawyers().then((result) => result.lawyers), [], { enabled: choosesLawyer })
  const [reassigning, setReassigning] = useState(false)
  const chooseLawyer = (lawyerId: string) => draft.update((current) => ({ ...current, lawyerId }))
  const value = draft.value
  const set =
    (field: 'note' | 'reason' | 'reassignReason' | 'amountRecovered' | 'summary' | 'progress') =>
    (event: { detail: { value: string } }) => {
      const next = event.detail.value
      draft.update((current) => ({ ...current, [field]: next }))
    }

  /** Runs one action; true when it went through. */
  const run = async (name: string, action: (key: string) => Promise<unknown>, success: string): Promise<boolean> => {
    setBusy(name)
    setErrors({})
    try {
      await action(value.key)
      draft.discard()
      draft.update(emptyActionDraft())
      void Taro.showToast({ title: success, icon: 'success' })
      onDone()
      return true
    } catch (caught) {
      const error = toApiError(caught)
      setErrors(error.fields)
      void Taro.showToast({ title: error.message, icon: 'none' })
      return false
    } finally {
      setBusy(null)
    }
  }
  const note = value.note.trim() || undefined

  return (
    <View className='card la-actions'>
      <Text className='card-title'>办理</Text>
      {item.actions.includes('accept') ? (
        <View className='la-action' data-action='accept'>
          <Textarea
            className='form-textarea la-small'
            value={value.note}
            placeholder='受理说明（可不填，申请人可见）'
            onInput={set('note')}
          />
          <Button
            className='la-accept'
            type='primary'
            block
            loading={busy === 'accept'}
            onClick={() => void run('accept', (key) => acceptCase(item.id, { note }, key), '已受理')}
          >
            {caseActionLabel.accept}
          </Button>
        </View>
      ) : null}
      {item.actions.includes('decline') ? (
        <View className='la-action' data-action='decline'>
          <Textarea
            className={`form-textarea la-small ${errors.reason ? 'field-invalid' : ''}`}
            value={value.reason}
            placeholder='不予受理的原因（申请人会看到）'
            onInput={set('reason')}
          />
          {errors.reason ? <Text className='field-error'>{errors.reason}</Text> : null}
          <Button
            className='la-decline'
            block
            loading={busy === 'decline'}
            onClick={() => void run('decline', (key) => declineCase(item.id, { reason: value.reason }, key), '已处理')}
          >
            {caseActionLabel.decline}
          </Button>
        </View>
      ) : null}
      {item.actions.includes('assign') ? (
        <View className='la-action' data-action='assign'>
          <Text className='form-label'>选择承办律师（工会阳光法律援助志愿者）</Text>
          <LawyerChoice lawyers={lawyers} caseType={item.type} chosen={value.lawyerId} onChoose={chooseLawyer} />
          {errors.lawyerId ? <Text className='field-error'>{errors.lawyerId}</Text> : null}
          <Button
            className='la-assign'
            type='primary'
            block
            loading={busy === 'assign'}
            disabled={!value.lawyerId}
            onClick={() => void run('assign', (key) => assignCase(item.id, { lawyerId: value.lawyerId, note }, key), '已指派')}
          >
            {caseActionLabel.assign}
          </Button>
        </View>
      ) : null}
      {item.actions.includes('start') ? (
        <View className='la-action' data-action='start'>
          <Button
            className='la-start'
            type='primary'
            block
            loading={busy === 'start'}
            onClick={() => void run('start', (key) => startCase(item.id, { note }, key), '已开始承办')}
          >
            {caseActionLabel.start}
          </Button>
        </View>
      ) : null}
      {item.actions.includes('close') ? (
        <View className='la-action' data-action='close'>
          <Text className='form-label'>结案方式</Text>
          <View className='chips'>
            {CASE_OUTCOMES.map((outcome) => (
              <View
                key={outcome}
                className={`chip ${value.outcome === outcome ? 'chip-on' : ''}`}
                data-outcome={outcome}
                onClick={() => draft.update((current) => ({ ...current, outcome }))}
              >
                {caseOutcomeLabel[outcome]}
              </View>
            ))}
          </View>
          {errors.outcome ? <Text className='field-error'>{errors.outcome}</Text> : null}
          <Input
            className={`form-input ${errors.amountRecovered ? 'field-invalid' : ''}`}
            type='digit'
            value={value.amountRecovered}
            placeholder='追回金额（元），没有填 0'
            onInput={set('amountRecovered')}
          />
          {errors.amountRecovered ? <Text className='field-error'>{errors.amountRecovered}</Text> : null}
          <Textarea
            className={`form-textarea la-small ${errors.summary ? 'field-invalid' : ''}`}
            value={value.summary}
            placeholder='结案说明（申请人会看到）'
            onInput={set('summary')}
          />
          {errors.summary ? <Text className='field-error'>{errors.summary}</Text> : null}
          <Button
            className='la-close'
            type='primary'
            block
            loading={busy === 'close'}
            onClick={() =>
              void run(
                'close',
                (key) =>
                  closeCase(
                    item.id,
                    {
                      outcome: value.outcome as CaseOutcome,
                      amountRecovered: value.amountRecovered.trim() === '' ? Number.NaN : Number(value.amountRecovered),
                      summary: value.summary,
                    },
                    key,
                  ),
                '已结案',
              )
            }
          >
            {caseActionLabel.close}
          </Button>
        </View>
      ) : null}
      {item.actions.includes('reassign') && !reassigning ? (
        <View className='link-button la-reassign-open' onClick={() => setReassigning(true)}>
          {caseActionLabel.reassign}（律师无法继续承办时）›
        </View>
      ) : null}
      {item.actions.includes('reassign') && reassigning ? (
        <View className='la-action' data-action='reassign'>
          <Text className='form-label'>改由哪位律师承办（现为 {item.handler?.name ?? '—'} 律师）</Text>
          <LawyerChoice lawyers={lawyers} caseType={item.type} chosen={value.lawyerId} exclude={item.handler?.id} onChoose={chooseLawyer} />
          {errors.lawyerId ? <Text className='field-error'>{errors.lawyerId}</Text> : null}
          <Textarea
            className={`form-textarea la-small ${errors.reason ? 'field-invalid' : ''}`}
            value={value.reassignReason}
            placeholder='更换原因（申请人会看到），例如：原律师出差'
            onInput={set('reassignReason')}
          />
          {errors.reason ? <Text className='field-error'>{errors.reason}</Text> : null}
          <Button
            className='la-reassign'
            type='primary'
            block
            loading={busy === 'reassign'}
            disabled={!value.lawyerId || value.lawyerId === item.handler?.id}
            onClick={() =>
              void run(
                'reassign',
                (key) => reassignCase(item.id, { lawyerId: value.lawyerId, reason: value.reassignReason }, key),
                '已更换律师',
              ).then((done) => done && setReassigning(false))
            }
          >
            {caseActionLabel.reassign}
          </Button>
        </View>
      ) : null}

      <View className='la-action' data-action='note'>
        <Text className='form-label'>添加进展记录</Text>
        <Textarea
          className={`form-textarea la-small ${errors.note ? 'field-invalid' : ''}`}
          value={value.progress}
          placeholder='例如：已与用人单位电话沟通'
          onInput={set('progress')}
        />
        <View className='chips'>
          <View
            className={`chip ${value.progressPublic ? 'chip-on' : ''}`}
            onClick={() => draft.update((current) => ({ ...current, progressPublic: true }))}
          >
            申请人可见
          </View>
          <View
            className={`chip ${value.progressPublic ? '' : 'chip-on'}`}
            data-internal-note
            onClick={() => draft.update((current) => ({ ...current, progressPublic: false }))}
          >
            仅内部
          </View>
        </View>
        <Button
          className='la-note'
          block
          loading={busy === 'note'}
          disabled={!value.progress.trim()}
          onClick={() =>
            void run(
              'note',
              (key) => addCaseNote(item.id, { note: value.progress, visibility: value.progressPublic ? 'public' : 'internal' }, key),
              '已记录',
            )
          }
        >
          保存进展
        </Button>
      </View>
    </View>
  )
}
