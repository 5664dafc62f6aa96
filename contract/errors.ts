/**
 * Stable error codes: programs branch on these, people read `message`.
 * A code never changes meaning once released; add new ones instead.
 */
export const ErrorCode = {
  /** The request body, query or params failed validation; `fields` says which and why. */
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  /** No valid session: log in (again). */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** Logged in, but this role may not do this. */
  FORBIDDEN: 'FORBIDDEN',
  /** No such record, or not one this user may see (we do not reveal which). */
  NOT_FOUND: 'NOT_FOUND',
  /** The request conflicts with the record's current state. */
  CONFLICT: 'CONFLICT',
  /** Same Idempotency-Key reused with a different request body. */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  /** Too many requests from this user or address. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** The body is larger than this endpoint accepts. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** An upload whose content is not one of the accepted kinds (JPEG, PNG, PDF), whatever its name. */
  UNSUPPORTED_FILE_TYPE: 'UNSUPPORTED_FILE_TYPE',
  /** WeChat rejected the login code (expired, used, or from another app). */
  WECHAT_CODE_INVALID: 'WECHAT_CODE_INVALID',
  /** WeChat throttled us. */
  WECHAT_RATE_LIMITED: 'WECHAT_RATE_LIMITED',
  /** WeChat did not answer in time or answered with an error we cannot act on. */
  WECHAT_UNAVAILABLE: 'WECHAT_UNAVAILABLE',
  /** Dev login was called on a server that does not allow it. */
  DEV_LOGIN_DISABLED: 'DEV_LOGIN_DISABLED',
  /** Membership: this user already has an application (or is a member); see it instead. */
  APPLICATION_EXISTS: 'APPLICATION_EXISTS',
  /** Membership: this ID number already belongs to an active member; the message names the union. */
  ALREADY_MEMBER: 'ALREADY_MEMBER',
  /** Membership (staff side): another application with this ID number is waiting for review. */
  ID_NUMBER_PENDING: 'ID_NUMBER_PENDING',
  /**
   * Membership (the applicant): this ID number cannot be used to apply. Deliberately says no more —
   * not whether it belongs to a member or a waiting application, nor which union — so the form is
   * no way to find out about someone else; the conflict is recorded for the union that holds it.
   */
  ID_NUMBER_UNAVAILABLE: 'ID_NUMBER_UNAVAILABLE',
  /** A typed phone number is bound to another account; verifying it through WeChat is allowed. */
  PHONE_IN_USE: 'PHONE_IN_USE',
  /** The account has no WeChat-verified phone number to use. */
  PHONE_NOT_VERIFIED: 'PHONE_NOT_VERIFIED',
  /** No active membership (no member card). */
  NOT_A_MEMBER: 'NOT_A_MEMBER',
  /**
   * The record is not in a state that allows this, or changed since the caller read it (decided by
   * someone else, edited by the applicant). The one stale-state code: reload and look again.
   */
  WRONG_STATUS: 'WRONG_STATUS',
  /** A benefits offer cannot be claimed now (sold out, limit reached, not eligible…); the message says why. */
  CLAIM_REFUSED: 'CLAIM_REFUSED',
  /** A scanned code (coupon or member card) has expired: the member refreshes it. */
  CODE_EXPIRED: 'CODE_EXPIRED',
  /** A scanned code is not one this desk accepts (forged, another kind, another shop's). */
  CODE_INVALID: 'CODE_INVALID',
  /** The coupon or code was already redeemed (perhaps a moment ago at another till). */
  ALREADY_REDEEMED: 'ALREADY_REDEEMED',
  /** Staff invite code unknown, used, expired or revoked; the message says which. */
  INVITE_INVALID: 'INVITE_INVALID',
  /** The user already holds the role the invite grants. */
  ALREADY_STAFF: 'ALREADY_STAFF',
  /** Training: the course has no seat left; the waitlist is offered instead. */
  COURSE_FULL: 'COURSE_FULL',
  /** Training: the course takes no enrollments now (a draft, stopped, past its deadline, cancelled). */
  ENROLLMENT_CLOSED: 'ENROLLMENT_CLOSED',
  /** Training: the caller already has a live enrollment in this course (enrolled or waitlisted). */
  ALREADY_ENROLLED: 'ALREADY_ENROLLED',
  /** Training: the course's sessions overlap one the caller is already enrolled in; the message names it. */
  SCHEDULE_CONFLICT: 'SCHEDULE_CONFLICT',
  /** Training: a seat may no longer be given up this close to the first session. */
  CANCEL_TOO_LATE: 'CANCEL_TOO_LATE',
  /** Training: the check-in code is not a genuine live code (tampered, expired, another kind). */
  CHECK_IN_CODE_INVALID: 'CHECK_IN_CODE_INVALID',
  /** Training: check-in for that session is not open now (before its window or after it ended). */
  CHECK_IN_CLOSED: 'CHECK_IN_CLOSED',
  /** Training: the code belongs to another session than the one being checked in to. */
  CHECK_IN_WRONG_SESSION: 'CHECK_IN_WRONG_SESSION',
  /** Training: the person holds no seat in the course the session belongs to. */
  NOT_ENROLLED: 'NOT_ENROLLED',
  /** Training subsidy: the certificate is older than the claim window allows. */
  SUBSIDY_WINDOW_PASSED: 'SUBSIDY_WINDOW_PASSED',
  /** Training subsidy: only the highest promotion of a year is paid, and this one adds nothing. */
  SUBSIDY_NOT_HIGHER: 'SUBSIDY_NOT_HIGHER',
  /** Training subsidy: this year's quota of approved claims is used up. */
  SUBSIDY_QUOTA_FULL: 'SUBSIDY_QUOTA_FULL',
  /** The database (or another dependency) is down or busy; the request may have been partly worked on. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  /** This instance turned the request away before doing any of it (load shedding): always safe to send again. */
  SERVER_BUSY: 'SERVER_BUSY',
  /** A bug on our side; the message never says more. */
  INTERNAL: 'INTERNAL',
  /** Client-side only: the request never reached the server. */
  NETWORK: 'NETWORK',
  /** Client-side only: the server did not answer in time. */
  TIMEOUT: 'TIMEOUT',
} as const

