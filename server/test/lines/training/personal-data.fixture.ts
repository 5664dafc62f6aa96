import type { PersonalDataFixture } from '../../helpers/personal-data'
import { multipartFile, PNG_BYTES } from '../../helpers/files'
import { courseInput, freshKey, publishedCourse } from './helpers'

/** What training holds of a person (an enrollment under their name, a subsidy claim with a proof file), for the deletion test. */
export const trainingRecords: PersonalDataFixture = {
  line: 'training',
  async createRecords(t, openid, person) {
    const course = await publishedCourse(
      t,
      courseInput(new Date(), { title: '测试课程·个人数据', audience: 'all_workers', startsInHours: 24 * 90 }),
    )
    const employer = `${person.name}所在的测试单位`
    const enrolled = await t.as(openid)({
      method: 'POST',
      url: `/api/training/courses/${course.id}/enrollment`,
      payload: { name: person.name, employer },
      headers: { 'idempotency-key': freshKey() },
    })
    if (enrolled.statusCode !== 201) throw new Error(`enroll failed: ${enrolled.statusCode} ${enrolled.body}`)
    const { payload, headers } = multipartFile('certificate.png', PNG_BYTES, 'image/png')
    const uploaded = await t.as(openid)({ method: 'POST', url: '/api/uploads', payload, headers })
    if (uploaded.statusCode !== 201) throw new Error(`upload failed: ${uploaded.statusCode} ${uploaded.body}`)
    const certificateNo = `PD${Date.now().toString().slice(-8)}`
    const claimed = await t.as(openid)({
      method: 'POST',
      url: '/api/training/subsidy-claims',
      headers: { 'idempotency-key': freshKey() },
      payload: {
        kind: 'diploma',
        certificateName: '机电一体化技术 大专毕业证书',
        certificateNo,
        certificateDate: new Date(Date.now() + 8 * 3600_000 - 5 * 24 * 3600_000).toISOString().slice(0, 10),
        employer,
        frontLine: true,
        manufacturing: true,
        socialInsuranceMonths: 24,
        attachmentIds: [(uploaded.json() as { id: string }).id],
        declaration: true,
      },
    })
    // Only a member may claim; the deletion test's person may not be one.
    if (claimed.statusCode === 201) {
      const detail = (
        await t.as(openid)({ method: 'GET', url: `/api/training/subsidy-claims/${(claimed.json() as { id: string }).id}` })
      ).json()
      return { typed: [person.name, employer, certificateNo], fileUrls: [detail.attachments[0].url] }
    }
    return { typed: [person.name, employer], fileUrls: [] }
  },
}
