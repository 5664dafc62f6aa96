import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import { chinaDate } from '../../../contract/rules/working-days'
import { benefitsMerchants, benefitsOffers } from '../../../server/src/lines/benefits/benefits.tables'
import { makeMembers } from '../../../server/test/helpers/members'
import type { ServerBenchSection } from '../section'

interface Prepared {
  memberToken: string
  claimTokens: string[]
  offerId: string
}

const CENTRE = { lat: 34.62, lng: 119.22 }
const MERCHANTS = 10_000
const CLAIMS = 1000
const STOCK = 100

/**
 * Member benefits: nearest 20 merchants within 3 km among 10,000 (cube + earthdistance over the
 * GiST index), against the cached catalogue; and a flash offer of 100 coupons claimed by 1,000
 * members at once, which must give exactly 100.
 */
export const benefitsBench: ServerBenchSection = {
  name: 'benefits',
  async prepare(app: FastifyInstance): Promise<Prepared> {
    const hours = { days: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '24:00' }
    const contactPhoneEnc = app.cipher.encrypt('13900000000')
    // A spread of about 20 km around the city centre: 3 km holds a few hundred of them.
    // mulberry32: 32-bit integer arithmetic, so every merchant gets its own point (a float LCG
    // loses precision past 2^53 and repeats, stacking shops on the same spot).
    let seed = 7
    const random = () => {
      seed = (seed + 0x6d2b79f5) | 0
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296
    }
    const rows = Array.from({ length: MERCHANTS }, (_, index) => ({
      id: randomUUID(),
      status: 'active' as const,
      name: `压测商户${index + 1}`,
      category: 'food' as const,
      district: 'lyg-haizhou' as const,
      address: `压测路 ${index + 1} 号`,
      lat: CENTRE.lat + (random() - 0.5) * 0.36,
      lng: CENTRE.lng + (random() - 0.5) * 0.44,
      phone: '0518-85550000',
      hours,
      creditCode: '91320700MA1N2B3C4D',
      contactName: '压测',
      contactPhoneEnc,
    }))
    for (let start = 0; start < rows.length; start += 1000) await app.db.insert(benefitsMerchants).values(rows.slice(start, start + 1000))
    // What autovacuum does within a minute of a bulk load: without the table's statistics the
    // planner takes it for a few dozen rows and sorts all 10,000 instead of walking the GiST index.
    await app.db.execute(sql`analyze ${benefitsMerchants}`)
    const today = chinaDate(new Date())
    const [offer] = await app.db
      .insert(benefitsOffers)
      .values({
        merchantId: rows[0]!.id,
        title: '压测限量券',
        kind: 'voucher',
        terms: { kind: 'voucher', face: 10, goods: '面食' },
        startsOn: today,
        endsOn: today,
        stock: STOCK,
        validDays: 1,
      })
      .returning({ id: benefitsOffers.id })
    const members = await makeMembers({ database: { db: app.db } as never, config: app.config }, CLAIMS, {
      prefix: `bench-claim-${Date.now()}`,
    })
    return { memberToken: members[0]!.token, claimTokens: members.map((member) => member.token), offerId: offer!.id }
  },
  async run({ url, compare, prepared }) {
    const { memberToken, claimTokens, offerId } = prepared as Prepared
    const nearest = `/api/merchants?lat=${CENTRE.lat}&lng=${CENTRE.lng}&radius=3000&limit=20`
    const near = await compare(nearest, { token: memberToken })
    // A thousand claims at once; one shed (503) or whose connection the server's backlog reset is
    // sent again with the same Idempotency-Key until it is answered.
    let retried = 0
    const claim = async (token: string): Promise<number> => {
      const key = `bench-${randomUUID()}`
      for (;;) {
        try {
          const response = await fetch(`${url}/api/offers/${offerId}/claims`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': key },
            body: '{}',
          })
          await response.arrayBuffer()
          if (response.status !== 503) return response.status
        } catch {
          // ECONNRESET under a thousand simultaneous connections: try again.
        }
        retried += 1
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 200))
      }
    }
    const started = Date.now()
    const statuses = await Promise.all(claimTokens.map(claim))
    const took = Date.now() - started
    const count = (status: number) => statuses.filter((value) => value === status).length
    const others = statuses.length - count(201) - count(409)
    return [
      { label: 'GET /api/merchants nearest 20 in 3 km of 10,000', ...near, target: '≥ 0.25, p99 ≤ 50 ms' },
      {
        label: `${CLAIMS} concurrent claims of a ${STOCK}-coupon offer`,
        text: `${count(201)} claimed, ${count(409)} told 已领完${others ? `, ${others} other answers` : ''} in ${(took / 1000).toFixed(1)} s, ${retried} retries after 503 or reset (target: exactly ${STOCK})`,
      },
    ]
  },
}