export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode]

// The schema lives in its own module so that the app, which needs only the codes and messages,
// does not load zod for it on its first screen (config/index.ts marks contract/ free of side effects).
export { ApiErrorBody } from './error-body'

/** Fallback messages in plain Chinese, for when a more specific one is not available. */
export const defaultErrorMessage: Record<ErrorCode, string> = {
  VALIDATION_FAILED: '填写的内容有误，请检查后再提交',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '没有找到相关内容',
  CONFLICT: '内容已变化，请刷新后重试',
  IDEMPOTENCY_KEY_REUSED: '重复提交的内容不一致，请刷新后重试',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  PAYLOAD_TOO_LARGE: '提交的内容太大',
  UNSUPPORTED_FILE_TYPE: '只能上传 JPG、PNG 图片或 PDF 文件',
  WECHAT_CODE_INVALID: '登录凭证已失效，请重新登录',
  WECHAT_RATE_LIMITED: '登录太频繁，请稍后再试',
  WECHAT_UNAVAILABLE: '微信服务暂时无法连接，请稍后再试',
  DEV_LOGIN_DISABLED: '当前环境不支持演示登录',
  APPLICATION_EXISTS: '您已经提交过入会申请，请在“我的入会申请”查看进度',
  ALREADY_MEMBER: '该身份证号已是工会会员，无需重复申请',
  ID_NUMBER_PENDING: '该身份证号已有一份待审核的入会申请',
  ID_NUMBER_UNAVAILABLE: '该身份证号暂时无法用于申请入会。如果这是您本人的身份证号，请带上身份证到所在工会办理，或拨打 12351 咨询。',
  PHONE_IN_USE: '该手机号已绑定其他账号。请在微信中用“微信手机号快捷验证”，或换一个手机号',
  PHONE_NOT_VERIFIED: '请先通过微信验证手机号，或直接填写手机号',
  NOT_A_MEMBER: '您还不是工会会员，入会申请通过后即可使用电子会员卡',
  WRONG_STATUS: '当前状态下不能进行此操作，请刷新后查看',
  CLAIM_REFUSED: '暂时不能领取该优惠',
  CODE_EXPIRED: '二维码已过期，请让会员刷新后重新出示',
  CODE_INVALID: '无法识别的二维码，请让会员出示本店的优惠券码或电子会员卡',
  ALREADY_REDEEMED: '该券已使用，不能重复核销',
  INVITE_INVALID: '邀请码无效，请核对后重试',
  ALREADY_STAFF: '您已经是该组织的工作人员',
  COURSE_FULL: '名额已满，可以加入候补，有人退出时按顺序递补',
  ENROLLMENT_CLOSED: '这门课程现在不能报名',
  ALREADY_ENROLLED: '您已经报名了这门课程',
  SCHEDULE_CONFLICT: '上课时间与您已报名的课程冲突',
  CANCEL_TOO_LATE: '已过取消报名的截止时间，如有特殊情况请联系主办单位',
  CHECK_IN_CODE_INVALID: '签到码无效或已过期，请扫描工作人员手机上最新的签到码',
  CHECK_IN_CLOSED: '现在不在签到时间内',
  CHECK_IN_WRONG_SESSION: '这是另一次课的签到码',
  NOT_ENROLLED: '您没有报名这门课程',
  SUBSIDY_WINDOW_PASSED: '已超过申请期限：须在取得证书后 6 个月内申请',
  SUBSIDY_NOT_HIGHER: '同一年度多次晋升只补贴最高一级，本次没有可补的金额',
  SUBSIDY_QUOTA_FULL: '本年度补贴名额已用完',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后再试',
  SERVER_BUSY: '服务繁忙，请稍后再试',
  INTERNAL: '系统开小差了，请稍后再试',
  NETWORK: '网络不给力，请检查网络后重试',
  TIMEOUT: '请求超时，请稍后重试',
}
