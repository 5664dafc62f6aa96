import type { Locator } from 'playwright-core'
import { EXCLUSIONS } from '@contract/lines/hardship'
import { pages } from '@contract/pages'
import { idNumberCheckCharacter } from '@contract/rules/id-number'
import { confirmModal, currentPage, phoneAs, snap, tap, useAppInBrowser, usePhoto } from './harness'
/** The demo member 李秀英's ID number (membership demo data). */
const ID_NUMBER = `32070619850214006${idNumberCheckCharacter('32070619850214006')}`

describe('hardship in the browser: a worker applies with proof, the grassroots union visits, the centre approves and pays', () => {
  // No 公示 days, so the notice can be closed in the same run.
  const app = useAppInBrowser({ HARDSHIP_PUBLICITY_DAYS: '0' })
  const photo = usePhoto('证明.png')

  const fill = (screen: Locator, field: string, text: string) =>
    screen.locator(`[data-field="${field}"]`).locator('input, textarea').first().fill(text)
  const choose = (screen: Locator, choice: string, value: string) =>
    tap(screen.locator(`[data-choice="${choice}"] [data-value="${value}"]`))
  const next = (screen: Locator) => tap(screen.locator('[data-testid="apply-next"]'))

  it('apply in five steps with proof → visit and recommend → 公示 ends → approve 3,000 元 → payment → the worker sees it', async () => {
    // ── The worker applies, step by step ──
    const { context: workerContext, page: worker, errors: workerErrors } = await phoneAs(app, 'demo-member')
    await tap(worker.locator('.lg-tabbar__item:visible', { hasText: '首页' }))
    const home = await currentPage(worker, pages.home.path)
    await tap(home.locator('[data-service="hardship"]'))
    const intro = await currentPage(worker, pages.hardship.home.path)
    await snap(worker, 'hardship-01-home')
    await tap(intro.locator('[data-testid="hardship-apply"]'))
    const apply = await currentPage(worker, pages.hardship.apply.path)

    await fill(apply, 'members.0.name', '李秀英')
    await fill(apply, 'members.0.idNumber', ID_NUMBER)
    await choose(apply, 'members.0.health', 'chronic')
    await choose(apply, 'members.0.workStatus', 'employed')
    await fill(apply, 'members.0.monthlyIncome', '1500')
    await tap(apply.locator('[data-testid="add-member"]'))
    await fill(apply, 'members.1.name', '王磊')
    await choose(apply, 'members.1.relation', 'child')
    await fill(apply, 'members.1.idNumber', `32070620100906003${idNumberCheckCharacter('32070620100906003')}`)
    await choose(apply, 'members.1.health', 'good')
    await choose(apply, 'members.1.workStatus', 'student')
    await fill(apply, 'members.1.monthlyIncome', '0')
    // Two people on 1,500 元: 750 元 each, below the city's 低保, so the form suggests 深度困难 as it is typed.
    await expect(apply.locator('[data-testid="per-capita"]').textContent()).resolves.toMatch(/750.*深度困难/)
    await snap(worker, 'hardship-02-household')
    await next(apply)

    await fill(apply, 'unitName', '连云港市第一人民医院')
    await fill(apply, 'contactPhone', '13905181234')
    await choose(apply, 'migrantWorker', 'false')
    await choose(apply, 'housing.type', 'rented')
    await fill(apply, 'housing.area', '42')
    await choose(apply, 'hukouType', 'non_agricultural')
    await choose(apply, 'mainCause', 'illness')
    await fill(apply, 'causeNote', '本人患慢性病长期服药，独自抚养上初中的孩子，工资扣除房租后难以维持生活。')
    for (const key of EXCLUSIONS) await choose(apply, `exclusions.${key}`, 'false')
    await next(apply)

    await tap(apply.locator('[data-choice="types"] [data-value="living"]'))
    await fill(apply, 'items.living.reason', '收入低、药费和房租开支大，申请生活救助渡过难关。')
    await next(apply)

    // Every required proof slot gets a photo, each shown as uploaded.
    const required = apply.locator('[data-field^="proofs."]:not(:has(.lg-field__optional))')
    const slots = await required.count()
    expect(slots).toBeGreaterThanOrEqual(5)
    for (let index = 0; index < slots; index += 1) {
      const slot = required.nth(index)
      const chooser = worker.waitForEvent('filechooser')
      await tap(slot.locator('.lg-files__add-photo'))
      await (await chooser).setFiles(photo.path)
      await slot.locator('.lg-files__item[data-status="done"]').waitFor()
    }
    await snap(worker, 'hardship-03-proofs')
    await next(apply)

    await fill(apply, 'bank.bankName', '中国工商银行连云港分行')
    await fill(apply, 'bank.accountName', '李秀英')
    await fill(apply, 'bank.accountNumber', '6222021100012345678')
    await fill(apply, 'pledgeSignature', '李秀英')
    await tap(apply.locator('[data-consent="pledge"]'))
    await tap(apply.locator('[data-consent="finance"]'))
    await tap(apply.locator('[data-consent="sensitive"]'))
    await tap(apply.locator('[data-testid="apply-submit"]'))

    let application = await currentPage(worker, pages.hardship.application.path)
    const applicationId = new URL(worker.url().replace('/#/', '/')).searchParams.get('id')!
    await application.locator('.lg-status[data-status="first_review"]').first().waitFor()
    await snap(worker, 'hardship-04-submitted')

    // ── The grassroots union: the home visit, the recommendation, then the end of the 公示 ──
    const { context: staffContext, page: staff, errors: staffErrors } = await phoneAs(app, 'demo-staff-grassroots')
    await staff.goto(`${app.url}/#${pages.workbench.home.path}`)
    const workbench = await currentPage(staff, pages.workbench.home.path)
    await tap(workbench.locator('[data-entry="hardship"]'))
    const queue = await currentPage(staff, pages.hardship.staffQueue.path)
    await tap(queue.locator(`[data-application="${applicationId}"]`))
    let staffCase = await currentPage(staff, pages.hardship.staffCase.path)
    // Recommending without the visit names the missing fields, field by field.
    await tap(staffCase.locator('[data-testid="act-recommend"]'))
    await staffCase.locator('[data-field="visit.visitors"].lg-field--invalid').waitFor()
    await fill(staffCase, 'visit.visitors', '陈红、王军')
    await fill(staffCase, 'visit.findings', '入户核实：本人患慢性病，独自抚养孩子，租房居住，与申报一致。')
    await snap(staff, 'hardship-05-visit')
    await tap(staffCase.locator('[data-testid="act-recommend"]'))
    staffCase = await currentPage(staff, pages.hardship.staffCase.path)
    await staffCase.locator('.lg-status[data-status="publicity"]').first().waitFor()
    await tap(staffCase.locator('[data-testid="act-end-publicity"]'))
    staffCase = await currentPage(staff, pages.hardship.staffCase.path)
    await staffCase.locator('.lg-status[data-status="city_review"]').first().waitFor()

    // ── The city centre approves an amount within the cap, then records the payment ──
    const { context: centreContext, page: centre, errors: centreErrors } = await phoneAs(app, 'demo-hardship-centre')
    await centre.goto(`${app.url}/#${pages.hardship.staffCase.url({ id: applicationId })}`)
    let centreCase = await currentPage(centre, pages.hardship.staffCase.path)
    await expect(centreCase.locator('[data-field="items.0.amount"]').textContent()).resolves.toMatch(/上限/)
    await fill(centreCase, 'items.0.amount', '3000')
    await snap(centre, 'hardship-06-decision')
    await tap(centreCase.locator('[data-testid="act-approve"]'))
    await confirmModal(centre)
    centreCase = await currentPage(centre, pages.hardship.staffCase.path)
    await centreCase.locator('.lg-status[data-status="approved"]').first().waitFor()
    await choose(centreCase, 'payType', 'living')
    await fill(centreCase, 'amount', '3000')
    await tap(centreCase.locator('[data-testid="act-payment"]'))
    await confirmModal(centre)
    centreCase = await currentPage(centre, pages.hardship.staffCase.path)
    await centreCase.locator('.lg-status[data-status="paid"]').first().waitFor()
    await snap(centre, 'hardship-07-paid')

    // ── The worker sees the payment on the application ──
    await worker.reload()
    application = await currentPage(worker, pages.hardship.application.path)
    await expect(application.locator('[data-testid="payments"]').textContent()).resolves.toMatch(/3,000/)
    await snap(worker, 'hardship-08-payment')

    expect(workerErrors).toEqual([])
    expect(staffErrors).toEqual([])
    expect(centreErrors).toEqual([])
    await workerContext.close()
    await staffContext.close()
    await centreContext.close()
  })
})
