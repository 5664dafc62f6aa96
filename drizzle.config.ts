import { defineConfig } from 'drizzle-kit'

// One migration set for both PGlite and PostgreSQL: `npm run db:generate` after changing a *.tables.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/src/db/schema.ts',
  out: './server/migrations',
})
