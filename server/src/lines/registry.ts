import type { ServiceLineDefinition } from '../core/service-line'
import { benefitsLine } from './benefits'
import { hardshipLine } from './hardship'
import { legalAidLine } from './legal-aid'
import { membershipLine } from './membership'
import { trainingLine } from './training'

/**
 * The service lines of 连·工惠, each defined in its own folder. This list is the only place that
 * names them: the app registers their routes, the seed their demo data, the catalogue their tiles,
 * the workbench their entries, the account their personal data, the scheduler their jobs.
 */
export const serviceLines: readonly ServiceLineDefinition[] = [membershipLine, legalAidLine, hardshipLine, trainingLine, benefitsLine]
