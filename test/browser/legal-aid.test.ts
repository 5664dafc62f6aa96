import type { Locator } from 'playwright-core'
import { pages } from '@contract/pages'
import { currentPage, phoneAs, snap, tap, useAppInBrowser, usePhoto } from './harness'

describe('legal aid in the browser: a worker asks, legal staff act, the worker follows', () => {
  // No scheduled jobs: the demo worker also holds a seat in a demo training course, and a job's
  // reminder for it (seen on some days) adds an unread message to the four this case sends.
  const app = useAppInBrowser({ RUN_JOBS: 'false' })
  const photo = usePhoto('工资条.png')

  /** Types into the input or textarea of a form field of this page. */
  const fill = (screen: Locator, field: string, text: string) =>
    screen.locator(`[data-field="${field}"]`).locator('input, textarea').first().fill(text)

  it('submit with a photo → accept, assign, message → timeline, message and unread count', async () => {
    const { context: workerContext, page: worker, errors: workerErrors } = await phoneAs(app, 'demo-worker')

    // The worker fills in the application and attaches a photo.
    await worker.goto(`${app.url}/#${pages.legalAid.apply.path}`)
    const apply = await currentPage(worker, pages.legalAid.apply.path)
    await tap(apply.locator('[data-choice="type"] [data-value="wage_arrears"]'))
    await fill(
      apply,
      'description',
      '我在开发区一家物流公司做分拣员，公司从九月起拖欠工资，说资金紧张，到现在三个月一分没发，人事也不接电话。',
    )
    await fill(apply, 'demand', '要回拖欠的三个月工资')
    await fill(apply, 'amountInvolved', '13500')
    await fill(apply, 'employerName', '开发区某物流有限公司')
    await fill(apply, 'employerAddress', '经济技术开发区黄河路 18 号')
    await fill(apply, 'monthlyIncome', '4500')
    await fill(apply, 'contactName', '王小明')
    await fill(apply, 'contactPhone', '13812345678')
    const chooser = worker.waitForEvent('filechooser')
    await tap(apply.locator('.lg-files__add-photo'))
    await (await chooser).setFiles(photo.path)
    await apply.locator('.lg-files__item[data-status="done"]').waitFor()
    await expect(apply.locator('.lg-files__name').textContent()).resolves.toBe('工资条.png')
    await tap(apply.locator('[data-consent="legal-aid"]'))
    await snap(worker, 'legal-aid-01-apply')
    await tap(apply.locator('[data-testid="apply-submit"]'))

    // The case page that replaces the form: what happens next, and the photo.
    const submitted = await currentPage(worker, pages.legalAid.case.path)
    const caseId = new URL(worker.url().replace('/#/', '/')).searchParams.get('id')!
    await expect(submitted.locator('[data-testid="next-step"]').textContent()).resolves.toMatch(/前决定是否受理/)
    await submitted.locator('.lg-attachments__item .lg-files__thumb').first().waitFor()
    await snap(worker, 'legal-aid-02-submitted')

    // Legal staff, in another browser, find it in the queue, accept, assign and write.
    const { context: staffContext, page: staff, errors: staffErrors } = await phoneAs(app, 'demo-legal')
    await staff.goto(`${app.url}/#${pages.legalAid.staffQueue.path}`)
    const queue = await currentPage(staff, pages.legalAid.staffQueue.path)
    await queue.locator(`[data-case="${caseId}"]`).waitFor()
    // The demo data's overdue case comes first, flagged.
    await expect(queue.locator('.la-queue__item').first().getAttribute('data-overdue')).resolves.toBe('true')
    await snap(staff, 'legal-aid-03-queue')
    await tap(queue.locator(`[data-case="${caseId}"]`))
    let staffCase = await currentPage(staff, pages.legalAid.staffCase.path)
    await tap(staffCase.locator('[data-testid="act-accept"]'))
    await tap(staffCase.locator('[data-lawyer="demo-lawyer-zhou"]'))
    await tap(staffCase.locator('[data-testid="act-assign"][aria-disabled="false"]'))
    await staffCase.locator('[data-testid="act-start"]').waitFor()
    staffCase = await currentPage(staff, pages.legalAid.staffCase.path)
    await staffCase.locator('.lg-thread__composer textarea').fill('王师傅您好，周律师今天会联系您，请准备好工资条和考勤记录。')
    await tap(staffCase.locator('.lg-thread__send'))
    await staffCase.locator('.lg-thread__text', { hasText: '周律师今天会联系您' }).waitFor()
    await snap(staff, 'legal-aid-04-staff-case')

    // The worker sees the unread count on 我的, then the timeline, the handler and the message.
    await worker.goto(`${app.url}/#${pages.mine.path}`)
    const mine = await currentPage(worker, pages.mine.path)
    const badge = mine.locator('[data-testid="mine-messages"] .lg-badge')
    await badge.waitFor()
    // Submitted, accepted, assigned and the message: four unread.
    await expect(badge.textContent()).resolves.toBe('4')
    await snap(worker, 'legal-aid-05-mine-unread')
    // The case opened again: a second instance of the same page, the first still in the DOM.
    await worker.goto(`${app.url}/#${pages.legalAid.case.url({ id: caseId })}`)
    const casePage = await currentPage(worker, pages.legalAid.case.path)
    await casePage.locator('.lg-thread__text', { hasText: '周律师今天会联系您' }).waitFor()
    await expect(casePage.locator('.lg-timeline__title').allTextContents()).resolves.toEqual(['待受理', '已受理', '已指派律师'])
    await expect(casePage.locator('.lg-timeline__item--current .lg-timeline__title').textContent()).resolves.toBe('已指派律师')
    await casePage.locator('.la-case__handler-name', { hasText: '周立新' }).waitFor()
    await snap(worker, 'legal-aid-06-worker-case')

    expect(workerErrors).toEqual([])
    expect(staffErrors).toEqual([])
    await workerContext.close()
    await staffContext.close()
  })
})
