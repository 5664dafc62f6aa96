import fs from 'node:fs'
import path from 'node:path'
import type { TestApp } from './test-app'

/**
 * Each line's test folder says how to give a person records in that line
 * (`server/test/lines/<line>/personal-data.fixture.ts`), so the deletion test can cover every line
 * in the registry — and fails for a line that has none.
 */
export interface PersonalDataFixture {
  /** The line's key in the registry. */
  line: string
  /** Makes records for `openid`; returns what was typed (must vanish) and the file links (must stop working). */
  createRecords(
    t: TestApp,
    openid: string,
    person: { name: string; phone: string; idNumber17: string },
  ): Promise<{ typed: string[]; fileUrls: string[] }>
}

export async function loadPersonalDataFixtures(): Promise<PersonalDataFixture[]> {
  const linesDir = path.join(__dirname, '..', 'lines')
  const fixtures: PersonalDataFixture[] = []
  for (const line of fs.readdirSync(linesDir)) {
    const file = path.join(linesDir, line, 'personal-data.fixture.ts')
    if (!fs.existsSync(file)) continue
    const module = (await import(file)) as Record<string, unknown>
    const found = Object.values(module).filter(
      (value): value is PersonalDataFixture => typeof value === 'object' && value !== null && 'createRecords' in value && 'line' in value,
    )
    // One module may be seen twice (as itself and as its default): each line once.
    for (const fixture of found) if (!fixtures.some((known) => known.line === fixture.line)) fixtures.push(fixture)
  }
  return fixtures
}
