import type { ClientBenchSection, ServerBenchSection } from '../section'
import { benefitsBench } from './benefits'
import { h5 } from './h5'
import { platformReads } from './platform-reads'
import { trainingBench } from './training'

// `BENCH_ONLY=benefits,h5 npm run bench` measures the sections whose names start so, while working on them.
const only = process.env.BENCH_ONLY?.toLowerCase().split(',')
const chosen = <T extends { name: string }>(sections: T[]): readonly T[] =>
  sections.filter((section) => !only || only.some((prefix) => section.name.toLowerCase().startsWith(prefix)))

/** What `npm run bench` measures, in order: each line adds its section here. */
export const serverSections = chosen<ServerBenchSection>([platformReads, trainingBench, benefitsBench])

export const clientSections = chosen<ClientBenchSection>([h5])
