import type { ClientBenchSection, ServerBenchSection } from '../section'
import { benefitsBench } from './benefits'
import { h5 } from './h5'
import { platformReads } from './platform-reads'
import { trainingBench } from './training'

/** What `npm run bench` measures, in order: each line adds its section here. */
export const serverSections: readonly ServerBenchSection[] = [platformReads, trainingBench, benefitsBench]

export const clientSections: readonly ClientBenchSection[] = [h5]
