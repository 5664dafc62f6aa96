import * as z from 'zod/mini'
import { responseSerializerCompiler } from '../../src/lib/response-serializer'

const Course = z.object({
  id: z.string(),
  district: z.nullable(z.enum(['haizhou', 'ganyu'])),
  startsAt: z.nullable(z.string()),
  seatsLeft: z.number(),
  note: z.optional(z.string()),
  sessions: z.array(z.object({ at: z.string(), attendance: z.nullable(z.enum(['present', 'absent'])) })),
  owner: z.nullable(z.object({ name: z.string() })),
})
const List = z.object({ items: z.array(Course), nextCursor: z.nullable(z.string()) })

const compile = (schema: z.ZodMiniType, verify: boolean) =>
  responseSerializerCompiler({ verify })({ schema, method: 'GET', url: '/courses', httpStatus: '200' } as never)

const course = {
  id: 'c1',
  district: null,
  startsAt: '2026-12-01T01:00:00.000Z',
  seatsLeft: 3,
  sessions: [{ at: '2026-12-01T01:00:00.000Z', attendance: null }],
  owner: { name: '市总工会', phone: '13800000000' },
  // A column the schema does not name (say, a cipher) is never written.
  idNumberCipher: 'secret',
}

describe('responseSerializerCompiler', () => {
  it('writes what zod writes: nulls, optional fields left out, nested objects and arrays, unnamed fields dropped', () => {
    for (const verify of [false, true]) {
      const written = JSON.parse(
        compile(
          List,
          verify,
        )({ items: [course, { ...course, id: 'c2', district: 'ganyu', note: '带身份证', owner: null }], nextCursor: null }),
      )
      expect(written).toEqual({
        items: [
          {
            id: 'c1',
            district: null,
            startsAt: '2026-12-01T01:00:00.000Z',
            seatsLeft: 3,
            sessions: [{ at: '2026-12-01T01:00:00.000Z', attendance: null }],
            owner: { name: '市总工会' },
          },
          {
            id: 'c2',
            district: 'ganyu',
            startsAt: '2026-12-01T01:00:00.000Z',
            seatsLeft: 3,
            note: '带身份证',
            sessions: [{ at: '2026-12-01T01:00:00.000Z', attendance: null }],
            owner: null,
          },
        ],
        nextCursor: null,
      })
      expect(JSON.stringify(written)).not.toContain('secret')
      expect(JSON.stringify(written)).not.toContain('13800000000')
    }
  })

  it('still refuses, outside production, a response that does not match its schema', () => {
    expect(() => compile(List, true)({ items: [{ ...course, seatsLeft: 'three' }], nextCursor: null })).toThrow()
    expect(() => compile(List, true)({ items: [{ ...course, district: 'nowhere' }], nextCursor: null })).toThrow()
  })

  it('uses the compiled writer in production, which checks no types (zod does that in every test)', () => {
    // Had the schema fallen back to zod, this would throw.
    expect(JSON.parse(compile(List, false)({ items: [{ ...course, seatsLeft: '3' }], nextCursor: null })).items[0].seatsLeft).toBe(3)
  })

  it('says where the fast writer and zod differ, outside production', () => {
    // zod rewrites this field as it encodes; the fast writer cannot know that.
    const Code = z.object({ code: z.string().check(z.overwrite((value) => value.toUpperCase())) })
    expect(() => compile(Code, true)({ code: 'ab12' })).toThrow(/GET \/courses: \$\.code: "ab12" ≠ "AB12"/)
  })
})
