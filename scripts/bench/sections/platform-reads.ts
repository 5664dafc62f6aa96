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
  async run({ measure, prepared }) {
    const { workerToken } = prepared as Prepared
    return [
      { label: 'GET /api/health', figures: await measure('/api/health') },
      { label: 'GET /api/services', figures: await measure('/api/services') },
      {
        label: 'GET /api/me',
        figures: await measure('/api/me', { token: workerToken }),
        ratioTo: 'GET /api/services',
        target: '≥ 0.30, p99 ≤ 50 ms',
      },
      {
        label: 'GET /api/legal-aid/cases',
        figures: await measure('/api/legal-aid/cases', { token: workerToken }),
        ratioTo: 'GET /api/services',
        target: '≥ 0.25, p99 ≤ 50 ms',
      },
    ]
  },
}
