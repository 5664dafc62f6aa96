import { claimStatusLabel, subsidyKindLabel, type SubsidyKind } from '@contract/lines/training'
import { pages } from '@contract/pages'
import type { SystemContext } from '../../core/context'
import { notifyApplicant } from '../../core/notify'

/**
 * What trainees and claimants are told, in one place: the in-app message (title, body) and the
 * WeChat status update (a ≤ 5-character phrase and a ≤ 20-character hint), keyed by what happened.
 */
export interface Notice {
  title: string
  body: string
  phrase: string
  hint: string
}

export const ENROLLMENT_SUBJECT = 'training_enrollment'
export const CLAIM_SUBJECT = 'training_subsidy_claim'

/** 11月23日 09:00, China time. */
export function chinaTime(instant: Date): string {
  const china = new Date(instant.getTime() + 8 * 3600_000)
  const hh = String(china.getUTCHours()).padStart(2, '0')
  const mm = String(china.getUTCMinutes()).padStart(2, '0')
  return `${china.getUTCMonth() + 1}月${china.getUTCDate()}日 ${hh}:${mm}`
}

interface CourseFacts {
  title: string
  /** When it starts and where, in words. */
  when?: string
  where?: string
}

export const enrollmentNotices = {
  enrolled: ({ title, when, where }: CourseFacts): Notice => ({
    title: '报名成功',
    body: `您已报名《${title}》。${when ? `首次上课：${when}` : ''}${where ? `，地点：${where}` : ''}。开课前一天会提醒您。`,
    phrase: '报名成功',
    hint: when ? `${when}开课` : '请按时参加',
  }),
  waitlisted: ({ title }: CourseFacts, position: number): Notice => ({
    title: '已加入候补',
    body: `《${title}》名额已满，您是候补第 ${position} 位。有人退出时按顺序递补，递补到您时会通知您确认。`,
    phrase: '候补中',
    hint: `候补第${position}位，递补时通知您`,
  }),
  offered: ({ title }: CourseFacts, expiresAt: Date): Notice => ({
    title: '候补到位，请确认参加',
    body: `《${title}》有名额空出，已为您保留。请在 ${chinaTime(expiresAt)} 前打开课程确认参加，逾期名额将顺延给下一位。`,
    phrase: '候补到位',
    hint: `请在${chinaTime(expiresAt)}前确认`,
  }),
  confirmed: ({ title, when }: CourseFacts): Notice => ({
    title: '已确认参加',
    body: `您已确认参加《${title}》。${when ? `首次上课：${when}。` : ''}`,
    phrase: '报名成功',
    hint: '请按时参加',
  }),
  lapsed: ({ title }: CourseFacts): Notice => ({
    title: '候补名额已顺延',
    body: `《${title}》为您保留的名额在确认时限内没有确认，已顺延给下一位。如仍想参加，可以再次报名或候补。`,
    phrase: '已过期',
    hint: '可再次报名或候补',
  }),
  cancelled: ({ title }: CourseFacts): Notice => ({
    title: '已取消报名',
    body: `您已取消《${title}》的报名。`,
    phrase: '已取消',
    hint: '如需参加可重新报名',
  }),
  courseCancelled: ({ title }: CourseFacts, reason: string): Notice => ({
    title: '课程已取消',
    body: `很抱歉，《${title}》已取消。原因：${reason}`,
    phrase: '课程取消',
    hint: '可以看看其他课程',
  }),
  courseClosed: ({ title }: CourseFacts, waitlisted: boolean): Notice => ({
    title: '课程已停止报名',
    body: waitlisted
      ? `《${title}》已停止报名。您仍在候补名单中，有人退出时会按顺序通知您。`
      : `《${title}》已停止报名，您的名额不受影响，请按时参加。`,
    phrase: '停止报名',
    hint: waitlisted ? '仍在候补名单中' : '名额不受影响',
  }),
  rescheduled: ({ title, when }: CourseFacts): Notice => ({
    title: '上课时间有调整',
    body: `《${title}》的上课安排有调整${when ? `，首次上课：${when}` : ''}。请打开课程查看最新时间。`,
    phrase: '时间调整',
    hint: '请查看最新上课时间',
  }),
  reminder: ({ title, when, where }: CourseFacts): Notice => ({
    title: '明天上课提醒',
    body: `《${title}》将于 ${when ?? ''} 上课${where ? `，地点：${where}` : ''}。到场后请扫工作人员出示的签到码签到。`,
    phrase: '上课提醒',
    hint: `${when ?? ''}上课`,
  }),
  completed: ({ title }: CourseFacts, certificate: boolean): Notice => ({
    title: '恭喜结业',
    body: certificate ? `您已完成《${title}》，结业证书已发放，可在“我的证书”查看。` : `您已完成《${title}》。`,
    phrase: '已结业',
    hint: certificate ? '结业证书已发放' : '感谢参加',
  }),
  notCompleted: ({ title }: CourseFacts, percent: number, needed: number): Notice => ({
    title: '未达到结业要求',
    body: `《${title}》已结束，您的出勤率为 ${percent}%，结业需要 ${needed}%。如有考勤疑问请联系主办单位。`,
    phrase: '未结业',
    hint: `出勤率${percent}%`,
  }),
  staffMessage: ({ title }: CourseFacts, body: string): Notice => ({
    title: `课程通知：${title}`,
    body,
    phrase: '课程通知',
    hint: '主办单位发来通知',
  }),
}

