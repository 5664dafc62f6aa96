/**
 * Every table, gathered for Drizzle. Each table is defined beside the code that owns it
 * (`modules/<feature>/<feature>.tables.ts`, `core/core.tables.ts`); drizzle-kit reads the same files.
 */
export * from '../modules/auth/auth.tables'
export * from '../modules/orgs/orgs.tables'
export * from '../modules/catalogue/catalogue.tables'
export * from '../modules/inbox/inbox.tables'
export * from '../modules/uploads/uploads.tables'
export * from '../modules/legal-aid/legal-aid.tables'
export * from '../core/core.tables'
export * from '../modules/membership/membership.tables'
export * from '../modules/staff-invites/staff-invites.tables'
