import type { ClientBenchSection, ServerBenchSection } from '../section'
import { platformReads } from './platform-reads'
import { trainingBench } from './training'

/** What `npm run bench` measures, in order: each line adds its section here. */
export const serverSections: readonly ServerBenchSection[] = [platformReads, trainingBench]

export const clientSections: readonly ClientBenchSection[] = []
