import * as z from 'zod/mini'
import { UUID_PATTERN } from '../common'
import { amountYuan, choice, optionalText, personName, requiredText } from '../fields'
import { pageQueryShape } from '../kit/paging'
import { defineWorkflow } from '../kit/workflow'
import { isIsoDate } from '../rules/working-days'
import { TimelineEvent } from '../timeline'
import { Attachment, attachmentIds } from '../uploads'

/**
 * 教育培训 (training): a catalogue of courses with sessions and seats, enrollment with a waitlist,
 * check-in at the venue, completion certificates anyone can verify, and the city's training
 * subsidy (《连云港市市、区企业产业工人职业培训补贴暂行办法》) as a case on the workflow kit.
 */

// ── Vocabulary ──

export const COURSE_CATEGORIES = ['skills', 'education', 'safety', 'young_migrant', 'reading', 'online'] as const
export const CourseCategory = choice('课程类别', COURSE_CATEGORIES)
export type CourseCategory = z.infer<typeof CourseCategory>
export const courseCategoryLabel: Record<CourseCategory, string> = {
  skills: '技能培训·紧缺工种',
  education: '学历提升',
  safety: '安全生产',
  young_migrant: '新生代农民工',
  reading: '职工书屋·读书',
  online: '网上课程',
}

export const COURSE_MODES = ['offline', 'online'] as const
export const CourseMode = choice('上课方式', COURSE_MODES)
export type CourseMode = z.infer<typeof CourseMode>
export const courseModeLabel: Record<CourseMode, string> = { offline: '线下', online: '线上' }

/** The districts of Lianyungang a venue can be in (the org tree's district unions). */
export const DISTRICTS = ['haizhou', 'lianyun', 'ganyu', 'donghai', 'guanyun', 'guannan', 'kaifa', 'xuwei'] as const
export const District = choice('所在区县', DISTRICTS)
export type District = z.infer<typeof District>
export const districtLabel: Record<District, string> = {
  haizhou: '海州区',
  lianyun: '连云区',
  ganyu: '赣榆区',
  donghai: '东海县',
  guanyun: '灌云县',
  guannan: '灌南县',
  kaifa: '开发区',
  xuwei: '徐圩新区',
}

/** Who may enroll: union members (the default), or every worker. */
export const AUDIENCES = ['members', 'all_workers'] as const
export const Audience = choice('报名对象', AUDIENCES)
export type Audience = z.infer<typeof Audience>
export const audienceLabel: Record<Audience, string> = { members: '限工会会员', all_workers: '面向全体职工' }

// ── Settings and rules both sides use ──

/** A check-in may start this long before a session and runs until it ends. */
export const CHECK_IN_OPENS_MINUTES_BEFORE = 30
/** Checked in later than this after the start: recorded as late. */
export const LATE_AFTER_MINUTES = 10
/** How long a session's check-in code lives; the staff page fetches a new one before it expires. */
export const CHECK_IN_CODE_TTL_SECONDS = 60
export const DEFAULT_COMPLETION_PERCENT = 80
export const DEFAULT_CANCEL_CUTOFF_HOURS = 24
export const DEFAULT_WAITLIST_CONFIRM_HOURS = 24
export const MAX_CAPACITY = 2000
export const MAX_SESSIONS = 60

/**
 * The action plan's yearly targets for trainees (人次): 5,000, 7,000 and 8,000. The plan counted
 * three years; the platform reads them as its own first three years, from the year it opened, and
 * keeps the last one after that.
 */
export const TRAINEE_TARGETS = [5000, 7000, 8000] as const
export const PLAN_FIRST_YEAR = 2026

export function traineeTargetFor(year: number): { target: number; label: string } {
  const index = Math.max(0, Math.min(TRAINEE_TARGETS.length - 1, year - PLAN_FIRST_YEAR))
  const ordinal = ['第一年', '第二年', '第三年'][index]!
  return { target: TRAINEE_TARGETS[index]!, label: `${year} 年目标（规划${year - PLAN_FIRST_YEAR > 2 ? '第三年及以后' : ordinal}）` }
}

/** Whether a session's check-in is open at `now`: from a little before it starts until it ends. */
export function checkInOpen(session: { startsAt: string; endsAt: string }, now: Date): boolean {
  const opens = Date.parse(session.startsAt) - CHECK_IN_OPENS_MINUTES_BEFORE * 60_000
  return now.getTime() >= opens && now.getTime() < Date.parse(session.endsAt)
}

/** Present, or late once the grace after the start has passed. */
export function arrivalStatus(session: { startsAt: string }, at: Date): 'present' | 'late' {
  return at.getTime() > Date.parse(session.startsAt) + LATE_AFTER_MINUTES * 60_000 ? 'late' : 'present'
}

/** Two time ranges overlap when each starts before the other ends (touching ends do not count). */
export function rangesOverlap(a: { startsAt: string; endsAt: string }, b: { startsAt: string; endsAt: string }): boolean {
  return Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt)
}

/** Share of sessions attended (present or late) as a whole percentage. */
export function attendancePercent(attended: number, sessions: number): number {
  return sessions === 0 ? 0 : Math.floor((attended * 100) / sessions)
}

// ── The course and its workflow ──

