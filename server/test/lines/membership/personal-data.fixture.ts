import type { PersonalDataFixture } from '../../helpers/personal-data'
import { applicationBody, idempotency, validIdNumber } from './membership-fixtures'

/** What membership holds of a person, for the deletion test that walks every line. */
export const membershipRecords: PersonalDataFixture = {
  line: 'membership',
  async createRecords(t, openid, person) {
    const applied = await t.as(openid)({
      method: 'POST',
      url: '/api/membership/applications',
      headers: idempotency(),
      payload: applicationBody({ name: person.name, idNumber: validIdNumber(person.idNumber17), gender: 'male', phone: person.phone }),
    })
    if (applied.statusCode !== 201) throw new Error(`apply failed: ${applied.statusCode} ${applied.body}`)
    return { typed: [person.name, person.phone], fileUrls: [] }
  },
}
