import type { RotatingQr } from '@contract/kit/codes'
import type { Dashboard } from '@contract/kit/stats'
import type {
  ApproveClaimBody,
  AttendanceBody,
  AttendanceResult,
  CancelCourseBody,
  CertificateList,
  CertificateVerification,
  CertificateView,
  CheckInBody,
  CheckInResult,
  ClaimQueueQuery,
  CourseDetail,
  CourseList,
  CourseInput,
  CourseMessageBody,
  CourseQuery,
  EnrollBody,
  EnrollmentResult,
  MessageResult,
  MyClaimDetail,
  MyClaimList,
  MyClaimSummary,
  MyEnrollmentList,
  PayClaimBody,
  RejectClaimBody,
  Roster,
  RosterQuery,
  StaffClaimDetail,
  StaffClaimList,
  StaffClaimSummary,
  StaffCourseDetail,
  StaffCourseList,
  StaffCourseQuery,
  StaffSessionDetail,
  SubsidyClaimBody,
  TrainingSettings,
  TrainingSettingsView,
  WithdrawClaimBody,
} from '@contract/lines/training'
import { request } from '@/services/request'

// 教育培训: the worker's catalogue, enrollments, check-in and certificates; staff's courses,
// sessions, roster, subsidy review and dashboard. One line per endpoint.
export const listCourses = (query: CourseQuery) => request<CourseList>({ path: '/api/training/courses', query })
export const getCourse = (id: string) => request<CourseDetail>({ path: `/api/training/courses/${id}` })
export const enrollInCourse = (id: string, body: EnrollBody, idempotencyKey: string) =>
  request<EnrollmentResult>({ method: 'POST', path: `/api/training/courses/${id}/enrollment`, body, idempotencyKey })
export const cancelEnrollment = (id: string, body: { reason?: string }, idempotencyKey: string) =>
  request<EnrollmentResult>({ method: 'POST', path: `/api/training/courses/${id}/enrollment/cancel`, body, idempotencyKey })
export const confirmOffer = (id: string, body: Record<string, never>, idempotencyKey: string) =>
  request<EnrollmentResult>({ method: 'POST', path: `/api/training/courses/${id}/enrollment/confirm`, body, idempotencyKey })
export const listMyEnrollments = (cursor?: string) => request<MyEnrollmentList>({ path: '/api/training/enrollments', query: { cursor } })
export const checkIn = (body: CheckInBody, idempotencyKey: string) =>
  request<CheckInResult>({ method: 'POST', path: '/api/training/check-ins', body, idempotencyKey })
export const listMyCertificates = (cursor?: string) => request<CertificateList>({ path: '/api/training/certificates', query: { cursor } })
export const getMyCertificate = (id: string) => request<CertificateView>({ path: `/api/training/certificates/${id}` })
export const verifyCertificate = (code: string) =>
  request<CertificateVerification>({ path: `/api/training/certificates/verify/${encodeURIComponent(code)}`, auth: false })
export const submitSubsidyClaim = (body: SubsidyClaimBody, idempotencyKey: string) =>
  request<MyClaimSummary>({ method: 'POST', path: '/api/training/subsidy-claims', body, idempotencyKey })
export const listMyClaims = (cursor?: string) => request<MyClaimList>({ path: '/api/training/subsidy-claims', query: { cursor } })
export const getMyClaim = (id: string) => request<MyClaimDetail>({ path: `/api/training/subsidy-claims/${id}` })
export const withdrawClaim = (id: string, body: WithdrawClaimBody, idempotencyKey: string) =>
  request<MyClaimSummary>({ method: 'POST', path: `/api/training/subsidy-claims/${id}/withdraw`, body, idempotencyKey })

export const listStaffCourses = (query: StaffCourseQuery) => request<StaffCourseList>({ path: '/api/workbench/training/courses', query })
export const createCourse = (body: CourseInput, idempotencyKey: string) =>
  request<StaffCourseDetail>({ method: 'POST', path: '/api/workbench/training/courses', body, idempotencyKey })
export const updateCourse = (id: string, version: string, body: CourseInput) =>
  request<StaffCourseDetail>({ method: 'PUT', path: `/api/workbench/training/courses/${id}`, query: { version }, body })
export const getStaffCourse = (id: string) => request<StaffCourseDetail>({ path: `/api/workbench/training/courses/${id}` })
export const courseStep = (id: string, step: 'publish' | 'close' | 'reopen', idempotencyKey: string) =>
  request<StaffCourseDetail>({ method: 'POST', path: `/api/workbench/training/courses/${id}/${step}`, body: {}, idempotencyKey })
export const cancelCourse = (id: string, body: CancelCourseBody, idempotencyKey: string) =>
  request<StaffCourseDetail>({ method: 'POST', path: `/api/workbench/training/courses/${id}/cancel`, body, idempotencyKey })
export const getRoster = (id: string, query: RosterQuery) =>
  request<Roster>({ path: `/api/workbench/training/courses/${id}/roster`, query })
export const rosterExportPath = (id: string) => `/api/workbench/training/courses/${id}/roster.xlsx`
export const messageCourse = (id: string, body: CourseMessageBody, idempotencyKey: string) =>
  request<MessageResult>({ method: 'POST', path: `/api/workbench/training/courses/${id}/messages`, body, idempotencyKey })
export const getStaffSession = (id: string, cursor?: string) =>
  request<StaffSessionDetail>({ path: `/api/workbench/training/sessions/${id}`, query: { cursor } })
export const sessionCheckInCode = (id: string) =>
  request<RotatingQr>({ method: 'POST', path: `/api/workbench/training/sessions/${id}/check-in-code`, body: {} })
export const recordAttendance = (id: string, body: AttendanceBody, idempotencyKey: string) =>
  request<AttendanceResult>({ method: 'POST', path: `/api/workbench/training/sessions/${id}/attendance`, body, idempotencyKey })
export const listClaimQueue = (query: ClaimQueueQuery) => request<StaffClaimList>({ path: '/api/workbench/training/subsidy-claims', query })
export const getStaffClaim = (id: string) => request<StaffClaimDetail>({ path: `/api/workbench/training/subsidy-claims/${id}` })

/** The body each staff decision on a claim takes. */
export interface ClaimDecisionBodies {
  approve: ApproveClaimBody
  reject: RejectClaimBody
  pay: PayClaimBody
}
export const decideClaim = <A extends keyof ClaimDecisionBodies>(
  id: string,
  action: A,
  body: ClaimDecisionBodies[A],
  idempotencyKey: string,
) => request<StaffClaimSummary>({ method: 'POST', path: `/api/workbench/training/subsidy-claims/${id}/${action}`, body, idempotencyKey })
export const readTrainingSettings = () => request<TrainingSettingsView>({ path: '/api/workbench/training/settings' })
export const saveTrainingSettings = (body: TrainingSettings) =>
  request<TrainingSettingsView>({ method: 'PUT', path: '/api/workbench/training/settings', body })
export const trainingStats = () => request<Dashboard>({ path: '/api/workbench/training/stats' })