export const COURSE_STATUSES = ['draft', 'published', 'closed', 'cancelled'] as const
export const CourseStatus = z.enum(COURSE_STATUSES)
export type CourseStatus = z.infer<typeof CourseStatus>

export const courseWorkflow = defineWorkflow({
  subject: 'training_course',
  noun: '课程',
  statuses: {
    draft: { label: '草稿', open: true },
    published: { label: '报名中', open: true },
    closed: { label: '已停止报名', open: true },
    cancelled: { label: '已取消', open: false },
  },
  actions: {
    publish: { label: '发布', from: ['draft'], to: 'published', by: 'staff' },
    close: { label: '停止报名', from: ['published'], to: 'closed', by: 'staff' },
    reopen: { label: '重新开放报名', from: ['closed'], to: 'published', by: 'staff' },
    cancel: { label: '取消课程', from: ['draft', 'published', 'closed'], to: 'cancelled', by: 'staff' },
    edit: { label: '修改', from: ['draft', 'published', 'closed'], by: 'staff' },
  },
})
export const COURSE_ACTIONS = ['publish', 'close', 'reopen', 'cancel', 'edit'] as const
export type CourseAction = (typeof COURSE_ACTIONS)[number]

/**
 * Where a course stands for a worker, from its status, its seats and its dates: what the
 * catalogue shows on each card.
 */
export const COURSE_PHASES = ['draft', 'enrolling', 'full', 'enrollment_closed', 'in_progress', 'finished', 'cancelled'] as const
export type CoursePhase = (typeof COURSE_PHASES)[number]
export const coursePhaseLabel: Record<CoursePhase, string> = {
  draft: '草稿',
  enrolling: '报名中',
  full: '已满员·可候补',
  enrollment_closed: '报名已截止',
  in_progress: '进行中',
  finished: '已结束',
  cancelled: '已取消',
}

export function coursePhase(
  course: {
    status: CourseStatus
    seatsLeft: number
    enrollDeadline: string
    firstSessionAt: string | null
    lastSessionEndsAt: string | null
  },
  now: Date,
): CoursePhase {
  if (course.status === 'cancelled') return 'cancelled'
  if (course.status === 'draft') return 'draft'
  const time = now.getTime()
  if (course.lastSessionEndsAt && time >= Date.parse(course.lastSessionEndsAt)) return 'finished'
  if (course.firstSessionAt && time >= Date.parse(course.firstSessionAt)) return 'in_progress'
  if (course.status === 'closed' || time >= Date.parse(course.enrollDeadline)) return 'enrollment_closed'
  return course.seatsLeft > 0 ? 'enrolling' : 'full'
}

// ── Enrollment and its workflow ──

export const ENROLLMENT_STATUSES = [
  'enrolled',
  'waitlisted',
  'offered',
  'cancelled',
  'lapsed',
  'course_cancelled',
  'completed',
  'not_completed',
] as const
export const EnrollmentStatus = z.enum(ENROLLMENT_STATUSES)
export type EnrollmentStatus = z.infer<typeof EnrollmentStatus>

export const enrollmentWorkflow = defineWorkflow({
  subject: 'training_enrollment',
  noun: '报名',
  statuses: {
    enrolled: { label: '已报名', open: true },
    waitlisted: { label: '候补中', open: true },
    offered: { label: '候补到位·待确认', open: true },
    cancelled: { label: '已取消', open: false },
    lapsed: { label: '候补未确认', open: false },
    course_cancelled: { label: '课程已取消', open: false },
    completed: { label: '已结业', open: false },
    not_completed: { label: '未结业', open: false },
  },
  actions: {
    /** The first on the waitlist gets a freed seat and a time to confirm it. */
    offer: { label: '候补到位', from: ['waitlisted'], to: 'offered', by: 'staff' },
    confirm: { label: '确认参加', from: ['offered'], to: 'enrolled', by: 'applicant' },
    cancel: { label: '取消报名', from: ['enrolled', 'waitlisted', 'offered'], to: 'cancelled', by: 'applicant' },
    /** The confirmation window passed: the seat goes to the next in line. */
    lapse: { label: '候补过期', from: ['offered'], to: 'lapsed', by: 'staff' },
    course_cancel: { label: '课程取消', from: ['enrolled', 'waitlisted', 'offered'], to: 'course_cancelled', by: 'staff' },
    /** Settled when the course ends, and again when staff correct attendance afterwards. */
    complete: { label: '结业', from: ['enrolled', 'not_completed'], to: 'completed', by: 'staff' },
    not_complete: { label: '未达结业要求', from: ['enrolled', 'completed'], to: 'not_completed', by: 'staff' },
  },
})
export const enrollmentStatusLabel = enrollmentWorkflow.statusLabel

/** Statuses that hold a seat: enrolled (and settled), or offered while the person decides. */
export const SEAT_HOLDING_STATUSES = ['enrolled', 'offered', 'completed', 'not_completed'] as const satisfies readonly EnrollmentStatus[]
/** Statuses of a live enrollment: a person has at most one of these per course. */
export const LIVE_ENROLLMENT_STATUSES = [
  'enrolled',
  'waitlisted',
  'offered',
  'completed',
  'not_completed',
] as const satisfies readonly EnrollmentStatus[]

