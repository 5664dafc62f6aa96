import { defineServiceLine, type ServiceLineDefinition } from '../../src/core/service-line'

/**
 * A service line that exists only for a test: it holds no personal data and lists nothing in the
 * catalogue, and brings whatever the test gives it (routes, jobs, a member directory…).
 */
export function testLine(key: string, parts: Partial<Omit<ServiceLineDefinition, 'key'>> = {}): ServiceLineDefinition {
  return defineServiceLine({
    key,
    routes: [],
    catalogue: [],
    personalData: { describe: async () => null, erase: async () => ({ outcome: null, storageKeys: [] }) },
    ...parts,
  })
}
