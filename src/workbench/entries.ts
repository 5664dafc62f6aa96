import type { StaffRole } from '@contract/auth'
import { getLegalAidSummary } from '@/services/api/legal-aid'
import { getWaitingCount } from '@/services/api/membership'

/**
 * The staff workbench's entries, one per kind of work. Each service line that has staff work
 * adds its entry here: who sees it, where it leads, and how many items are waiting.
 */
export interface WorkbenchEntry {
  key: string
  label: string
  description: string
  /** Page in the workbench subpackage, e.g. `/workbench/pages/membership-queue/index`. */
  path: string
  roles: StaffRole[]
  /** Items waiting for this user, shown as a badge; omitted when there is no queue. */
  waitingCount?: () => Promise<number>
  /** Of those, how many are past their deadline (the badge turns urgent). */
  overdueCount?: () => Promise<number>
}

export const workbenchEntries: WorkbenchEntry[] = [
  {
    key: 'membership-review',
    label: '入会审核',
    description: '本工会及下级工会的入会申请',
    path: '/workbench/pages/membership-queue/index',
    roles: ['union_staff', 'city_admin'],
    waitingCount: () => getWaitingCount().then((result) => result.waiting),
  },
  {
    key: 'card-verify',
    label: '核验会员码',
    description: '扫描会员出示的电子会员卡',
    path: '/workbench/pages/card-verify/index',
    roles: ['union_staff', 'city_admin'],
  },
  {
    key: 'staff-invites',
    label: '邀请工作人员',
    description: '为工会组织生成一次性邀请码',
    path: '/workbench/pages/invites/index',
    roles: ['city_admin'],
  },
  {
    key: 'legal_aid',
    label: '法律援助案件',
    description: '受理、指派律师、跟进和结案',
    path: '/workbench/pages/legal-aid-queue/index',
    // The city admin sees the queue for oversight; only legal staff act on cases.
    roles: ['legal_staff', 'city_admin'],
    waitingCount: () => getLegalAidSummary().then((summary) => summary.undecided + summary.unassigned),
    overdueCount: () => getLegalAidSummary().then((summary) => summary.overdue),
  },
  {
    key: 'legal_aid_lawyers',
    label: '志愿律师名单',
    description: '添加、修改或停用可指派的律师',
    path: '/workbench/pages/legal-aid-lawyers/index',
    roles: ['legal_staff'],
  },
]