export const ATTENDANCE_STATUSES = ['present', 'late', 'absent', 'excused'] as const
export const AttendanceStatus = choice('考勤结果', ATTENDANCE_STATUSES)
export type AttendanceStatus = z.infer<typeof AttendanceStatus>
export const attendanceStatusLabel: Record<AttendanceStatus, string> = { present: '已签到', late: '迟到', absent: '缺勤', excused: '请假' }
export const ATTENDANCE_METHODS = ['code', 'card', 'manual', 'system'] as const
export type AttendanceMethod = (typeof ATTENDANCE_METHODS)[number]
export const attendanceMethodLabel: Record<AttendanceMethod, string> = {
  code: '扫签到码',
  card: '核验会员码',
  manual: '工作人员补记',
  system: '课后自动记缺勤',
}
/** Attended for completion: on time or late (a late arrival still took part). */
export const attendedStatuses: readonly AttendanceStatus[] = ['present', 'late']

// ── Field schemas ──

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/
/** An instant with its offset (the pages send China time, +08:00). */
export const dateTime = (label: string) =>
  z.string({ error: `请选择${label}` }).check(
    z.regex(ISO_DATE_TIME, `${label}格式不正确`),
    z.refine((value) => !Number.isNaN(Date.parse(value)), `${label}格式不正确`),
  )

export const isoDate = (label: string) =>
  z.string({ error: `请选择${label}` }).check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, `请选择${label}`),
    z.refine((value) => isIsoDate(value), `${label}不是有效日期`),
  )

const wholeNumber = (label: string, min: number, max: number) =>
  z
    .number({ error: `请填写${label}` })
    .check(z.int(`${label}须为整数`), z.gte(min, `${label}不能小于 ${min}`), z.lte(max, `${label}不能大于 ${max}`))

const coordinate = (label: string, min: number, max: number) =>
  z.optional(z.nullable(z.number({ error: `${label}格式不正确` }).check(z.gte(min, `${label}超出范围`), z.lte(max, `${label}超出范围`))))

export const SessionInput = z
  .object({
    /** An existing session being kept (absent for a new one). */
    id: z.optional(z.string().check(z.regex(UUID_PATTERN, '课次编号格式不正确'))),
    startsAt: dateTime('上课开始时间'),
    endsAt: dateTime('下课时间'),
    topic: optionalText('本次内容', 60),
  })
  .check(
    z.refine((value) => Date.parse(value.endsAt) > Date.parse(value.startsAt), { message: '下课时间要晚于开始时间', path: ['endsAt'] }),
    z.refine((value) => Date.parse(value.endsAt) - Date.parse(value.startsAt) <= 12 * 3600_000, {
      message: '一次课最长 12 小时',
      path: ['endsAt'],
    }),
  )
export type SessionInput = z.infer<typeof SessionInput>

