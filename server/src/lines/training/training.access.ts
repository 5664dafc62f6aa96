import type { AccessRule } from '../../core/access'

/**
 * Courses belong to the union that runs them. The city's 劳动和经济工作部 (`training_staff`, held at
 * the city federation) manage every course; a grassroots or district union's staff (`union_staff`)
 * manage the courses of their own union and the unions under it — the same subtree reach as
 * membership review. A city administrator reads everything (oversight) and acts on nothing.
 */
export const courseAccess: AccessRule = {
  act: ['training_staff', 'union_staff'],
  oversee: ['city_admin'],
  reach: 'subtree',
  ownRecordMessage: '不能给自己记考勤，请由其他工作人员办理',
}

/**
 * Subsidy claims are decided by the city (the rule's money is the 市总工会's, within its yearly
 * quota): only training staff review them, for every union; a city administrator may look.
 */
export const subsidyAccess: AccessRule = {
  act: ['training_staff'],
  oversee: ['city_admin'],
  reach: 'city',
  ownRecordMessage: '不能审核自己的补贴申请，请由其他工作人员办理',
}

/** Who sees the dashboard: everyone who manages courses (each for their reach) and oversight. */
export const statsRoles = ['training_staff', 'union_staff', 'city_admin'] as const
