import { arrive, loginAsPersona, phoneContext, settled, snap, tap, useAppInBrowser, watchErrors } from './harness'

describe('the volunteer lawyer roster in the browser', () => {
  const app = useAppInBrowser()

  it('legal staff add a lawyer from the workbench (fixing a bad phone at the field), and the lawyer is offered on a case', async () => {
    const context = await phoneContext(app.browser)
    const page = await context.newPage()
    const errors = watchErrors(page)
    await loginAsPersona(page, app.url, 'demo-legal')

    await tap(page.locator('[data-testid="mine-workbench"]'))
    await tap(page.locator('.workbench [data-entry="legal_aid_lawyers"]'))
    const roster = page.locator('.roster-page:visible')
    await arrive(page, roster.locator('.roster-item').first())

    await tap(roster.locator('.roster-add'))
    await roster.locator('[data-field="name"] input').fill('孙立')
    await roster.locator('[data-field="firm"] input').fill('江苏港城律师事务所')
    await roster.locator('[data-field="phone"] input').fill('8581')
    await tap(roster.locator('[data-specialty="work_injury"]'))
    await tap(roster.locator('.roster-save'))
    await expect(roster.locator('[data-field="phone"] .form-field-error').textContent()).resolves.toContain('带区号的座机号')
    await snap(page, 'lawyers-01-field-error')

    await roster.locator('[data-field="phone"] input').fill('0518-85812345')
    await tap(roster.locator('.roster-save'))
    await roster.getByText('孙立').waitFor()
    await expect(roster.locator('.roster-form').count()).resolves.toBe(0)
    await snap(page, 'lawyers-02-added')

    // The new lawyer is offered once a waiting case is accepted.
    await page.goBack()
    await tap(page.locator('.workbench [data-entry="legal_aid"]'))
    const queue = page.locator('.la-queue:visible')
    await tap(queue.locator('[data-filter-status="submitted"]'))
    await tap(queue.locator('[data-case]').first())
    const casePage = page.locator('.la-case-page:visible')
    await tap(casePage.locator('.la-accept'))
    await arrive(page, casePage.locator('[data-action="assign"] [data-lawyer]').first())
    await expect(casePage.locator('[data-action="assign"]').textContent()).resolves.toContain('孙立 · 江苏港城律师事务所')
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
    await staff.goto(`${app.url}/#/workbench/pages/legal-aid-case/index?id=${caseId}`)
    const casePage = staff.locator('.la-case-page:visible')
    await arrive(staff, casePage.locator('.la-reassign-open'))
    await tap(casePage.locator('.la-reassign-open'))
    const form = casePage.locator('[data-action="reassign"]')
    await form.locator('[data-lawyer]').first().waitFor()
    // The lawyer already on the case is not offered again.
    await expect(form.locator('[data-lawyer="demo-lawyer-sun"]').count()).resolves.toBe(0)
    await tap(form.locator('[data-lawyer="demo-lawyer-zhou"]'))
    await tap(form.locator('.la-reassign'))
    await expect(form.locator('.field-error').textContent()).resolves.toBe('请填写更换原因')
    await form.locator('textarea').fill('孙律师近期住院')
    await tap(form.locator('.la-reassign'))
    await casePage.locator('.timeline-note', { hasText: '改由周立新律师' }).waitFor()
    await snap(staff, 'lawyers-04-reassigned')

    const workerContext = await phoneContext(app.browser)
    const worker = await workerContext.newPage()
    await loginAsPersona(worker, app.url, 'demo-worker')
    await worker.goto(`${app.url}/#/legal-aid/pages/case/index?id=${caseId}`)
    // Waited for in the document as a whole: while the page slides in and loads, Taro may still be
    // swapping its elements, and a locator pinned to one of them can miss the final render.
    const shows = (selector: string, text: string) =>
      worker.waitForFunction(
        ([where, what]) => Array.from(document.querySelectorAll(where)).some((element) => element.textContent?.includes(what)),
        [selector, text] as const,
      )
    await shows('.case-page .case-handler-name', '周立新')
    await shows('.case-page .timeline-note', '孙律师近期住院')
    await settled(worker)
    await snap(worker, 'lawyers-05-worker-sees-new-lawyer')

    expect(staffErrors).toEqual([])
    await staffContext.close()
    await workerContext.close()
  })
})