const onlineUrl = z.optional(
  z.nullable(
    z.string({ error: '线上课程链接格式不正确' }).check(
      z.trim(),
      z.maxLength(300, '线上课程链接最多 300 个字符'),
      z.refine((value) => value === '' || /^https:\/\/[^\s<>"]+$/.test(value), '线上课程链接须以 https:// 开头'),
    ),
  ),
)

/** A course as staff write it: a draft can be saved with this, and published once it has sessions. */
export const CourseInput = z
  .object({
    title: requiredText('课程名称', 60, 4),
    category: CourseCategory,
    summary: requiredText('课程介绍', 1000, 10),
    organiser: requiredText('主办单位', 60),
    teacher: requiredText('授课老师', 60),
    mode: CourseMode,
    district: z.optional(z.nullable(District)),
    address: z.optional(z.nullable(z.string().check(z.trim(), z.maxLength(120, '上课地点最多 120 个字')))),
    latitude: coordinate('纬度', -90, 90),
    longitude: coordinate('经度', -180, 180),
    onlineUrl,
    capacity: wholeNumber('招生人数', 1, MAX_CAPACITY),
    enrollDeadline: dateTime('报名截止时间'),
    audience: Audience,
    fee: amountYuan('培训费用', 100_000),
    subsidy: amountYuan('补贴金额', 100_000),
    completionRule: requiredText('结业要求', 200, 2),
    completionPercent: wholeNumber('结业出勤率', 50, 100),
    certificate: z.boolean({ error: '请选择是否颁发结业证书' }),
    cancelCutoffHours: wholeNumber('取消截止（开课前小时数）', 0, 168),
    sessions: z
      .array(SessionInput, { error: '请添加上课时间' })
      .check(z.minLength(1, '请至少添加一次课'), z.maxLength(MAX_SESSIONS, `最多 ${MAX_SESSIONS} 次课`)),
    /** The union that runs it; by default the one the staff member works for. */
    orgId: z.optional(z.string().check(z.regex(/^[a-z0-9-]{1,64}$/, '主办工会不正确'))),
  })
  .check(
    z.refine((value) => value.mode === 'online' || Boolean(value.district), { message: '请选择所在区县', path: ['district'] }),
    z.refine((value) => value.mode === 'online' || Boolean(value.address?.trim()), { message: '请填写上课地点', path: ['address'] }),
    z.refine((value) => value.mode === 'offline' || Boolean(value.onlineUrl?.trim()), {
      message: '请填写线上课程链接',
      path: ['onlineUrl'],
    }),
    z.refine((value) => value.subsidy <= value.fee, { message: '补贴不能超过培训费用', path: ['subsidy'] }),
    z.refine(
      (value) => (value.latitude === null || value.latitude === undefined) === (value.longitude === null || value.longitude === undefined),
      { message: '经纬度要一起填写', path: ['longitude'] },
    ),
    z.refine(
      (value) => {
        const first = Math.min(...value.sessions.map((session) => Date.parse(session.startsAt)))
        return !Number.isFinite(first) || Date.parse(value.enrollDeadline) <= first
      },
      { message: '报名截止时间不能晚于第一次课', path: ['enrollDeadline'] },
    ),
    z.refine(
      (value) => {
        const sorted = [...value.sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt))
        return sorted.every((session, index) => index === 0 || !rangesOverlap(sorted[index - 1]!, session))
      },
      { message: '上课时间有重叠，请检查', path: ['sessions'] },
    ),
  )
export type CourseInput = z.infer<typeof CourseInput>

export const CancelCourseBody = z.object({ reason: requiredText('取消原因', 200, 2) })
export type CancelCourseBody = z.infer<typeof CancelCourseBody>

export const CourseMessageBody = z.object({
  body: requiredText('通知内容', 500, 2),
  /** Also those waiting on the waitlist (the enrolled always). */
  includeWaitlist: z.optional(z.boolean()),
})
export type CourseMessageBody = z.infer<typeof CourseMessageBody>

// ── Worker requests ──

export const CATALOGUE_FILTER_COSTS = ['free', 'subsidised'] as const
export const CourseQuery = z.object({
  category: z.optional(z.enum(COURSE_CATEGORIES, { error: '类别不正确' })),
  q: z.optional(z.string().check(z.trim(), z.maxLength(30, '搜索词最多 30 个字'))),
  mode: z.optional(z.enum(COURSE_MODES, { error: '上课方式不正确' })),
  district: z.optional(z.enum(DISTRICTS, { error: '区县不正确' })),
  cost: z.optional(z.enum(CATALOGUE_FILTER_COSTS, { error: '费用条件不正确' })),
  /** `this_month`: courses whose first session is in the current month (China time). */
  starts: z.optional(z.enum(['this_month'], { error: '时间条件不正确' })),
  seats: z.optional(z.enum(['available'], { error: '名额条件不正确' })),
  ...pageQueryShape,
})
export type CourseQuery = z.infer<typeof CourseQuery>

export const EnrollBody = z.object({
  /** When the course is full: join the waitlist instead of being refused. */
  waitlist: z.optional(z.boolean()),
  /** For someone who is not a member (courses open to every worker): the name for the roster and certificate. */
  name: z.optional(personName('姓名', 20)),
  /** Their employer, for the same. */
  employer: optionalText('工作单位', 60),
  subscribeAccepted: z.optional(z.number().check(z.int(), z.gte(0), z.lte(10))),
})
export type EnrollBody = z.infer<typeof EnrollBody>

export const CancelEnrollmentBody = z.object({ reason: optionalText('取消原因', 200) })
export type CancelEnrollmentBody = z.infer<typeof CancelEnrollmentBody>

export const CheckInBody = z.object({
  code: z.string({ error: '请扫描或输入签到码' }).check(z.trim(), z.minLength(1, '请扫描或输入签到码'), z.maxLength(512, '签到码不正确')),
  /** When the worker opened check-in from one session: a code of any other session is refused. */
  sessionId: z.optional(z.string().check(z.regex(UUID_PATTERN, '课次编号格式不正确'))),
})
export type CheckInBody = z.infer<typeof CheckInBody>

// ── Worker responses ──

export const SessionView = z.object({
  id: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  topic: z.nullable(z.string()),
})
export type SessionView = z.infer<typeof SessionView>

const courseCore = {
  id: z.string(),
  title: z.string(),
  category: CourseCategory,
  mode: CourseMode,
  district: z.nullable(District),
  organiser: z.string(),
  teacher: z.string(),
  /** The venue's address, or 线上. */
  place: z.string(),
  firstSessionAt: z.nullable(z.string()),
  lastSessionEndsAt: z.nullable(z.string()),
  sessionCount: z.number(),
  capacity: z.number(),
  seatsLeft: z.number(),
  waitlistCount: z.number(),
  enrollDeadline: z.string(),
  audience: Audience,
  fee: z.number(),
  subsidy: z.number(),
  /** What the trainee pays: the fee less the subsidy. */
  selfPay: z.number(),
  certificate: z.boolean(),
  status: CourseStatus,
  phase: z.enum(COURSE_PHASES),
}

export const CourseSummary = z.object({
  ...courseCore,
  /** The caller's live enrollment in it, if any (已报名, 候补中…). */
  myStatus: z.nullable(EnrollmentStatus),
})
export type CourseSummary = z.infer<typeof CourseSummary>
export const CourseList = z.object({ items: z.array(CourseSummary), nextCursor: z.nullable(z.string()) })
export type CourseList = z.infer<typeof CourseList>

export const MySessionView = z.object({
  ...SessionView.shape,
  /** The caller's attendance at it, once recorded. */
  attendance: z.nullable(AttendanceStatus),
  checkedInAt: z.nullable(z.string()),
  /** Check-in is open now (and the caller holds a seat). */
  checkInOpen: z.boolean(),
})
export type MySessionView = z.infer<typeof MySessionView>

export const MyEnrollmentPart = z.object({
  id: z.string(),
  status: EnrollmentStatus,
  /** 1 for the first in line; null unless waitlisted. */
  waitlistPosition: z.nullable(z.number()),
  /** Until when an offered seat waits for the caller's confirmation. */
  offerExpiresAt: z.nullable(z.string()),
  /** Until when the caller may cancel a seat (the cut-off before the first session). */
  cancelBy: z.nullable(z.string()),
  canCancel: z.boolean(),
  attended: z.number(),
  /** Sessions that have ended so far. */
  sessionsPast: z.number(),
  certificateId: z.nullable(z.string()),
  subscribeCredits: z.number(),
})
export type MyEnrollmentPart = z.infer<typeof MyEnrollmentPart>

export const WORKER_COURSE_ACTIONS = ['enroll', 'waitlist', 'confirm', 'cancel'] as const
export type WorkerCourseAction = (typeof WORKER_COURSE_ACTIONS)[number]

export const CourseDetail = z.object({
  ...courseCore,
  summary: z.string(),
  address: z.nullable(z.string()),
  latitude: z.nullable(z.number()),
  longitude: z.nullable(z.number()),
  /** Shown to those holding a seat. */
  onlineUrl: z.nullable(z.string()),
  completionRule: z.string(),
  completionPercent: z.number(),
  cancelCutoffHours: z.number(),
  orgName: z.string(),
  sessions: z.array(MySessionView),
  mine: z.nullable(MyEnrollmentPart),
  /** Whether the caller is a union member (a members-only course needs it; others ask a name). */
  isMember: z.boolean(),
  /** What the caller may do now. */
  actions: z.array(z.enum(WORKER_COURSE_ACTIONS)),
  /** Why the caller cannot enroll, when they cannot (not a member, closed, a conflict…). */
  enrollBlocked: z.nullable(z.string()),
})
export type CourseDetail = z.infer<typeof CourseDetail>

export const EnrollmentResult = z.object({
  enrollmentId: z.string(),
  courseId: z.string(),
  status: EnrollmentStatus,
  waitlistPosition: z.nullable(z.number()),
  message: z.string(),
})
export type EnrollmentResult = z.infer<typeof EnrollmentResult>

export const MyEnrollment = z.object({
  id: z.string(),
  status: EnrollmentStatus,
  course: CourseSummary,
  /** The next session that has not ended, if any. */
  nextSession: z.nullable(SessionView),
  waitlistPosition: z.nullable(z.number()),
  offerExpiresAt: z.nullable(z.string()),
  attended: z.number(),
  sessionsPast: z.number(),
  certificateId: z.nullable(z.string()),
})
export type MyEnrollment = z.infer<typeof MyEnrollment>
export const MyEnrollmentQuery = z.object(pageQueryShape)
export const MyEnrollmentList = z.object({ items: z.array(MyEnrollment), nextCursor: z.nullable(z.string()) })
export type MyEnrollmentList = z.infer<typeof MyEnrollmentList>

export const CheckInResult = z.object({
  sessionId: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  status: AttendanceStatus,
  checkedInAt: z.string(),
  /** False when this person had already checked in to this session (nothing new was recorded). */
  firstTime: z.boolean(),
})
export type CheckInResult = z.infer<typeof CheckInResult>

export const CertificateView = z.object({
  id: z.string(),
  /** 连工培〔2026〕000123 号 */
  number: z.string(),
  /** What anyone types on the verification page. */
  verifyCode: z.string(),
  holderName: z.string(),
  courseId: z.string(),
  courseTitle: z.string(),
  organiser: z.string(),
  category: CourseCategory,
  /** The course's dates. */
  startedOn: z.string(),
  endedOn: z.string(),
  attendancePercent: z.number(),
  issuedAt: z.string(),
  revoked: z.boolean(),
})
export type CertificateView = z.infer<typeof CertificateView>
export const CertificateList = z.object({ items: z.array(CertificateView), nextCursor: z.nullable(z.string()) })
export type CertificateList = z.infer<typeof CertificateList>

export const VerifyParams = z.object({
  code: z.string().check(z.regex(/^[A-Za-z0-9-]{6,20}$/, '查验码格式不正确')),
})

/** What anyone learns from a verification code: whether it is genuine, and only enough to match the paper. */
export const CertificateVerification = z.object({
  result: z.enum(['valid', 'revoked']),
  number: z.string(),
  holderNameMasked: z.string(),
  courseTitle: z.string(),
  organiser: z.string(),
  /** The day it was issued (China date). */
  issuedOn: z.string(),
})
export type CertificateVerification = z.infer<typeof CertificateVerification>

/** Normalises a typed verification code: case, spaces and dashes do not matter. */
export function normaliseVerifyCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase()
}

