import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import dayjs from 'dayjs'
import { applicationStatusLabel, employmentTypeLabel, type MyApplication, type MyMembership } from '@contract/lines/membership'
import { PageShell } from '@/components/page-shell'
import { StateView } from '@/components/state-view'
import { Timeline } from '@/components/timeline'
import { useApi } from '@/hooks/useApi'
import { useSession } from '@/hooks/useSession'
import { getMyMembership } from '@/services/api/membership'
import { readStored } from '@/services/storage'
import { applicationDraftKey } from '../../application-form'
import './index.css'

const go = (url: string) => () => void Taro.navigateTo({ url })

/** 入会 / 我的入会申请: how to join, or where the application stands and what happened to it. */
export default function MembershipStatusPage() {
  const session = useSession()
  const state = useApi(getMyMembership, [session.token])
  usePullDownRefresh(() => {
    void state.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const hasDraft = Boolean(session.user && readStored(applicationDraftKey(session.user.id)))
  return (
    <PageShell className='membership-status'>
      <StateView state={state} loadingText='正在读取入会情况…'>
        {(data) => (data.application ? <ApplicationState data={data} application={data.application} /> : <JoinIntro hasDraft={hasDraft} />)}
      </StateView>
    </PageShell>
  )
}

function JoinIntro({ hasDraft }: { hasDraft: boolean }) {
  return (
    <View data-testid='join-intro'>
      <View className='status-hero'>
        <Text className='status-hero-title'>加入工会</Text>
        <Text className='status-hero-text'>工会是职工之家。入会后可以享受法律援助、困难帮扶、教育培训，并使用电子会员卡。</Text>
      </View>
      <View className='card status-steps'>
        <Text className='status-section-title'>在手机上办理，大约 3 分钟</Text>
        <Text>1. 阅读入会须知，同意个人信息处理规则</Text>
        <Text>2. 填写身份信息、手机号和工作情况</Text>
        <Text>3. 选择要加入的工会</Text>
        <Text>4. 工会工作人员审核，结果会在“消息”里通知您</Text>
        <Text className='muted'>需要准备：本人身份证。外卖、快递、网约车等新就业形态劳动者也可以申请。</Text>
      </View>
      <View className='btn btn-primary btn-block' data-testid='start-apply' onClick={go('/membership/pages/apply/index')}>
        {hasDraft ? '继续填写（已保存草稿）' : '开始申请'}
      </View>
    </View>
  )
}

function ApplicationState({ data, application }: { data: MyMembership; application: MyApplication }) {
  const membership = data.membership
  return (
    <View data-testid='application-state' data-status={application.status}>
      <View className={`status-hero status-hero-${application.status}`}>
        <Text className='status-badge'>{applicationStatusLabel[application.status]}</Text>
        {application.status === 'submitted' ? (
          <Text className='status-hero-text'>已提交给“{application.orgName}”，工作人员审核后会在“消息”里通知您。</Text>
        ) : null}
        {application.status === 'rejected' ? (
          <View className='status-reason'>
            <Text className='status-hero-text'>未通过的原因：</Text>
            <Text className='status-reason-text'>{application.rejectionReason}</Text>
          </View>
        ) : null}
        {application.status === 'approved' && membership ? (
          <Text className='status-hero-text'>
            您已是“{membership.orgName}”会员，会员号 {membership.memberNumber}。
          </Text>
        ) : null}
      </View>

      {application.status === 'rejected' ? (
        <View className='btn btn-primary btn-block' data-testid='resubmit' onClick={go('/membership/pages/apply/index')}>
          修改后重新提交
        </View>
      ) : null}
      {application.status === 'submitted' ? (
        <View className='btn btn-block' data-testid='edit-waiting' onClick={go('/membership/pages/apply/index?edit=1')}>
          修改申请信息（审核前可改）
        </View>
      ) : null}
      {application.status === 'approved' ? (
        <View className='btn btn-primary btn-block' data-testid='open-card' onClick={go('/membership/pages/card/index')}>
          查看电子会员卡
        </View>
      ) : null}

      <Text className='section-title'>申请信息</Text>
      <View className='card status-facts'>
        <Fact label='工会' value={application.orgName} />
        <Fact label='姓名' value={application.name} />
        <Fact label='身份证号' value={application.idNumberMasked} />
        <Fact label='手机号' value={`${application.phoneMasked}${application.phoneVerified ? '（微信已验证）' : ''}`} />
        <Fact label='就业形态' value={employmentTypeLabel[application.employmentType]} />
        <Fact label='提交时间' value={dayjs(application.submittedAt).format('YYYY年M月D日 HH:mm')} />
      </View>

      <Text className='section-title'>办理进度</Text>
      <View className='card'>
        <Timeline events={application.timeline} statusLabel={applicationStatusLabel} />
      </View>
    </View>
  )
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className='status-fact'>
      <Text className='muted status-fact-label'>{label}</Text>
      <Text className='status-fact-value'>{value}</Text>
    </View>
  )
}
