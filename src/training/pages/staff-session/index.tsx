import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  ATTENDANCE_STATUSES,
  attendanceMethodLabel,
  attendanceStatusLabel,
  type AttendanceStatus,
  type StaffSessionDetail,
} from '@contract/lines/training'
import { pages } from '@contract/pages'
import { RecordPage } from '@/components/page-shell'
import { RotatingQrView } from '@/components/rotating-qr'
import { ScanField } from '@/components/scan-field'
import { Section } from '@/components/section'
import { useSubmission } from '@/hooks/useSubmission'
import { toast } from '@/services/dialogs'
import { formatDateTime, formatTime } from '@/services/format'
import { getStaffSession, recordAttendance, sessionCheckInCode } from '../../api'
import './index.css'

/**
 * A session at the venue (staff): the rotating check-in code for trainees to scan, a member card
 * scanned instead, and the attendance list, each trainee markable by hand.
 */
export default function StaffSessionPage() {
  return (
    <RecordPage
      className='tr-staff-session'
      requireLogin='请先登录工作人员账号'
      load={(id) => getStaffSession(id)}
      loadingText='正在读取这次课…'
    >
      {(detail, reload) => <SessionView detail={detail} reload={reload} />}
    </RecordPage>
  )
}

function SessionView({ detail, reload }: { detail: StaffSessionDetail; reload: () => Promise<void> }) {
  const card = useSubmission({ reload })
  const marking = useSubmission({ reload })
  const { session } = detail
  const open = session.checkInOpen && detail.canAct && detail.courseStatus !== 'cancelled'

  const scanCard = async (code: string) => {
    const result = await card.submit({ kind: 'card' as const, code }, (body, key) => recordAttendance(session.id, body, key))
    if (!result.ok) return
    toast(result.value.changed ? `${result.value.name} ${attendanceStatusLabel[result.value.status]}` : `${result.value.name} 已签到过`)
    await reload()
  }
  const mark = async (enrollmentId: string, name: string) => {
    const choice = await Taro.showActionSheet({ itemList: ATTENDANCE_STATUSES.map((status) => attendanceStatusLabel[status]) }).catch(
      () => undefined,
    )
    if (!choice) return
    const status: AttendanceStatus = ATTENDANCE_STATUSES[choice.tapIndex]!
    const result = await marking.submit(
      { kind: 'manual' as const, enrollmentId, status },
      (body, key) => recordAttendance(session.id, body, key),
      enrollmentId,
    )
    if (result.ok) {
      toast(`${name}：${attendanceStatusLabel[status]}`)
      await reload()
    }
  }

  return (
    <View className='lg-body'>
      <View className='lg-card lg-stack'>
        <Text className='lg-card__title'>{detail.courseTitle}</Text>
        <Text>
          {formatDateTime(session.startsAt)}–{formatDateTime(session.endsAt).slice(-5)}
          {session.topic ? ` · ${session.topic}` : ''}
        </Text>
        <Text className='lg-muted' data-testid='session-totals'>
          应到 {detail.seated} · 签到 {session.present} · 迟到 {session.late} · 缺勤 {session.absent} · 请假 {session.excused}
        </Text>
        <Text className='lg-link' onClick={() => void Taro.navigateTo({ url: pages.training.staffCourse.url({ id: detail.courseId }) })}>
          课程与名单
        </Text>
      </View>

      {open ? (
        <>
          <Section title='签到码' testId='check-in-code'>
            <RotatingQrView
              fetcher={() => sessionCheckInCode(session.id)}
              deps={[session.id]}
              noun='签到码'
              caption='请学员用微信扫一扫签到，二维码每分钟自动更新'
              showCodeText
            />
          </Section>
          <Section title='扫学员会员码签到'>
            <ScanField
              name='member-card'
              noun='会员码'
              submitLabel='记签到'
              busy={card.busy}
              error={card.fieldErrors.code ?? card.error?.message}
              onCode={(code) => void scanCard(code)}
            />
          </Section>
        </>
      ) : (
        <Text className='lg-notice'>
          {detail.canAct ? '签到时间为上课前 30 分钟到下课，现在不在签到时间内。' : '您可以查看考勤，但不能记录。'}
        </Text>
      )}

      <Section title='考勤名单'>
        {detail.items.length === 0 ? <Text className='lg-muted'>还没有学员</Text> : null}
        {detail.items.map((row) => (
          <View
            key={row.enrollmentId}
            className='tr-roster__row'
            data-trainee={row.name}
            onClick={detail.canAct ? () => void mark(row.enrollmentId, row.name) : undefined}
          >
            <Text>
              {row.name} · {row.unit || '—'}
            </Text>
            <Text className={row.attendance ? 'tr-attendance' : 'lg-muted'}>
              {row.attendance ? attendanceStatusLabel[row.attendance] : '未签到'}
              {row.checkedInAt ? ` ${formatTime(row.checkedInAt)}` : ''}
              {row.method ? `（${attendanceMethodLabel[row.method]}）` : ''}
            </Text>
          </View>
        ))}
        {detail.canAct ? <Text className='lg-muted'>点学员可手动记签到、迟到、缺勤或请假。</Text> : null}
      </Section>
    </View>
  )
}
