import path from 'node:path'
import { ESLint } from 'eslint'

/**
 * Service lines never import each other, and the platform never imports a line (only the
 * registry lists them): the lint rule that holds this, tried on code that breaks it.
 */
const root = path.resolve(__dirname, '..', '..')

async function restrictedImportErrors(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root })
  const [result] = await eslint.lintText(code, { filePath: path.join(root, filePath) })
  return (result?.messages ?? []).filter((message) => message.ruleId === 'no-restricted-imports').map((message) => message.message)
}

describe('lint: the boundaries between service lines', () => {
  jest.setTimeout(60_000)

  it('a server line importing another line fails', async () => {
    const errors = await restrictedImportErrors(
      'server/src/lines/membership/cross-line.ts',
      "import { legalAidAccess } from '../legal-aid/legal-aid.access'\nexport const rule = legalAidAccess\n",
    )
    expect(errors).toEqual([expect.stringContaining('never imports another line')])
  })

  it("a server line importing another line's contract fails; its own is fine", async () => {
    const errors = await restrictedImportErrors(
      'server/src/lines/legal-aid/cross-contract.ts',
      "import { membershipWorkflow } from '@contract/lines/membership'\nimport { legalAidWorkflow } from '@contract/lines/legal-aid'\nexport const flows = [membershipWorkflow, legalAidWorkflow]\n",
    )
    expect(errors).toHaveLength(1)
  })

  it('the platform and the kit importing a line fail', async () => {
    for (const file of ['server/src/platform/account/uses-line.ts', 'server/src/core/uses-line.ts']) {
      const errors = await restrictedImportErrors(
        file,
        "import { membershipLine } from '../../lines/membership'\nexport const line = membershipLine\n",
      )
      expect(errors).toEqual([expect.stringContaining('never import a service line')])
    }
  })

  it('a line contract importing another line contract fails', async () => {
    const errors = await restrictedImportErrors(
      'contract/lines/legal-aid.ts',
      "import { membershipWorkflow } from './membership'\nexport const flow = membershipWorkflow\n",
    )
    expect(errors).toEqual([expect.stringContaining('never import each other')])
  })

  it('a mini-program subpackage importing another subpackage fails', async () => {
    const errors = await restrictedImportErrors(
      'src/membership/pages/status/cross.tsx',
      "import { legalAidApi } from '@/legal-aid/api'\nexport const api = legalAidApi\n",
    )
    expect(errors).toEqual([expect.stringContaining('never imports another subpackage')])
  })

  it('the kit importing a subpackage or a line contract fails', async () => {
    const errors = await restrictedImportErrors(
      'src/components/cross/index.tsx',
      "import { caseTypeLabel } from '@contract/lines/legal-aid'\nimport { x } from '@/membership/api'\nexport const both = [caseTypeLabel, x]\n",
    )
    expect(errors).toHaveLength(2)
  })
})
