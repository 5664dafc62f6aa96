import type { AccessRule } from '../../core/access'

/**
 * Legal staff (法律工作部) handle every case in the city; a city admin may look (oversight, each
 * look audited) but not act. Nobody else sees a case that is not their own.
 */
export const legalAidAccess: AccessRule = { act: ['legal_staff'], oversee: ['city_admin'], reach: 'city' }
