import type { PersonalDataFixture } from '../../helpers/personal-data'
import { submitCase, uploadPng } from './helpers'

/** What legal aid holds of a person (a case with a photo, a message with another), for the deletion test. */
export const legalAidRecords: PersonalDataFixture = {
  line: 'legal_aid',
  async createRecords(t, openid, person) {
    const story = `${person.name}的案情：老板拖欠工资三个月，一直不给，现在电话也打不通了。`
    const caseId = await submitCase(t, openid, {
      contactName: person.name,
      contactPhone: person.phone,
      attachmentIds: [await uploadPng(t, openid)],
      description: story,
    })
    const note = `${person.name}补充说明`
    const sent = await t.as(openid)({
      method: 'POST',
      url: `/api/legal-aid/cases/${caseId}/messages`,
      payload: { body: note, attachmentIds: [await uploadPng(t, openid, 'note.png')] },
    })
    if (sent.statusCode !== 201) throw new Error(`message failed: ${sent.statusCode} ${sent.body}`)
    const detail = (await t.as(openid)({ method: 'GET', url: `/api/legal-aid/cases/${caseId}` })).json()
    return { typed: [story, note, person.phone], fileUrls: [detail.attachments[0].url, detail.messages[0].attachments[0].url] }
  },
}
