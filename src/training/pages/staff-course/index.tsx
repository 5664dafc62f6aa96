import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  courseWorkflow,
  enrollmentWorkflow,
  ROSTER_TABS,
  rosterTabLabel,
  type Roster,
  type RosterTab,
  type StaffCourseDetail,
} from '@contract/lines/training'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { ExportButton } from '@/components/export-button'
import { Field, TextArea } from '@/components/form'
import { RecordPage } from '@/components/page-shell'
import { PagedList, QueueTabs } from '@/components/queue'
import { Section } from '@/components/section'
import { StatusTag } from '@/components/status-tag'
import { Timeline } from '@/components/timeline'
import { usePagedApi } from '@/hooks/usePagedApi'
import { useSubmission } from '@/hooks/useSubmission'
import { confirm, toast } from '@/services/dialogs'
import { formatDateTime } from '@/services/format'
import { cancelCourse, courseStep, getRoster, getStaffCourse, messageCourse, rosterExportPath } from '../../api'
import { seatsText } from '../../parts'

const rosterTabs = ROSTER_TABS.map((key) => ({ key, label: rosterTabLabel[key] }))

/** A course for staff: publish, stop or cancel it, its sessions (check-in), the roster with attendance, export, a message. */
export default function StaffCoursePage() {
  return (
    <RecordPage className='tr-staff-course' requireLogin='请先登录工作人员账号' load={getStaffCourse} loadingText='正在读取课程…'>
      {(course, reload) => <StaffCourseView course={course} reload={reload} />}
    </RecordPage>
  )
}

function StaffCourseView({ course, reload }: { course: StaffCourseDetail; reload: () => Promise<void> }) {
  const steps = useSubmission({ reload })
  const messaging = useSubmission()
  const [tab, setTab] = useState<RosterTab>('seated')
  const [message, setMessage] = useState('')
  const [reason, setReason] = useState('')
  const roster = usePagedApi<Roster>((cursor) => getRoster(course.id, { tab, cursor }), [course.id, tab, course.updatedAt])

  const step = async (name: 'publish' | 'close' | 'reopen', label: string) => {
    if (!(await confirm({ title: label, content: `确定${label}《${course.title}》吗？`, confirmText: label }))) return
    const result = await steps.submit({}, (_, key) => courseStep(course.id, name, key), name)
    if (result.ok) toast(`已${label}`)
  }
  const cancel = async () => {
    if (reason.trim().length < 2) {
      steps.setFieldErrors({ reason: '请填写取消原因（会告知所有报名的职工）' })
      return
    }
    const sure = await confirm({
      title: '取消课程',
      content: '取消后所有报名和候补的职工都会收到通知，不能恢复。确定取消吗？',
      confirmText: '取消课程',
      danger: true,
    })
    if (!sure) return
    const result = await steps.submit({ reason: reason.trim() }, (body, key) => cancelCourse(course.id, body, key), 'cancel')
    if (result.ok) toast('课程已取消')
  }
  const send = async () => {
    const result = await messaging.submit({ body: message.trim(), includeWaitlist: true }, (body, key) =>
      messageCourse(course.id, body, key),
    )
    if (!result.ok) return
    toast(`已发送给 ${result.value.sent} 人`)
    setMessage('')
  }

  return (
    <View className='lg-body'>
      <View className='lg-card lg-stack'>
        <View className='tr-course__status'>
          <Text className='lg-card__title'>{course.title}</Text>
          <StatusTag status={course.status} workflow={courseWorkflow} />
        </View>
        <Text className='lg-muted'>
          {course.orgName} · {course.place}
        </Text>
        <Text>
          {seatsText(course)} · 已确认 {course.enrolledCount} 人{course.offeredCount ? `，${course.offeredCount} 人待确认` : ''}
        </Text>
        {course.cancelReason ? <Text className='lg-notice lg-notice--danger'>取消原因：{course.cancelReason}</Text> : null}
      </View>

      {course.canAct ? (
        <View className='lg-stack'>
          {course.actions.includes('edit') ? (
            <Button block onClick={() => void Taro.navigateTo({ url: pages.training.staffCourseEdit.url({ id: course.id }) })}>
              修改课程和上课时间
            </Button>
          ) : null}
          {course.actions.includes('publish') ? (
            <Button kind='primary' block busy={steps.busy} onClick={() => void step('publish', '发布')}>
              发布课程
            </Button>
          ) : null}
          {course.actions.includes('close') ? (
            <Button block busy={steps.busy} onClick={() => void step('close', '停止报名')}>
              停止报名
            </Button>
          ) : null}
          {course.actions.includes('reopen') ? (
            <Button block busy={steps.busy} onClick={() => void step('reopen', '恢复报名')}>
              恢复报名
            </Button>
          ) : null}
        </View>
      ) : (
        <Text className='lg-muted'>您可以查看这门课程，但不能修改。</Text>
      )}

      <Section title='上课与签到'>
        {course.sessions.map((session, index) => (
          <View
            key={session.id}
            className='lg-card lg-stack'
            data-session={session.id}
            onClick={() => void Taro.navigateTo({ url: pages.training.staffSession.url({ id: session.id }) })}
          >
            <Text>
              第 {index + 1} 次 · {formatDateTime(session.startsAt)}
              {session.checkInOpen ? ' · 签到进行中' : ''}
            </Text>
            <Text className='lg-muted'>
              签到 {session.present} · 迟到 {session.late} · 缺勤 {session.absent} · 请假 {session.excused}
            </Text>
          </View>
        ))}
      </Section>

      <Section title='报名名单'>
        <QueueTabs tabs={rosterTabs} value={tab} onChange={setTab} counts={roster.data?.counts} />
        <ExportButton path={rosterExportPath(course.id)} fileName={`${course.title}-名单与考勤.xlsx`} testId='export-roster'>
          导出名单和考勤表
        </ExportButton>
        <PagedList
          state={roster}
          emptyText='暂无'
          loadingText='正在读取名单…'
          renderItem={(row) => (
            <View key={row.enrollmentId} className='tr-roster__row' data-trainee={row.name}>
              <Text>
                {row.waitlistPosition ? `${row.waitlistPosition}. ` : ''}
                {row.name} · {row.unit || '—'}
              </Text>
              <Text className='lg-muted'>
                {enrollmentWorkflow.statusLabel[row.status]} · 出勤 {row.attended} 次（{row.attendancePercent}%）
              </Text>
            </View>
          )}
        />
      </Section>

      {course.canAct && course.status !== 'cancelled' && course.status !== 'draft' ? (
        <Section title='通知报名的职工'>
          <Field name='body' error={messaging.fieldErrors.body}>
            <TextArea value={message} onChange={setMessage} maxLength={500} placeholder='例如：请携带身份证和劳保鞋' />
          </Field>
          <Button block busy={messaging.busy} busyText='正在发送…' onClick={() => void send()}>
            发送通知
          </Button>
        </Section>
      ) : null}

      {course.canAct && course.actions.includes('cancel') ? (
        <Section title='取消课程'>
          <Field name='reason' error={steps.fieldErrors.reason}>
            <TextArea
              value={reason}
              onChange={(value) => (setReason(value), steps.clearFieldError('reason'))}
              maxLength={200}
              placeholder='取消原因，会告知所有报名的职工'
            />
          </Field>
          <Button kind='danger' block busy={steps.busy} onClick={() => void cancel()}>
            取消课程
          </Button>
        </Section>
      ) : null}

      <Section title='记录'>
        <Timeline events={course.timeline} workflow={courseWorkflow} />
      </Section>
    </View>
  )
}
