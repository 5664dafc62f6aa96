import { pages } from '@contract/pages'
import { defineServiceLine } from '../../core/service-line'
import { dropLegacyValues, sealLegacyText } from '../../core/upgrades'
import { membershipDirectory } from './membership.directory'
import { membershipApplications } from './membership.tables'
import { findActiveMembershipOfUser, findLiveApplicationOfUser } from './membership.repository'
import { membershipPersonalData } from './membership.personal-data'
import { membershipWorkerRoutes } from './membership.routes'
import { waitingCount } from './membership.review'
import { seedMembershipDemo } from './membership.seed'
import { membershipWorkbenchRoutes } from './membership.workbench.routes'

/** 会员入会 and the electronic member card: a worker applies, their union reviews, the card follows. */
export const membershipLine = defineServiceLine({
  key: 'membership',
  routes: [membershipWorkerRoutes, membershipWorkbenchRoutes],
  catalogue: [
    {
      key: 'membership',
      name: '入会',
      summary: '在线申请加入工会',
      glyph: '入',
      color: '#d4380d',
      entryPath: pages.membership.status.path,
      myPath: pages.membership.status.path,
      myLabel: '我的入会申请',
    },
  ],
  workbench: [
    {
      key: 'membership-review',
      label: '入会审核',
      description: '本工会及下级工会的入会申请',
      path: pages.membership.reviewQueue.path,
      roles: ['union_staff', 'city_admin'],
      counts: async (context) => ({ waiting: await waitingCount(context) }),
    },
  ],
  mine: {
    label: '我的入会申请',
    path: pages.membership.status.path,
    async status(context) {
      if (await findActiveMembershipOfUser(context.db, context.user.id)) return '已入会'
      const live = await findLiveApplicationOfUser(context.db, context.user.id)
      if (!live) return '未入会'
      return ({ submitted: '待审核', rejected: '未通过', approved: '已入会', withdrawn: '未入会' } as const)[live.application.status]
    },
  },
  personalData: membershipPersonalData,
  provides: { members: membershipDirectory },
  seedDemo: seedMembershipDemo,
  async upgrade({ db, cipher }) {
    const table = membershipApplications
    await sealLegacyText(db, cipher, { table, id: table.id, legacy: table.legacyPhone, sealed: table.phoneEnc })
    // The birth date is read from the encrypted ID number when shown: no copy in clear beside the masked one.
    await dropLegacyValues(db, table, table.legacyBirthDate)
  },
})
