import { makeMembers, type TestMember } from '../../helpers/members'
import { createTestApp, type TestApp } from '../../helpers/test-app'
import { asMember, courseInput, enroll, publishedCourse } from './helpers'

jest.setTimeout(120_000)

interface Listed {
  id: string
  seatsLeft: number
  myStatus: string | null
}

/**
 * With CATALOGUE_CACHE_SECONDS set (as in a deployment), a catalogue page is shared by everyone for
 * that long, but what is the caller's own — their enrollment — is always read fresh, and the
 * course page and enrolling never read the kept copy.
 */
describe('the catalogue kept for a few seconds', () => {
  let t: TestApp
  let members: TestMember[]
  beforeAll(async () => {
    t = await createTestApp({ env: { CATALOGUE_CACHE_SECONDS: '60' } })
    members = await makeMembers(t, 2, { prefix: 'catalogue-cache' })
  }, 120_000)
  afterAll(() => t.close())

  const list = async (member: TestMember): Promise<Listed[]> => {
    const response = await asMember(t, member)({ method: 'GET', url: '/api/training/courses?q=缓存测试' })
    expect(response.statusCode).toBe(200)
    return response.json().items as Listed[]
  }

  it('my own enrollment shows at once on the kept page; the seats left there catch up later; the course page is exact', async () => {
    const course = await publishedCourse(t, courseInput(new Date(), { title: '缓存测试·叉车安全操作', capacity: 5 }))
    const [first, second] = members as [TestMember, TestMember]
    expect(await list(first)).toMatchObject([{ id: course.id, seatsLeft: 5, myStatus: null }])

    expect((await enroll(t, first, course.id)).statusCode).toBe(201)
    // The page is the kept one (seats left as before), the caller's status is not.
    expect(await list(first)).toMatchObject([{ id: course.id, seatsLeft: 5, myStatus: 'enrolled' }])
    expect(await list(second)).toMatchObject([{ id: course.id, seatsLeft: 5, myStatus: null }])
    const detail = await asMember(t, second)({ method: 'GET', url: `/api/training/courses/${course.id}` })
    expect(detail.json()).toMatchObject({ seatsLeft: 4, mine: null })
  })

  it('a different query is a different page', async () => {
    const response = await asMember(t, members[0]!)({ method: 'GET', url: '/api/training/courses?q=缓存测试&seats=available' })
    expect((response.json().items as Listed[])[0]).toMatchObject({ seatsLeft: 4 })
  })
})
