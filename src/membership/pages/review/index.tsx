import Taro, { useRouter } from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import dayjs from 'dayjs'
import {
  applicationStatusLabel,
  educationLabel,
  employmentTypeLabel,
  genderLabel,
  hukouTypeLabel,
  politicalStatusLabel,
  RejectBody,
  type ReviewDetail,
} from '@contract/lines/membership'
import { fieldErrors } from '@contract/fields'
import { FormField } from '@/components/form-field'
import { PageShell } from '@/components/page-shell'
import { StateView } from '@/components/state-view'
import { Timeline } from '@/components/timeline'
import { useApi } from '@/hooks/useApi'
import { approveApplication, getReviewDetail, rejectApplication, revealIdNumber } from '@/services/api/membership'
import { toApiError } from '@/services/api-error'
import { newIdempotencyKey } from '@/services/request'
import './index.css'

const QUICK_REASONS = [
  '所填工作单位不属于本工会，请选择单位所在的工会',
  '身份信息与证件不一致，请核对后重新提交',
  '工作单位填写不完整，请写明单位全称',
]

/** One application: the facts (ID number masked), its history, and the decision. */
export default function MembershipReviewPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const detail = useApi(() => getReviewDetail(id), [id])
  return (
    <PageShell className='membership-review'>
      <StateView state={detail} loadingText='正在读取申请…'>
        {(data) => <Review data={data} reload={detail.reload} />}
      </StateView>
    </PageShell>
  )
}

function Fact({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <View className='review-fact' data-testid={testId}>
      <Text className='muted review-fact-label'>{label}</Text>
      <Text className='review-fact-value'>{value}</Text>
    </View>
  )
}

