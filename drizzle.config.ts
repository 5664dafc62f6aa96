import { defineConfig } from 'drizzle-kit'

// One migration set for both PGlite and PostgreSQL: `npm run db:generate` after changing a *.tables.ts.
// Every table lives beside the code that owns it (platform, kit or line): drizzle-kit finds them all.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/src/**/*.tables.ts',
  out: './server/migrations',
})
