import { aidTypeShort, type AidType } from '@contract/lines/hardship'
import type { SystemContext } from '../../core/context'
import { notifyApplicant } from '../../core/notify'
import { APPLICATION_SUBJECT, applicationLink, applicationNumber, type ApplicationRow } from './hardship.views'

/** What the applicant is told at each step, in plain words: the in-app message and the WeChat status update. */
export type NoticeKey = 'submitted' | 'documents_requested' | 'recommended' | 'rejected' | 'city_review' | 'approved' | 'payment' | 'paid'

const phrases: Record<NoticeKey, { title: string; phrase: string; hint: string }> = {
  submitted: { title: '困难帮扶申请已提交', phrase: '已提交', hint: '所在工会将入户核实' },
  documents_requested: { title: '困难帮扶申请需要补充材料', phrase: '待补充', hint: '请在申请页上传所缺材料' },
  recommended: { title: '困难帮扶申请已通过初审，正在公示', phrase: '公示中', hint: '公示期满后报市帮扶中心' },
  rejected: { title: '困难帮扶申请未通过', phrase: '未通过', hint: '可查看原因，修改后重新提交' },
  city_review: { title: '困难帮扶申请已报市困难职工帮扶中心', phrase: '审核中', hint: '市帮扶中心正在审核' },
  approved: { title: '困难帮扶申请已批准', phrase: '已批准', hint: '帮扶资金将发放到您的账户' },
  payment: { title: '困难帮扶资金已发放', phrase: '已发放', hint: '请查看发放记录' },
  paid: { title: '困难帮扶资金已全部发放', phrase: '已发放', hint: '请查看发放记录' },
}

const typesText = (types: readonly AidType[]) => types.map((type) => aidTypeShort[type]).join('、')

export async function tellApplicant(context: SystemContext, row: ApplicationRow, key: NoticeKey, body: string): Promise<void> {
  const words = phrases[key]
  await notifyApplicant(context, {
    userId: row.applicantId,
    title: words.title,
    body: `${applicationNumber(row)}（${typesText(row.aidTypes)}）：${body}`,
    link: applicationLink(row.id),
    wechat: {
      topic: 'status',
      subject: { type: APPLICATION_SUBJECT, id: row.id },
      thing: `困难帮扶·${typesText(row.aidTypes)}`,
      phrase: words.phrase,
      hint: words.hint,
      event: `hardship.${key}`,
    },
  })
}