// ── Staff requests and responses ──

export const STAFF_COURSE_TABS = ['active', 'draft', 'finished', 'cancelled', 'all'] as const
export type StaffCourseTab = (typeof STAFF_COURSE_TABS)[number]
export const staffCourseTabLabel: Record<StaffCourseTab, string> = {
  active: '进行中',
  draft: '草稿',
  finished: '已结束',
  cancelled: '已取消',
  all: '全部',
}
export const StaffCourseQuery = z.object({
  tab: z.optional(z.enum(STAFF_COURSE_TABS, { error: '分类不正确' })),
  q: z.optional(z.string().check(z.trim(), z.maxLength(30, '搜索词最多 30 个字'))),
  ...pageQueryShape,
})
export type StaffCourseQuery = z.infer<typeof StaffCourseQuery>

export const StaffCourseSummary = z.object({
  ...courseCore,
  orgId: z.string(),
  orgName: z.string(),
  enrolledCount: z.number(),
  updatedAt: z.string(),
})
export type StaffCourseSummary = z.infer<typeof StaffCourseSummary>
export const StaffCourseCounts = z.object(
  Object.fromEntries(STAFF_COURSE_TABS.map((tab) => [tab, z.number()])) as Record<StaffCourseTab, z.ZodMiniNumber>,
)
export const StaffCourseList = z.object({
  items: z.array(StaffCourseSummary),
  nextCursor: z.nullable(z.string()),
  counts: StaffCourseCounts,
})
export type StaffCourseList = z.infer<typeof StaffCourseList>

