import { pages } from '@contract/pages'
import { confirmModal, currentPage, phoneAs, snap, tap, useAppInBrowser } from './harness'

/** Demo courses have fixed ids: the running one (1) and one with seats the demo member can take (4). */
const courseId = (n: number) => `00000000-0000-4000-8000-0000000b${String(n).padStart(4, '0')}`

describe('training in the browser: a worker enrolls, staff show a session code, the worker checks in, staff see the roster', () => {
  const app = useAppInBrowser()

  it('enroll from the catalogue → the check-in code on staff’s phone → the worker checks in → attendance and roster', async () => {
    // ── The worker finds a course from the home grid and enrolls ──
    const { context: workerContext, page: worker, errors: workerErrors } = await phoneAs(app, 'demo-member')
    await tap(worker.locator('.lg-tabbar__item:visible', { hasText: '首页' }))
    const home = await currentPage(worker, pages.home.path)
    await tap(home.locator('[data-service="training"]'))
    const catalogue = await currentPage(worker, pages.training.home.path)
    await catalogue.locator('.tr-course-card').first().waitFor()
    await snap(worker, 'training-01-catalogue')
    await tap(catalogue.locator(`[data-course="${courseId(4)}"]`))
    let course = await currentPage(worker, pages.training.course.path)
    await snap(worker, 'training-02-course')
    await tap(course.locator('[data-testid="enroll"]'))
    await confirmModal(worker)
    course = await currentPage(worker, pages.training.course.path)
    await expect(course.locator('[data-testid="my-enrollment"]').textContent()).resolves.toContain('已报名')
    await snap(worker, 'training-03-enrolled')

    // ── Staff open today's session of the running course and show its check-in code ──
    const { context: staffContext, page: staff, errors: staffErrors } = await phoneAs(app, 'demo-training')
    await staff.goto(`${app.url}/#${pages.training.staffCourse.url({ id: courseId(1) })}`)
    const staffCourse = await currentPage(staff, pages.training.staffCourse.path)
    await tap(staffCourse.locator('[data-session]', { hasText: '签到进行中' }))
    const session = await currentPage(staff, pages.training.staffSession.path)
    const sessionId = new URL(staff.url().replace('/#/', '/')).searchParams.get('id')!
    await session.locator('.lg-rqr__image').waitFor()
    await tap(session.locator('[data-testid="qr-show-code"]'))
    const code = (await session.locator('[data-testid="qr-code-text"]').textContent())!.trim()
    expect(code.length).toBeGreaterThan(20)
    await snap(staff, 'training-04-check-in-code')

    // ── The worker (who holds a seat in that course) checks in with the code ──
    await worker.goto(`${app.url}/#${pages.training.course.url({ id: courseId(1) })}`)
    course = await currentPage(worker, pages.training.course.path)
    await tap(course.locator(`[data-session="${sessionId}"] .lg-button`, { hasText: '扫码签到' }))
    const checkIn = await currentPage(worker, pages.training.checkIn.path)
    await checkIn.locator('[data-field="check-in-code"] textarea').fill(code)
    await tap(checkIn.locator('[data-testid="scan-submit"]'))
    await expect(checkIn.locator('[data-testid="check-in-done"]').textContent()).resolves.toMatch(/签到成功/)
    await snap(worker, 'training-05-checked-in')

    // ── Staff see the arrival on the session list and the roster ──
    await staff.reload()
    const reloaded = await currentPage(staff, pages.training.staffSession.path)
    await expect(reloaded.locator('[data-trainee="李秀英"]').textContent()).resolves.toMatch(/已签到|迟到/)
    await snap(staff, 'training-06-attendance')
    await staff.goto(`${app.url}/#${pages.training.staffCourse.url({ id: courseId(1) })}`)
    const roster = await currentPage(staff, pages.training.staffCourse.path)
    await roster.locator('[data-trainee="李秀英"]').waitFor()
    await roster.locator('[data-testid="export-roster"]').waitFor()
    await snap(staff, 'training-07-roster')

    expect(workerErrors).toEqual([])
    expect(staffErrors).toEqual([])
    await workerContext.close()
    await staffContext.close()
  })
})
