import type { Config } from '../config'
import type { Queryable } from '../db/client'
import type { FieldCipher } from '../lib/crypto'
import { seedLegalAidDemo } from '../lines/legal-aid/legal-aid.seed'
import { seedMembershipDemo } from '../lines/membership/membership.demo'
import { seedDemoPersonas } from '../platform/auth/demo-personas'

export interface SeedContext {
  db: Queryable
  cipher: FieldCipher
  config: Config
}

/**
 * Demo data for newcomers and browser tests (SEED_DEMO=true, never in production): the
 * personas, then each service line's sample records. Safe to run at every start.
 */
export async function seedDemoData(context: SeedContext): Promise<void> {
  await seedDemoPersonas(context.db)
  await seedMembershipDemo(context.db, context.cipher)
  await seedLegalAidDemo(context)
}