export const StaffSessionView = z.object({
  ...SessionView.shape,
  present: z.number(),
  late: z.number(),
  absent: z.number(),
  excused: z.number(),
  checkInOpen: z.boolean(),
})
export type StaffSessionView = z.infer<typeof StaffSessionView>

export const StaffCourseDetail = z.object({
  ...courseCore,
  summary: z.string(),
  address: z.nullable(z.string()),
  latitude: z.nullable(z.number()),
  longitude: z.nullable(z.number()),
  onlineUrl: z.nullable(z.string()),
  completionRule: z.string(),
  completionPercent: z.number(),
  cancelCutoffHours: z.number(),
  orgId: z.string(),
  orgName: z.string(),
  sessions: z.array(StaffSessionView),
  enrolledCount: z.number(),
  offeredCount: z.number(),
  cancelReason: z.nullable(z.string()),
  updatedAt: z.string(),
  /** What the caller may do now (empty for read-only oversight). */
  actions: z.array(z.enum(COURSE_ACTIONS)),
  canAct: z.boolean(),
  timeline: z.array(TimelineEvent),
})
export type StaffCourseDetail = z.infer<typeof StaffCourseDetail>

export const ROSTER_TABS = ['seated', 'waitlisted', 'left', 'all'] as const
export type RosterTab = (typeof ROSTER_TABS)[number]
export const rosterTabLabel: Record<RosterTab, string> = { seated: '已报名', waitlisted: '候补', left: '已退出', all: '全部' }
export const RosterQuery = z.object({ tab: z.optional(z.enum(ROSTER_TABS, { error: '分类不正确' })), ...pageQueryShape })
export type RosterQuery = z.infer<typeof RosterQuery>

export const RosterRow = z.object({
  enrollmentId: z.string(),
  name: z.string(),
  /** The trainee's union (members) or the employer they gave. */
  unit: z.string(),
  member: z.boolean(),
  status: EnrollmentStatus,
  waitlistPosition: z.nullable(z.number()),
  enrolledAt: z.string(),
  attended: z.number(),
  late: z.number(),
  absent: z.number(),
  attendancePercent: z.number(),
})
export type RosterRow = z.infer<typeof RosterRow>
export const RosterCounts = z.object(Object.fromEntries(ROSTER_TABS.map((tab) => [tab, z.number()])) as Record<RosterTab, z.ZodMiniNumber>)
export const Roster = z.object({ items: z.array(RosterRow), nextCursor: z.nullable(z.string()), counts: RosterCounts })
export type Roster = z.infer<typeof Roster>

export const SessionRosterRow = z.object({
  enrollmentId: z.string(),
  name: z.string(),
  unit: z.string(),
  attendance: z.nullable(AttendanceStatus),
  method: z.nullable(z.enum(ATTENDANCE_METHODS)),
  checkedInAt: z.nullable(z.string()),
})
export type SessionRosterRow = z.infer<typeof SessionRosterRow>

export const StaffSessionDetail = z.object({
  session: StaffSessionView,
  courseId: z.string(),
  courseTitle: z.string(),
  courseStatus: CourseStatus,
  /** Those holding a seat, with their attendance at this session. */
  items: z.array(SessionRosterRow),
  nextCursor: z.nullable(z.string()),
  seated: z.number(),
  canAct: z.boolean(),
})
export type StaffSessionDetail = z.infer<typeof StaffSessionDetail>

/**
 * Staff record attendance for one session: by scanning the worker's member card, or by hand for
 * one enrolled person (a phone left at home, a correction, 请假).
 */
export const AttendanceBody = z.union([
  z.object({
    kind: z.literal('card'),
    code: z.string({ error: '请扫描或输入会员码' }).check(z.trim(), z.minLength(1, '请扫描或输入会员码'), z.maxLength(512, '会员码不正确')),
  }),
  z.object({
    kind: z.literal('manual'),
    enrollmentId: z.string({ error: '请选择学员' }).check(z.regex(UUID_PATTERN, '学员不正确')),
    status: AttendanceStatus,
  }),
])
export type AttendanceBody = z.infer<typeof AttendanceBody>

