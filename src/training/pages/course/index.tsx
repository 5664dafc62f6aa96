import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { attendanceStatusLabel, audienceLabel, courseCategoryLabel, enrollmentWorkflow, type CourseDetail } from '@contract/lines/training'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { FactList } from '@/components/fact-list'
import { Field, TextInput } from '@/components/form'
import { RecordPage } from '@/components/page-shell'
import { Section } from '@/components/section'
import { StatusTag } from '@/components/status-tag'
import { useSubmission } from '@/hooks/useSubmission'
import { confirm, tell } from '@/services/dialogs'
import { formatDateTime } from '@/services/format'
import { cancelEnrollment, confirmOffer, enrollInCourse, getCourse } from '../../api'
import { costText, seatsText } from '../../parts'
import './index.css'

/** One course: where and when, seats, what completion needs; enroll, join the waitlist, confirm an offer, cancel. */
export default function CoursePage() {
  return (
    <RecordPage className='tr-course' requireLogin='报名课程需要先登录' load={getCourse} loadingText='正在读取课程…'>
      {(course, reload) => <CourseView course={course} reload={reload} />}
    </RecordPage>
  )
}

function CourseView({ course, reload }: { course: CourseDetail; reload: () => Promise<void> }) {
  const submission = useSubmission({ reload })
  const [name, setName] = useState('')
  const [employer, setEmployer] = useState('')
  const needsName = !course.isMember && (course.actions.includes('enroll') || course.actions.includes('waitlist'))
  const mine = course.mine

  const enroll = async (waitlist: boolean) => {
    const body = { waitlist, ...(needsName ? { name: name.trim(), employer: employer.trim() || undefined } : {}) }
    const result = await submission.submit(body, (payload, key) => enrollInCourse(course.id, payload, key), 'enroll')
    if (!result.ok) return
    tell(result.value.status === 'waitlisted' ? '已加入候补' : '报名成功', result.value.message)
    await reload()
  }
  const take = async () => {
    const result = await submission.submit({}, (payload, key) => confirmOffer(course.id, payload, key), 'confirm')
    if (result.ok) {
      tell('已确认参加', result.value.message)
      await reload()
    }
  }
  const leave = async () => {
    const seat = mine?.status === 'enrolled' || mine?.status === 'offered'
    const sure = await confirm({
      title: seat ? '取消报名' : '退出候补',
      content: seat ? '取消后名额会给候补的职工，不能恢复。确定取消吗？' : '退出后排队位置不保留。确定退出候补吗？',
      confirmText: '确定',
      danger: true,
    })
    if (!sure) return
    const result = await submission.submit({}, (payload, key) => cancelEnrollment(course.id, payload, key), 'cancel')
    if (result.ok) await reload()
  }
  const openMap = () => {
    if (course.latitude === null || course.longitude === null) return
    void Taro.openLocation({
      latitude: course.latitude,
      longitude: course.longitude,
      name: course.title,
      address: course.address ?? '',
    }).catch(() => undefined)
  }

  return (
    <View className='lg-body'>
      <View className='lg-card lg-stack'>
        <Text className='lg-card__title'>{course.title}</Text>
        <Text className='lg-muted'>
          {courseCategoryLabel[course.category]} · {course.organiser}
        </Text>
        <Text>{course.summary}</Text>
      </View>

      {mine ? (
        <View className='lg-card lg-stack' data-testid='my-enrollment'>
          <View className='tr-course__status'>
            <Text>我的报名</Text>
            <StatusTag status={mine.status} workflow={enrollmentWorkflow} />
          </View>
          {mine.waitlistPosition ? (
            <Text className='lg-notice'>候补第 {mine.waitlistPosition} 位，有人退出时按顺序递补并通知您</Text>
          ) : null}
          {mine.offerExpiresAt ? (
            <Text className='lg-notice'>有名额空出，请在 {formatDateTime(mine.offerExpiresAt)} 前确认参加，逾期顺延给下一位</Text>
          ) : null}
          {mine.sessionsPast > 0 ? (
            <Text>
              已出勤 {mine.attended} / {mine.sessionsPast} 次（结业要求 {course.completionPercent}%）
            </Text>
          ) : null}
          {mine.cancelBy ? <Text className='lg-muted'>{formatDateTime(mine.cancelBy)} 前可以取消报名</Text> : null}
          {mine.certificateId ? (
            <Text
              className='lg-link'
              onClick={() => void Taro.navigateTo({ url: pages.training.certificate.url({ id: mine.certificateId! }) })}
            >
              查看结业证书
            </Text>
          ) : null}
        </View>
      ) : null}

      <Section title='课程信息'>
        <FactList
          facts={[
            { label: '授课老师', value: course.teacher },
            {
              label: '上课地点',
              value:
                course.latitude !== null ? (
                  <Text className='lg-link' onClick={openMap}>
                    {course.place}（查看地图）
                  </Text>
                ) : (
                  course.place
                ),
              wide: true,
            },
            course.onlineUrl ? { label: '线上链接', value: course.onlineUrl, wide: true } : null,
            { label: '名额', value: seatsText(course) },
            { label: '报名截止', value: formatDateTime(course.enrollDeadline) },
            { label: '报名对象', value: audienceLabel[course.audience] },
            { label: '费用', value: costText(course) },
            { label: '结业要求', value: course.completionRule, wide: true },
            { label: '结业证书', value: course.certificate ? '颁发' : '不颁发' },
            { label: '取消规则', value: `开课前 ${course.cancelCutoffHours} 小时内不能取消` },
          ]}
        />
      </Section>

      <Section title={`上课时间（共 ${course.sessions.length} 次）`}>
        {course.sessions.map((session, index) => (
          <View key={session.id} className='tr-course__session' data-session={session.id}>
            <Text>
              第 {index + 1} 次 · {formatDateTime(session.startsAt)}–{formatDateTime(session.endsAt).slice(-5)}
              {session.topic ? ` · ${session.topic}` : ''}
            </Text>
            {session.attendance ? <Text className='lg-muted'>{attendanceStatusLabel[session.attendance]}</Text> : null}
            {session.checkInOpen && !session.attendance ? (
              <Button kind='primary' onClick={() => void Taro.navigateTo({ url: pages.training.checkIn.url({ sessionId: session.id }) })}>
                扫码签到
              </Button>
            ) : null}
          </View>
        ))}
      </Section>

      {course.enrollBlocked ? <Text className='lg-notice lg-notice--danger'>{course.enrollBlocked}</Text> : null}

      {needsName ? (
        <View className='lg-card lg-stack'>
          <Text className='lg-muted'>本课程面向全体职工。请填写签到名单和结业证书上的姓名。</Text>
          <Field label='姓名' name='name' error={submission.fieldErrors.name}>
            <TextInput value={name} onChange={(value) => (setName(value), submission.clearFieldError('name'))} maxLength={20} />
          </Field>
          <Field label='工作单位' name='employer' optional error={submission.fieldErrors.employer}>
            <TextInput value={employer} onChange={setEmployer} maxLength={60} />
          </Field>
        </View>
      ) : null}

      <View className='lg-stack'>
        {course.actions.includes('enroll') ? (
          <Button kind='primary' block testId='enroll' busy={submission.busy} busyText='正在报名…' onClick={() => void enroll(false)}>
            立即报名
          </Button>
        ) : null}
        {course.actions.includes('waitlist') ? (
          <Button kind='primary' block testId='waitlist' busy={submission.busy} busyText='正在加入候补…' onClick={() => void enroll(true)}>
            名额已满，加入候补
          </Button>
        ) : null}
        {course.actions.includes('confirm') ? (
          <Button kind='primary' block testId='confirm' busy={submission.busy} busyText='正在确认…' onClick={() => void take()}>
            确认参加
          </Button>
        ) : null}
        {course.actions.includes('cancel') ? (
          <Button kind='danger' block testId='cancel' busy={submission.busy} onClick={() => void leave()}>
            {mine?.status === 'waitlisted' ? '退出候补' : '取消报名'}
          </Button>
        ) : null}
      </View>
    </View>
  )
}
