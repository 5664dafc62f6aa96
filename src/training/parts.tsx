import { Text, View } from '@tarojs/components'
import {
  courseCategoryLabel,
  courseModeLabel,
  coursePhaseLabel,
  districtLabel,
  enrollmentWorkflow,
  type CourseSummary,
  type EnrollmentStatus,
} from '@contract/lines/training'
import { StatusTag } from '@/components/status-tag'
import { formatDateTime, formatYuan } from '@/services/format'

/** What a course costs the trainee, in words. */
export function costText(course: Pick<CourseSummary, 'fee' | 'subsidy' | 'selfPay'>): string {
  if (course.fee === 0) return '免费'
  if (course.selfPay === 0) return `全额补贴（原价 ${formatYuan(course.fee)}）`
  return `自付 ${formatYuan(course.selfPay)}（补贴 ${formatYuan(course.subsidy)}）`
}

export function seatsText(course: Pick<CourseSummary, 'seatsLeft' | 'capacity' | 'waitlistCount'>): string {
  if (course.seatsLeft > 0) return `剩余 ${course.seatsLeft} / ${course.capacity} 个名额`
  return course.waitlistCount > 0 ? `已满，${course.waitlistCount} 人候补` : '已满'
}

/** One course in a list: title, category and place, the first session, seats, cost and the caller's status. */
export function CourseCard({ course, onTap, myStatus }: { course: CourseSummary; onTap: () => void; myStatus?: EnrollmentStatus | null }) {
  const status = myStatus === undefined ? course.myStatus : myStatus
  return (
    <View className='lg-card lg-stack tr-course-card' data-course={course.id} onClick={onTap}>
      <View className='tr-course-card__head'>
        <Text className='lg-card__title'>{course.title}</Text>
        {status ? (
          <StatusTag status={status} workflow={enrollmentWorkflow} />
        ) : (
          <Text className='lg-tag lg-tag--success tr-phase'>{coursePhaseLabel[course.phase]}</Text>
        )}
      </View>
      <Text className='lg-muted'>
        {courseCategoryLabel[course.category]} · {courseModeLabel[course.mode]}
        {course.district ? ` · ${districtLabel[course.district]}` : ''} · {course.organiser}
      </Text>
      {course.firstSessionAt ? (
        <Text>
          {formatDateTime(course.firstSessionAt)} 开课，共 {course.sessionCount} 次
        </Text>
      ) : null}
      <Text className='lg-muted'>
        {seatsText(course)} · {costText(course)}
      </Text>
    </View>
  )
}
