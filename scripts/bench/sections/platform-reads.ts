import { findUserByOpenid } from '../../../server/src/platform/auth/auth.repository'
import { issueSession } from '../../../server/src/platform/auth/auth.service'
import type { ServerBenchSection } from '../section'

interface Prepared {
  workerToken: string
}

/**
 * The reads every screen makes, against the cached catalogue as the yardstick: health, the
 * catalogue, who am I, and a worker's own legal-aid cases (the demo worker has several).
 */
export const platformReads: ServerBenchSection = {
  name: 'platform-reads',
  async prepare(app): Promise<Prepared> {
    const worker = await findUserByOpenid(app.db, 'demo-worker')
    if (!worker) throw new Error('the demo worker is missing')
    return { workerToken: issueSession(app.config, worker.id).token }
  },
  async run({ measure, compare, prepared }) {
    const { workerToken } = prepared as Prepared
    return [
      { label: 'GET /api/health', figures: await measure('/api/health') },
      { label: 'GET /api/services', figures: await measure('/api/services') },
      { label: 'GET /api/me', ...(await compare('/api/me', { token: workerToken })), target: '≥ 0.30, p99 ≤ 50 ms' },
      {
        label: 'GET /api/legal-aid/cases',
        ...(await compare('/api/legal-aid/cases', { token: workerToken })),
        target: '≥ 0.25, p99 ≤ 50 ms',
      },
    ]
  },
}
