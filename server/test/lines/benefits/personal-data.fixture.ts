import { multipartFile, PNG_BYTES } from '../../helpers/files'
import type { PersonalDataFixture } from '../../helpers/personal-data'
import { idem } from './helpers'

/** What the benefits line holds of a person who applied as a merchant (contact, licence photo), for the deletion test. */
export const benefitsRecords: PersonalDataFixture = {
  line: 'benefits',
  async createRecords(t, openid, person) {
    const file = multipartFile('licence.png', PNG_BYTES, 'image/png')
    const upload = await t.as(openid)({ method: 'POST', url: '/api/uploads', payload: file.payload, headers: file.headers })
    if (upload.statusCode !== 201) throw new Error(`upload failed: ${upload.statusCode} ${upload.body}`)
    const made = await t.as(openid)({
      method: 'POST',
      url: '/api/merchant-applications',
      headers: idem(),
      payload: {
        name: '东海水晶小店',
        category: 'shopping',
        district: 'lyg-donghai',
        address: '连云港市东海县牛山街道晶都大道 8 号',
        lat: 34.5422,
        lng: 118.7523,
        phone: '0518-87012345',
        hours: { days: [1, 2, 3, 4, 5, 6, 7], opens: '09:00', closes: '20:00' },
        creditCode: '91320723MA1P2Q3R47',
        licenceIds: [upload.json().id],
        contactName: person.name,
        contactPhone: person.phone,
        proposedOffers: '会员购物 95 折',
        consent: true,
      },
    })
    if (made.statusCode !== 201) throw new Error(`application failed: ${made.statusCode} ${made.body}`)
    const detail = await t.as('demo-benefits')({ method: 'GET', url: `/api/workbench/merchants/${made.json().id}` })
    return { typed: [person.name, person.phone], fileUrls: [detail.json().licences[0].url] }
  },
}
