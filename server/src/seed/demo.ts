import type { SystemContext } from '../core/context'
import type { ServiceLineDefinition } from '../core/service-line'
import { demoPersonaSeeds, seedDemoPersonas } from '../platform/auth/demo-personas'

/**
 * Demo data for newcomers and browser tests (SEED_DEMO=true, never in production): the personas
 * (the platform's and every line's), then each line's sample records, dated relative to today.
 * Safe to run at every start.
 */
export async function seedDemoData(context: SystemContext, lines: readonly ServiceLineDefinition[]): Promise<void> {
  await seedDemoPersonas(context.db, demoPersonaSeeds(lines))
  for (const line of lines) await line.seedDemo?.(context)
}