export const AttendanceResult = z.object({
  enrollmentId: z.string(),
  name: z.string(),
  status: AttendanceStatus,
  checkedInAt: z.nullable(z.string()),
  /** False when the person had already been recorded as this (a second scan). */
  changed: z.boolean(),
})
export type AttendanceResult = z.infer<typeof AttendanceResult>

export const MessageResult = z.object({ sent: z.number() })
export type MessageResult = z.infer<typeof MessageResult>

// ── Training subsidy (技术等级提升补贴 / 学历教育补贴) ──

export const SUBSIDY_KINDS = ['intermediate', 'advanced', 'technician', 'senior_technician', 'diploma'] as const
export const SubsidyKind = choice('补贴类别', SUBSIDY_KINDS)
export type SubsidyKind = z.infer<typeof SubsidyKind>
export const subsidyKindLabel: Record<SubsidyKind, string> = {
  intermediate: '取得中级工证书',
  advanced: '取得高级工证书',
  technician: '取得技师证书',
  senior_technician: '取得高级技师证书',
  diploma: '取得与岗位相关的大专及以上学历',
}
/** The city rule's amounts, in yuan. */
export const SUBSIDY_AMOUNT_YUAN: Record<SubsidyKind, number> = {
  intermediate: 500,
  advanced: 500,
  technician: 1000,
  senior_technician: 1000,
  diploma: 500,
}
export const isSkillKind = (kind: SubsidyKind): boolean => kind !== 'diploma'
/** A claim must be made within this many months of the certificate. */
export const CLAIM_WINDOW_MONTHS = 6
export const DEFAULT_SUBSIDY_QUOTA = 1000

/** The date `months` after a China date, at the end of the month when the day does not exist (03-31 → 09-30). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number]
  const total = year * 12 + (month - 1) + months
  const targetYear = Math.floor(total / 12)
  const targetMonth = (total % 12) + 1
  const lastDay = new Date(Date.UTC(targetYear, targetMonth, 0)).getUTCDate()
  return `${targetYear}-${String(targetMonth).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`
}

/** The last day a certificate of this date may be claimed for. */
export const claimWindowEnds = (certificateDate: string): string => addMonths(certificateDate, CLAIM_WINDOW_MONTHS)

export function claimWindowCheck(certificateDate: string, today: string): { ok: true } | { ok: false; message: string } {
  if (certificateDate > today) return { ok: false, message: '证书日期不能晚于今天' }
  const ends = claimWindowEnds(certificateDate)
  if (today > ends) return { ok: false, message: `须在取得证书后 ${CLAIM_WINDOW_MONTHS} 个月内申请（本证书截至 ${ends}）` }
  return { ok: true }
}

/**
 * What a skill claim may still be paid: the rule pays only the highest promotion in a year, so a
 * second, higher one that year is paid the difference, and a lower or equal one nothing.
 */
export function payableYuan(kind: SubsidyKind, grantedSkillYuanThatYear: number): number {
  const amount = SUBSIDY_AMOUNT_YUAN[kind]
  return isSkillKind(kind) ? Math.max(0, amount - grantedSkillYuanThatYear) : amount
}

export const SubsidyClaimBody = z.object({
  kind: SubsidyKind,
  certificateName: requiredText('证书或学历名称', 60, 2),
  certificateNo: requiredText('证书编号', 40, 4),
  certificateDate: isoDate('发证日期'),
  employer: requiredText('工作单位', 60, 2),
  /** The eligibility the rule names, declared by the worker and proved by the files. */
  frontLine: z.literal(true, { error: '须为企业一线职工' }),
  manufacturing: z.literal(true, { error: '须为制造业企业职工' }),
  socialInsuranceMonths: wholeNumber('社保缴纳月数', 12, 600),
  attachmentIds: attachmentIds(6).check(z.minLength(1, '请上传证书照片和社保缴费证明')),
  declaration: z.literal(true, { error: '请确认以上情况属实' }),
  subscribeAccepted: z.optional(z.number().check(z.int(), z.gte(0), z.lte(10))),
})
export type SubsidyClaimBody = z.infer<typeof SubsidyClaimBody>

export const CLAIM_STATUSES = ['submitted', 'approved', 'rejected', 'paid', 'withdrawn'] as const
export const ClaimStatus = z.enum(CLAIM_STATUSES)
export type ClaimStatus = z.infer<typeof ClaimStatus>

export const subsidyWorkflow = defineWorkflow({
  subject: 'training_subsidy_claim',
  noun: '补贴申请',
  statuses: {
    submitted: { label: '待审核', open: true },
    approved: { label: '已批准·待拨付', open: true },
    rejected: { label: '未通过', open: false },
    paid: { label: '已拨付', open: false },
    withdrawn: { label: '已撤回', open: false },
  },
  actions: {
    approve: { label: '批准', from: ['submitted'], to: 'approved', by: 'staff' },
    reject: { label: '不予批准', from: ['submitted'], to: 'rejected', by: 'staff' },
    pay: { label: '登记拨付', from: ['approved'], to: 'paid', by: 'staff' },
    withdraw: { label: '撤回申请', from: ['submitted'], to: 'withdrawn', by: 'applicant' },
  },
})
export const claimStatusLabel = subsidyWorkflow.statusLabel
export const STAFF_CLAIM_ACTIONS = ['approve', 'reject', 'pay'] as const
export type StaffClaimAction = (typeof STAFF_CLAIM_ACTIONS)[number]

