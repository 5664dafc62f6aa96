import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import {
  ApproveBody,
  educationLabel,
  employmentTypeLabel,
  genderLabel,
  hukouTypeLabel,
  membershipWorkflow,
  politicalStatusLabel,
  RejectBody,
  type ReviewDetail,
} from '@contract/lines/membership'
import { ActionCard } from '@/components/action-card'
import { Button, pressable } from '@/components/button'
import { FactList } from '@/components/fact-list'
import { Field, TextArea } from '@/components/form'
import { RecordPage } from '@/components/page-shell'
import { Section } from '@/components/section'
import { Timeline } from '@/components/timeline'
import { useSubmission } from '@/hooks/useSubmission'
import { confirm } from '@/services/dialogs'
import { formatDate, formatDateTime } from '@/services/format'
import { approveApplication, getReviewDetail, rejectApplication, revealIdNumber } from '../../api'
import { ApplicationStatusTag } from '../../parts'
import './index.css'

const QUICK_REASONS = [
  '所填工作单位不属于本工会，请选择单位所在的工会',
  '身份信息与证件不一致，请核对后重新提交',
  '工作单位填写不完整，请写明单位全称',
]

/** One application: the facts (ID number masked), its history, and the decision. */
export default function MembershipReviewPage() {
  return (
    <RecordPage className='mb-review' requireLogin='审核入会申请需要先登录' load={getReviewDetail} loadingText='正在读取申请…'>
      {(data, reload) => <Review data={data} reload={reload} />}
    </RecordPage>
  )
}

function Review({ data, reload }: { data: ReviewDetail; reload: () => Promise<void> }) {
  const [revealed, setRevealed] = useState<string | null>(null)
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const revealing = useSubmission({ reload })

  const reveal = async () => {
    const sure = await confirm({
      title: '查看完整身份证号',
      content: '查看操作会被记录（查看人、时间），申请详情中可以看到。仅在核实身份需要时查看。',
      confirmText: '查看',
    })
    if (!sure) return
    const result = await revealing.submit({}, () => revealIdNumber(data.id))
    if (!result.ok) return
    setRevealed(result.value.idNumber)
    await reload()
  }

  const may = (action: 'approve' | 'reject') => data.actions.includes(action)
  // The version read: if the applicant changed it meanwhile, the server says so instead (409 WRONG_STATUS).
  const version = data.updatedAt

  return (
    <View data-testid='review' data-status={data.status}>
      <View className='mb-review__head'>
        <Text className='mb-review__name'>{data.name}</Text>
        <ApplicationStatusTag status={data.status} className='mb-review__status' />
      </View>
      {data.memberNumber ? <Text className='mb-review__member-number'>会员号 {data.memberNumber}</Text> : null}

      {data.phoneConflict ? (
        <View className='lg-card lg-notice'>
          <Text>该手机号也绑定在其他账号上。申请人已通过微信验证本人使用这个号码，系统允许继续办理。如有疑问，可以电话核实。</Text>
        </View>
      ) : null}

      <View className='lg-card'>
        <FactList
          facts={[
            { label: '申请加入', value: [...data.orgPathNames, data.orgName].join(' › ') },
            { label: '性别', value: genderLabel[data.gender] },
            { label: '民族', value: data.ethnicity },
            { label: '出生日期', value: formatDate(data.birthDate) },
            {
              label: '身份证号',
              value: (
                <View className='mb-review__inline'>
                  <Text className='lg-number' data-testid='review-id-number'>
                    {revealed ?? data.idNumberMasked}
                  </Text>
                  {revealed ? null : (
                    <Text className='lg-link' data-testid='reveal-id' onClick={() => void reveal()}>
                      {revealing.busy ? '读取中…' : '查看完整号码'}
                    </Text>
                  )}
                </View>
              ),
            },
            {
              label: '手机号',
              value: (
                <View className='mb-review__inline'>
                  <Text>
                    <Text className='lg-number'>{data.phone}</Text>
                    {data.phoneVerified ? '（微信已验证）' : ''}
                  </Text>
                  <Text className='lg-link' onClick={() => void Taro.makePhoneCall({ phoneNumber: data.phone }).catch(() => undefined)}>
                    拨打
                  </Text>
                </View>
              ),
            },
            { label: '工作单位', value: data.employer },
            { label: '就业形态', value: employmentTypeLabel[data.employmentType] },
            { label: '农民工', value: data.migrantWorker ? '是' : '否' },
            { label: '学历', value: educationLabel[data.education] },
            { label: '政治面貌', value: politicalStatusLabel[data.politicalStatus] },
            { label: '户籍', value: [hukouTypeLabel[data.hukouType], data.hukouPlace].filter(Boolean).join(' · ') },
            { label: '微信昵称', value: data.applicantNickname },
            { label: '提交时间', value: formatDateTime(data.submittedAt) },
          ]}
        />
      </View>

      {data.idReveals.length > 0 ? (
        <View className='lg-card lg-stack' data-testid='id-reveals'>
          <Text className='lg-card__title'>完整身份证号查看记录</Text>
          {data.idReveals.map((item) => (
            <Text key={item.at} className='lg-muted'>
              {item.actorName} · {formatDateTime(item.at)}
            </Text>
          ))}
        </View>
      ) : null}

      {data.actions.length > 0 && !rejecting ? (
        <View className='lg-card lg-stack'>
          {may('approve') ? (
            <ActionCard
              action='approve'
              submitLabel='通过'
              body={{ version }}
              schema={ApproveBody}
              send={(body, key) => approveApplication(data.id, body, key)}
              confirm={{
                title: '通过入会申请',
                content: `确认 ${data.name} 加入“${data.orgName}”？通过后将分配会员号。`,
                confirmText: '通过',
              }}
              reload={reload}
              successText={(decision) => `已通过，会员号 ${decision.memberNumber ?? ''}`}
            />
          ) : null}
          {may('reject') ? (
            <Button testId='reject' onClick={() => setRejecting(true)}>
              不通过
            </Button>
          ) : null}
        </View>
      ) : null}

      {rejecting && may('reject') ? (
        <View className='lg-card'>
          <ActionCard
            action='reject'
            kind='danger'
            title='未通过的原因'
            description='申请人会看到这段话，可以据此修改后重新提交'
            submitLabel='确认不通过'
            body={{ reason, version }}
            schema={RejectBody}
            send={(body, key) => rejectApplication(data.id, body, key)}
            confirm={{
              title: '不通过入会申请',
              content: `确认不通过 ${data.name} 的申请？申请人会看到您写的原因，可以修改后重新提交。`,
              confirmText: '不通过',
              danger: true,
            }}
            reload={reload}
            successText='已退回，申请人会收到原因'
            onDone={() => setRejecting(false)}
          >
            {({ errors, clear }) => (
              <Field name='reason' error={errors.reason}>
                {QUICK_REASONS.map((quick) => (
                  <Text
                    key={quick}
                    className='mb-review__quick'
                    {...pressable('button')}
                    onClick={() => {
                      setReason(quick)
                      clear('reason')
                    }}
                  >
                    {quick}
                  </Text>
                ))}
                <TextArea
                  value={reason}
                  maxLength={200}
                  placeholder='请写明原因和需要修改的地方'
                  onChange={(next) => {
                    setReason(next)
                    clear('reason')
                  }}
                />
              </Field>
            )}
          </ActionCard>
          <Button className='mb-review__cancel' onClick={() => setRejecting(false)}>
            取消
          </Button>
        </View>
      ) : null}

      <Section title='办理记录'>
        <Timeline events={data.timeline} workflow={membershipWorkflow} />
      </Section>
    </View>
  )
}
