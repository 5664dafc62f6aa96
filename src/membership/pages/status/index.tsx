import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  MEMBERSHIP_DECISION_WITHIN_DAYS,
  applicationStatusLabel,
  employmentTypeLabel,
  membershipWorkflow,
  type MyApplication,
  type MyMembership,
} from '@contract/lines/membership'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { FactList } from '@/components/fact-list'
import { Section } from '@/components/section'
import { PageShell } from '@/components/page-shell'
import { StateView } from '@/components/state-view'
import { Timeline } from '@/components/timeline'
import { useApi } from '@/hooks/useApi'
import { useSession } from '@/hooks/useSession'
import { formatDateTime } from '@/services/format'
import { readStored } from '@/services/storage'
import { getMyMembership } from '../../api'
import { applicationDraftKey } from '../../application-form'
import './index.css'

const go = (url: string) => () => void Taro.navigateTo({ url })

/** 入会 / 我的入会申请: how to join, or where the application stands and what happened to it. */
export default function MembershipStatusPage() {
  const session = useSession()
  const state = useApi(getMyMembership, [session.token])
  const hasDraft = Boolean(session.user && readStored(applicationDraftKey(session.user.id)))
  return (
    <PageShell className='mb-status' onRefresh={state.reload} requireLogin='请先登录，再查看入会情况'>
      <StateView state={state} loadingText='正在读取入会情况…'>
        {(data) => (data.application ? <ApplicationState data={data} application={data.application} /> : <JoinIntro hasDraft={hasDraft} />)}
      </StateView>
    </PageShell>
  )
}

function JoinIntro({ hasDraft }: { hasDraft: boolean }) {
  return (
    <View data-testid='join-intro'>
      <View className='mb-status__hero'>
        <Text className='mb-status__hero-title'>加入工会</Text>
        <Text className='mb-status__hero-text'>工会是职工之家。入会后可以享受法律援助、困难帮扶、教育培训，并使用电子会员卡。</Text>
      </View>
      <View className='lg-card mb-status__steps'>
        <Text className='lg-card__title'>在手机上办理，大约 3 分钟</Text>
        <Text>1. 阅读入会须知，同意个人信息处理规则</Text>
        <Text>2. 填写身份信息、手机号和工作情况</Text>
        <Text>3. 选择要加入的工会</Text>
        <Text>4. 工会工作人员审核，结果会在“消息”里通知您</Text>
        <Text className='lg-muted'>需要准备：本人身份证。外卖、快递、网约车等新就业形态劳动者也可以申请。</Text>
      </View>
      <Button kind='primary' block testId='start-apply' onClick={go(pages.membership.apply.path)}>
        {hasDraft ? '继续填写（已保存草稿）' : '开始申请'}
      </Button>
    </View>
  )
}

function ApplicationState({ data, application }: { data: MyMembership; application: MyApplication }) {
  const membership = data.membership
  return (
    <View data-testid='application-state' data-status={application.status}>
      <View className={`mb-status__hero mb-status__hero--${application.status}`}>
        <Text className='mb-status__badge'>{applicationStatusLabel[application.status]}</Text>
        {application.status === 'submitted' ? (
          <Text className='mb-status__hero-text' data-testid='next-step'>
            已提交给“{application.orgName}”，工作人员一般在 {MEMBERSHIP_DECISION_WITHIN_DAYS} 个工作日内审核，结果会在“消息”里通知您。
          </Text>
        ) : null}
        {application.status === 'rejected' ? (
          <View className='mb-status__reason'>
            <Text className='mb-status__hero-text'>未通过的原因：</Text>
            <Text className='mb-status__reason-text'>{application.rejectionReason}</Text>
            <Text className='mb-status__hero-text' data-testid='next-step'>
              按原因修改后重新提交，工作人员一般在 {MEMBERSHIP_DECISION_WITHIN_DAYS} 个工作日内重新审核。
            </Text>
          </View>
        ) : null}
        {application.status === 'approved' && membership ? (
          <Text className='mb-status__hero-text'>
            您已是“{membership.orgName}”会员，会员号 {membership.memberNumber}。
          </Text>
        ) : null}
      </View>

      {application.status === 'rejected' ? (
        <Button kind='primary' block testId='resubmit' onClick={go(pages.membership.apply.path)}>
          修改后重新提交
        </Button>
      ) : null}
      {application.status === 'submitted' ? (
        <Button block testId='edit-waiting' onClick={go(pages.membership.apply.url({ edit: '1' }))}>
          修改申请信息（审核前可改）
        </Button>
      ) : null}
      {application.status === 'approved' ? (
        <Button kind='primary' block testId='open-card' onClick={go(pages.membership.card.path)}>
          查看电子会员卡
        </Button>
      ) : null}

      <Section title='申请信息'>
        <FactList
          facts={[
            { label: '工会', value: application.orgName },
            { label: '姓名', value: application.name },
            { label: '身份证号', value: application.idNumberMasked },
            { label: '手机号', value: `${application.phoneMasked}${application.phoneVerified ? '（微信已验证）' : ''}` },
            { label: '就业形态', value: employmentTypeLabel[application.employmentType] },
            { label: '提交时间', value: formatDateTime(application.submittedAt) },
          ]}
        />
      </Section>

      <Section title='办理进度'>
        <Timeline events={application.timeline} workflow={membershipWorkflow} />
      </Section>
    </View>
  )
}