export const ApproveClaimBody = z.object({ amount: amountYuan('核定金额', 1000), note: optionalText('审核意见', 200) })
export type ApproveClaimBody = z.infer<typeof ApproveClaimBody>
export const RejectClaimBody = z.object({ reason: requiredText('不予批准的原因', 200, 2) })
export type RejectClaimBody = z.infer<typeof RejectClaimBody>
export const PayClaimBody = z.object({ reference: requiredText('拨付凭证号', 40, 2), note: optionalText('备注', 200) })
export type PayClaimBody = z.infer<typeof PayClaimBody>
export const WithdrawClaimBody = z.object({ reason: optionalText('撤回原因', 200) })
export type WithdrawClaimBody = z.infer<typeof WithdrawClaimBody>

const claimCore = {
  id: z.string(),
  /** 培补〔2026〕12号 */
  claimNo: z.string(),
  kind: SubsidyKind,
  status: ClaimStatus,
  certificateName: z.string(),
  certificateDate: z.string(),
  /** The rule's amount for the kind, and what may still be paid under the highest-only rule. */
  ruleAmount: z.number(),
  payable: z.number(),
  /** What staff approved. */
  approvedAmount: z.nullable(z.number()),
  /** The union the subsidy is paid to. */
  unitUnionName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
}

export const MyClaimSummary = z.object({ ...claimCore, nextStep: z.string() })
export type MyClaimSummary = z.infer<typeof MyClaimSummary>
export const MyClaimList = z.object({
  items: z.array(MyClaimSummary),
  nextCursor: z.nullable(z.string()),
  /** Skill-level subsidy already granted for certificates of this year (the highest-only rule). */
  skillGrantedThisYear: z.number(),
})
export type MyClaimList = z.infer<typeof MyClaimList>

const claimDetail = {
  certificateNo: z.string(),
  employer: z.string(),
  socialInsuranceMonths: z.number(),
  claimWindowEnds: z.string(),
  rejectReason: z.nullable(z.string()),
  paymentReference: z.nullable(z.string()),
  paidAt: z.nullable(z.string()),
  attachments: z.array(Attachment),
  timeline: z.array(TimelineEvent),
}

export const MyClaimDetail = z.object({ ...claimCore, ...claimDetail, nextStep: z.string(), canWithdraw: z.boolean() })
export type MyClaimDetail = z.infer<typeof MyClaimDetail>

export const CLAIM_QUEUE_TABS = ['submitted', 'approved', 'paid', 'rejected', 'all'] as const
export type ClaimQueueTab = (typeof CLAIM_QUEUE_TABS)[number]
export const claimQueueTabLabel: Record<ClaimQueueTab, string> = {
  submitted: '待审核',
  approved: '待拨付',
  paid: '已拨付',
  rejected: '未通过',
  all: '全部',
}
export const ClaimQueueQuery = z.object({ tab: z.optional(z.enum(CLAIM_QUEUE_TABS, { error: '分类不正确' })), ...pageQueryShape })
export type ClaimQueueQuery = z.infer<typeof ClaimQueueQuery>

export const StaffClaimSummary = z.object({ ...claimCore, applicantName: z.string() })
export type StaffClaimSummary = z.infer<typeof StaffClaimSummary>
export const ClaimQueueCounts = z.object(
  Object.fromEntries(CLAIM_QUEUE_TABS.map((tab) => [tab, z.number()])) as Record<ClaimQueueTab, z.ZodMiniNumber>,
)
export const QuotaView = z.object({ year: z.number(), quota: z.number(), used: z.number() })
export type QuotaView = z.infer<typeof QuotaView>
export const StaffClaimList = z.object({
  items: z.array(StaffClaimSummary),
  nextCursor: z.nullable(z.string()),
  counts: ClaimQueueCounts,
  quota: QuotaView,
})
export type StaffClaimList = z.infer<typeof StaffClaimList>

export const StaffClaimDetail = z.object({
  ...claimCore,
  ...claimDetail,
  applicantName: z.string(),
  /** Skill subsidy already granted to this person for that year (the highest-only rule), and the year's quota. */
  skillGrantedThatYear: z.number(),
  quota: QuotaView,
  actions: z.array(z.enum(STAFF_CLAIM_ACTIONS)),
  canAct: z.boolean(),
})
export type StaffClaimDetail = z.infer<typeof StaffClaimDetail>

// ── Settings ──

export const TrainingSettings = z.object({
  /** How long a freed seat waits for the first on the waitlist to confirm. */
  waitlistConfirmHours: wholeNumber('候补确认时限（小时）', 1, 168),
  /** Subsidy claims that may be approved this year (名额). */
  subsidyQuota: wholeNumber('本年度补贴名额', 0, 100_000),
})
export type TrainingSettings = z.infer<typeof TrainingSettings>
export const TrainingSettingsView = z.object({ ...TrainingSettings.shape, year: z.number(), subsidyUsed: z.number() })
export type TrainingSettingsView = z.infer<typeof TrainingSettingsView>