function Review({ data, reload }: { data: ReviewDetail; reload: () => Promise<void> }) {
  const [revealed, setRevealed] = useState<string | null>(null)
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string>()
  const [busy, setBusy] = useState<'approve' | 'reject' | 'reveal' | null>(null)
  // One key per decision attempt: a retry after a timeout is answered, not applied twice.
  const keys = useRef<{ approve?: string; reject?: string }>({})

  const reveal = async () => {
    const { confirm } = await Taro.showModal({
      title: '查看完整身份证号',
      content: '查看操作会被记录（查看人、时间），申请详情中可以看到。仅在核实身份需要时查看。',
      confirmText: '查看',
    })
    if (!confirm) return
    setBusy('reveal')
    try {
      setRevealed((await revealIdNumber(data.id)).idNumber)
      await reload()
    } catch (error) {
      void Taro.showToast({ title: toApiError(error).message, icon: 'none' })
    } finally {
      setBusy(null)
    }
  }

  const approve = async () => {
    const { confirm } = await Taro.showModal({
      title: '通过入会申请',
      content: `确认 ${data.name} 加入“${data.orgName}”？通过后将分配会员号。`,
      confirmText: '通过',
    })
    if (!confirm) return
    setBusy('approve')
    keys.current.approve ??= newIdempotencyKey()
    try {
      // The version read: if the applicant changed it meanwhile, the server says so instead.
      const decision = await approveApplication(data.id, { version: data.updatedAt }, keys.current.approve)
      keys.current.approve = undefined
      void Taro.showToast({ title: `已通过，会员号 ${decision.memberNumber ?? ''}`, icon: 'none' })
      await reload()
    } catch (error) {
      void Taro.showModal({ title: '没有成功', content: toApiError(error).message, showCancel: false })
      await reload()
    } finally {
      setBusy(null)
    }
  }

  const reject = async () => {
    const parsed = RejectBody.safeParse({ reason })
    if (!parsed.success) {
      setReasonError(fieldErrors(parsed.error).reason)
      return
    }
    setBusy('reject')
    keys.current.reject ??= newIdempotencyKey()
    try {
      await rejectApplication(data.id, { ...parsed.data, version: data.updatedAt }, keys.current.reject)
      keys.current.reject = undefined
      setRejecting(false)
      void Taro.showToast({ title: '已退回，申请人会收到原因', icon: 'none' })
      await reload()
    } catch (error) {
      const apiError = toApiError(error)
      if (apiError.fields.reason) setReasonError(apiError.fields.reason)
      else void Taro.showModal({ title: '没有成功', content: apiError.message, showCancel: false })
      // Changed or decided meanwhile: show what it is now (the reason typed stays in the box).
      if (apiError.code === 'APPLICATION_CHANGED' || apiError.code === 'WRONG_STATUS') await reload()
    } finally {
      setBusy(null)
    }
  }

  return (
    <View data-testid='review' data-status={data.status}>
      <View className='review-head'>
        <Text className='review-name'>{data.name}</Text>
        <Text className={`review-status review-status-${data.status}`}>{applicationStatusLabel[data.status]}</Text>
      </View>
      {data.memberNumber ? <Text className='review-member-number'>会员号 {data.memberNumber}</Text> : null}

      {data.phoneConflict ? (
        <View className='card review-warning'>
          <Text>该手机号也绑定在其他账号上。申请人已通过微信验证本人使用这个号码，系统允许继续办理。如有疑问，可以电话核实。</Text>
        </View>
      ) : null}

      <View className='card'>
        <Fact label='申请加入' value={[...data.orgPathNames, data.orgName].join(' › ')} />
        <Fact label='性别' value={genderLabel[data.gender]} />
        <Fact label='民族' value={data.ethnicity} />
        <Fact label='出生日期' value={dayjs(data.birthDate).format('YYYY年M月D日')} />
        <View className='review-fact'>
          <Text className='muted review-fact-label'>身份证号</Text>
          <View className='review-fact-value review-id'>
            <Text data-testid='review-id-number'>{revealed ?? data.idNumberMasked}</Text>
            {revealed ? null : (
              <Text className='review-link' data-testid='reveal-id' onClick={() => void reveal()}>
                {busy === 'reveal' ? '读取中…' : '查看完整号码'}
              </Text>
            )}
          </View>
        </View>
        <View className='review-fact'>
          <Text className='muted review-fact-label'>手机号</Text>
          <View className='review-fact-value review-id'>
            <Text>
              {data.phone}
              {data.phoneVerified ? '（微信已验证）' : ''}
            </Text>
            <Text className='review-link' onClick={() => void Taro.makePhoneCall({ phoneNumber: data.phone }).catch(() => undefined)}>
              拨打
            </Text>
          </View>
        </View>
        <Fact label='工作单位' value={data.employer} />
        <Fact label='就业形态' value={employmentTypeLabel[data.employmentType]} />
        <Fact label='农民工' value={data.migrantWorker ? '是' : '否'} />
        <Fact label='学历' value={educationLabel[data.education]} />
        <Fact label='政治面貌' value={politicalStatusLabel[data.politicalStatus]} />
        <Fact label='户籍' value={[hukouTypeLabel[data.hukouType], data.hukouPlace].filter(Boolean).join(' · ')} />
        <Fact label='微信昵称' value={data.applicantNickname} />
        <Fact label='提交时间' value={dayjs(data.submittedAt).format('YYYY年M月D日 HH:mm')} />
      </View>

      {data.idReveals.length > 0 ? (
        <View className='card review-reveals' data-testid='id-reveals'>
          <Text className='review-section'>完整身份证号查看记录</Text>
          {data.idReveals.map((reveal) => (
            <Text key={reveal.at} className='muted'>
              {reveal.actorName} · {dayjs(reveal.at).format('YYYY年M月D日 HH:mm:ss')}
            </Text>
          ))}
        </View>
      ) : null}

      {data.status === 'submitted' && !rejecting ? (
        <View className='review-actions'>
          <View className='btn review-reject' data-testid='reject' onClick={() => setRejecting(true)}>
            不通过
          </View>
          <View className='btn btn-primary review-approve' data-testid='approve' onClick={() => void approve()}>
            {busy === 'approve' ? '正在提交…' : '通过'}
          </View>
        </View>
      ) : null}

      {rejecting ? (
        <View className='card review-reject-form'>
          <FormField label='未通过的原因' name='reason' error={reasonError} hint='申请人会看到这段话，可以据此修改后重新提交'>
            {QUICK_REASONS.map((quick) => (
              <Text key={quick} className='review-quick' onClick={() => setReason(quick)}>
                {quick}
              </Text>
            ))}
            <Textarea
              className='form-textarea review-reason'
              value={reason}
              maxlength={200}
              placeholder='请写明原因和需要修改的地方'
              onInput={(event) => {
                setReason(event.detail.value)
                setReasonError(undefined)
              }}
            />
          </FormField>
          <View className='review-actions'>
            <View className='btn' onClick={() => setRejecting(false)}>
              取消
            </View>
            <View className='btn btn-primary' data-testid='confirm-reject' onClick={() => void reject()}>
              {busy === 'reject' ? '正在提交…' : '确认不通过'}
            </View>
          </View>
        </View>
      ) : null}

      <Text className='section-title'>办理记录</Text>
      <View className='card'>
        <Timeline events={data.timeline} statusLabel={applicationStatusLabel} />
      </View>
    </View>
  )
}
