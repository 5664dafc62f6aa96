import type { AccessRule } from '../../core/access'

/**
 * Who does what in 困难帮扶 (core/access.ts rules):
 *
 * - Grassroots work — the first review with its home visit, the 公示's objections, the yearly
 *   review — is the applicant's union's, or its parent's: the platform's `union_staff` role, which
 *   already reaches a union's subtree. It is the same part-time chair who approves member
 *   applications, so no second role is needed for them; the 帮扶中心 and the city admin read these
 *   records everywhere (the centre decides on them next; the admin oversees).
 * - The city review, payments and campaigns are the 市困难职工帮扶中心's (`hardship_centre`, at the
 *   city federation), for the whole city. The city admin oversees: reads, audited, never acts —
 *   money decisions stay with the centre, and a second role means a second person.
 */
export const grassrootsAccess: AccessRule = {
  act: ['union_staff'],
  oversee: ['hardship_centre', 'city_admin'],
  reach: 'subtree',
  ownRecordMessage: '不能审核自己家庭的帮扶申请，请由其他工作人员办理',
}

export const centreAccess: AccessRule = {
  act: ['hardship_centre'],
  oversee: ['city_admin'],
  reach: 'city',
  ownRecordMessage: '不能审批自己家庭的帮扶申请，请由帮扶中心其他工作人员办理',
}

export const CENTRE_ROLE = 'hardship_centre'
