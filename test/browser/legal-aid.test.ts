import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { arrive, loginAsPersona, phoneContext, snap, tap, useAppInBrowser, watchErrors } from './harness'

/** A real 1×1 PNG, as a phone's photo would be uploaded. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64')

describe('legal aid in the browser: a worker asks, legal staff act, the worker follows', () => {
  const app = useAppInBrowser()
  let photo: string

  beforeAll(() => {
    photo = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lgh-photo-')), '工资条.png')
    fs.writeFileSync(photo, PNG)
  })
  afterAll(() => {
    fs.rmSync(path.dirname(photo), { recursive: true, force: true })
  })

  const fill = async (page: Page, field: string, text: string) => {
    const box = page.locator(`.apply:visible [data-field="${field}"]`).locator('input, textarea').first()
    await box.fill(text)
  }

  it('submit with a photo → accept, assign, message → timeline, message and unread count', async () => {
    const workerContext = await phoneContext(app.browser)
    const worker = await workerContext.newPage()
    const workerErrors = watchErrors(worker)
    await loginAsPersona(worker, app.url, 'demo-worker')

    // The worker fills in the application and attaches a photo.
    await worker.goto(`${app.url}/#/legal-aid/pages/apply/index`)
    // Only once the page has stopped sliding in: typing into it mid-transition loses the element.
    await arrive(worker, worker.locator('.apply:visible [data-field="description"]'))
    await tap(worker.locator('.apply:visible [data-type="wage_arrears"]'))
    await fill(
      worker,
      'description',
      '我在开发区一家物流公司做分拣员，公司从九月起拖欠工资，说资金紧张，到现在三个月一分没发，人事也不接电话。',
    )
    await fill(worker, 'demand', '要回拖欠的三个月工资')
    await fill(worker, 'amountInvolved', '13500')
    await fill(worker, 'employerName', '开发区某物流有限公司')
    await fill(worker, 'employerAddress', '经济技术开发区黄河路 18 号')
    await fill(worker, 'monthlyIncome', '4500')
    await fill(worker, 'contactName', '王小明')
    await fill(worker, 'contactPhone', '13812345678')
    const chooser = worker.waitForEvent('filechooser')
    await worker.locator('.apply .evidence-add-photo').click()
    await (await chooser).setFiles(photo)
    await worker.locator('.apply .evidence-item[data-status="done"]').waitFor()
    await expect(worker.locator('.apply .evidence-name').textContent()).resolves.toBe('工资条.png')
    await worker.locator('.apply .apply-consent-row').click()
    await snap(worker, 'legal-aid-01-apply')
    await worker.locator('.apply .apply-submit').click()

    await worker.waitForURL(/legal-aid\/pages\/case\/index\?id=/)
    const caseId = new URL(worker.url().replace('/#/', '/')).searchParams.get('id')!
    await worker.locator('.case-page [data-testid="next-step"]').waitFor()
    await expect(worker.locator('.case-page [data-testid="next-step"]').textContent()).resolves.toMatch(/前决定是否受理/)
    await worker.locator('.case-page .attachment-thumb').first().waitFor()
    await snap(worker, 'legal-aid-02-submitted')

    // Legal staff, in another browser, find it in the queue, accept, assign and write.
    const staffContext = await phoneContext(app.browser)
    const staff = await staffContext.newPage()
    const staffErrors = watchErrors(staff)
    await loginAsPersona(staff, app.url, 'demo-legal')
    await staff.goto(`${app.url}/#/workbench/pages/legal-aid-queue/index`)
    await staff.locator(`.la-queue [data-case="${caseId}"]`).waitFor()
    // The demo data's overdue case comes first, flagged.
    await expect(staff.locator('.la-queue .la-case').first().getAttribute('data-overdue')).resolves.toBe('true')
    await snap(staff, 'legal-aid-03-queue')
    await tap(staff.locator(`.la-queue [data-case="${caseId}"]`))
    await tap(staff.locator('.la-case-page .la-accept'))
    await tap(staff.locator('.la-case-page [data-lawyer="demo-lawyer-zhou"]'))
    await tap(staff.locator('.la-case-page .la-assign'))
    await staff.locator('.la-case-page .la-start').waitFor()
    await staff.locator('.la-case-page .composer-input textarea').fill('王师傅您好，周律师今天会联系您，请准备好工资条和考勤记录。')
    await tap(staff.locator('.la-case-page .composer-send'))
    await staff.locator('.la-case-page .bubble-text', { hasText: '周律师今天会联系您' }).waitFor()
    await snap(staff, 'legal-aid-04-staff-case')

    // The worker sees the unread count on 我的, then the timeline, the handler and the message.
    await worker.goto(`${app.url}/#/pages/mine/index`)
    const badge = worker.locator('.mine [data-testid="mine-messages"] .badge')
    await badge.waitFor()
    // Submitted, accepted, assigned and the message: four unread.
    await expect(badge.textContent()).resolves.toBe('4')
    await snap(worker, 'legal-aid-05-mine-unread')
    await worker.goto(`${app.url}/#/legal-aid/pages/case/index?id=${caseId}`)
    const casePage = worker.locator('.case-page:visible')
    await arrive(worker, casePage.locator('.bubble-text', { hasText: '周律师今天会联系您' }))
    const titles = await casePage.locator('.timeline-title').allTextContents()
    expect(titles).toEqual(['待受理', '已受理', '已指派律师'])
    await casePage.locator('.case-handler-name', { hasText: '周立新' }).waitFor()
    await snap(worker, 'legal-aid-06-worker-case')

    expect(workerErrors).toEqual([])
    expect(staffErrors).toEqual([])
    await workerContext.close()
    await staffContext.close()
  })
})
