import { pages } from '@contract/pages'
import { currentPage, loginAsPersona, phoneContext, snap, tap, useAppInBrowser, watchErrors } from './harness'

describe('the volunteer lawyer roster in the browser', () => {
  const app = useAppInBrowser()

  it('legal staff add a lawyer from the workbench (fixing a bad phone at the field), and the lawyer is offered on a case', async () => {
    const context = await phoneContext(app.browser)
    const page = await context.newPage()
    const errors = watchErrors(page)
    await loginAsPersona(page, app.url, 'demo-legal')

    await tap((await currentPage(page, pages.mine.path)).locator('[data-testid="mine-workbench"]'))
    const workbench = await currentPage(page, pages.workbench.home.path)
    await tap(workbench.locator(`[data-entry]`).filter({ hasText: '志愿律师名单' }))
    const roster = await currentPage(page, pages.legalAid.lawyers.path)
    await roster.locator('.la-lawyers__item').first().waitFor()

    await tap(roster.locator('[data-testid="lawyer-add"]'))
    await roster.locator('[data-field="name"] input').fill('孙立')
    await roster.locator('[data-field="firm"] input').fill('江苏港城律师事务所')
    await roster.locator('[data-field="phone"] input').fill('8581')
    await tap(roster.locator('[data-choice="specialties"] [data-value="work_injury"]'))
    await tap(roster.locator('[data-testid="lawyer-save"]'))
    await expect(roster.locator('[data-field="phone"] .lg-field__error').textContent()).resolves.toContain('带区号的座机号')
    await snap(page, 'lawyers-01-field-error')

    await roster.locator('[data-field="phone"] input').fill('0518-85812345')
    await tap(roster.locator('[data-testid="lawyer-save"]'))
    await roster.locator('.la-lawyers__item', { hasText: '孙立' }).waitFor()
    await roster.locator('.la-lawyers__form').waitFor({ state: 'detached' })
    await snap(page, 'lawyers-02-added')

    // The new lawyer is offered once a waiting case is accepted.
    await page.goBack()
    await tap((await currentPage(page, pages.workbench.home.path)).locator('[data-entry]').filter({ hasText: '法律援助案件' }))
    const queue = await currentPage(page, pages.legalAid.staffQueue.path)
    await tap(queue.locator('[data-tab="submitted"]'))
    await tap(queue.locator('.la-queue__item[data-case]').first())
    const casePage = await currentPage(page, pages.legalAid.staffCase.path)
    await tap(casePage.locator('[data-testid="act-accept"]'))
    const assign = casePage.locator('.lg-action[data-action="assign"]')
    await assign.locator('[data-lawyer]').first().waitFor()
    await expect(assign.textContent()).resolves.toContain('孙立 · 江苏港城律师事务所')
    await snap(page, 'lawyers-03-offered')

    expect(errors).toEqual([])
    await context.close()
  })

  it('legal staff hand a case to another lawyer with a reason, and the worker sees the new lawyer', async () => {
    // Demo case 2 (工伤) is with 孙慧.
    const caseId = '00000000-0000-4000-8000-00000000a002'
    const staffContext = await phoneContext(app.browser)
    const staff = await staffContext.newPage()
    const staffErrors = watchErrors(staff)
    await loginAsPersona(staff, app.url, 'demo-legal')
    await staff.goto(`${app.url}/#${pages.legalAid.staffCase.url({ id: caseId })}`)
    const casePage = await currentPage(staff, pages.legalAid.staffCase.path)
    await tap(casePage.locator('.la-staff-case__reassign-open'))
    const form = casePage.locator('.lg-action[data-action="reassign"]')
    await form.locator('[data-lawyer]').first().waitFor()
    // The lawyer already on the case is not offered again.
    await expect(form.locator('[data-lawyer="demo-lawyer-sun"]').count()).resolves.toBe(0)
    await tap(form.locator('[data-lawyer="demo-lawyer-zhou"]'))
    await tap(form.locator('[data-testid="act-reassign"][aria-disabled="false"]'))
    await expect(form.locator('[data-field="reason"] .lg-field__error').textContent()).resolves.toBe('请填写更换原因')
    await form.locator('textarea').fill('孙律师近期住院')
    await tap(form.locator('[data-testid="act-reassign"]'))
    await casePage.locator('.lg-timeline__note', { hasText: '改由周立新律师' }).waitFor()
    await snap(staff, 'lawyers-04-reassigned')

    const workerContext = await phoneContext(app.browser)
    const worker = await workerContext.newPage()
    await loginAsPersona(worker, app.url, 'demo-worker')
    await worker.goto(`${app.url}/#${pages.legalAid.case.url({ id: caseId })}`)
    const workerCase = await currentPage(worker, pages.legalAid.case.path)
    await workerCase.locator('.la-case__handler-name', { hasText: '周立新' }).waitFor()
    await workerCase.locator('.lg-timeline__note', { hasText: '孙律师近期住院' }).waitFor()
    await snap(worker, 'lawyers-05-worker-sees-new-lawyer')

    expect(staffErrors).toEqual([])
    await staffContext.close()
    await workerContext.close()
  })
})