/** Tells a trainee: in-app always, and on WeChat when they allowed a message for this enrollment. */
export async function tellTrainee(
  context: SystemContext,
  enrollment: { id: string; userId: string; courseId: string },
  courseTitle: string,
  notice: Notice,
  event: string,
  options: { wechat?: boolean } = {},
): Promise<void> {
  await notifyApplicant(context, {
    userId: enrollment.userId,
    title: notice.title,
    body: notice.body,
    link: pages.training.course.url({ id: enrollment.courseId }),
    wechat:
      options.wechat === false
        ? undefined
        : {
            topic: 'status',
            subject: { type: ENROLLMENT_SUBJECT, id: enrollment.id },
            thing: `培训·${courseTitle}`,
            phrase: notice.phrase,
            hint: notice.hint,
            event,
          },
  })
}

export const claimNotices = {
  submit: (claimNo: string, kind: SubsidyKind): Notice => ({
    title: '补贴申请已提交',
    body: `${claimNo}（${subsidyKindLabel[kind]}）已提交，市总工会劳动和经济工作部审核后会通知您。`,
    phrase: '已提交',
    hint: '审核后通知您',
  }),
  approve: (claimNo: string, amount: number, unitName: string): Notice => ({
    title: '补贴申请已批准',
    body: `${claimNo}已批准，核定补贴 ${amount.toFixed(2)} 元，将拨付到${unitName}。`,
    phrase: '已批准',
    hint: `核定${amount}元，拨付到单位工会`,
  }),
  reject: (claimNo: string, reason: string): Notice => ({
    title: '补贴申请未通过',
    body: `${claimNo}未通过。原因：${reason}`,
    phrase: claimStatusLabel.rejected,
    hint: '点击查看原因',
  }),
  pay: (claimNo: string, unitName: string): Notice => ({
    title: '补贴已拨付',
    body: `${claimNo}的补贴已拨付到${unitName}，请与单位工会联系领取。`,
    phrase: '已拨付',
    hint: '请联系单位工会',
  }),
}

export async function tellClaimant(
  context: SystemContext,
  claim: { id: string; applicantId: string },
  notice: Notice,
  event: string,
): Promise<void> {
  await notifyApplicant(context, {
    userId: claim.applicantId,
    title: notice.title,
    body: notice.body,
    link: pages.training.claim.url({ id: claim.id }),
    wechat: {
      topic: 'status',
      subject: { type: CLAIM_SUBJECT, id: claim.id },
      thing: '培训补贴申请',
      phrase: notice.phrase,
      hint: notice.hint,
      event,
    },
  })
}
