import type { InjectOptions, LightMyRequestResponse } from 'fastify'
import type { CourseInput } from '@contract/lines/training'
import type { TestMember } from '../../helpers/members'
import type { TestApp } from '../../helpers/test-app'

export const HOUR = 3600_000
export const DAY = 24 * HOUR

let keyCounter = 0
export const freshKey = () => `training-key-${Date.now().toString(36)}-${++keyCounter}`

/** A request with a member's own session token (members made in bulk have no dev login). */
export function asMember(t: TestApp, member: TestMember) {
  return (options: InjectOptions): Promise<LightMyRequestResponse> =>
    t.app.inject({ ...options, headers: { ...options.headers, authorization: `Bearer ${member.token}` } })
}

/** A course as staff write it, starting `startsInHours` from `now`, with `sessions` daily sessions of two hours. */
export function courseInput(
  now: Date,
  overrides: Partial<CourseInput> & { startsInHours?: number; sessionCount?: number } = {},
): CourseInput {
  const { startsInHours = 72, sessionCount = 2, ...rest } = overrides
  const first = now.getTime() + startsInHours * HOUR
  const sessions = Array.from({ length: sessionCount }, (_, index) => ({
    startsAt: new Date(first + index * DAY).toISOString(),
    endsAt: new Date(first + index * DAY + 2 * HOUR).toISOString(),
    topic: `第 ${index + 1} 讲`,
  }))
  return {
    title: '测试课程·钳工技能提升',
    category: 'skills',
    summary: '钳工基本操作、划线、锯削、锉削与钻孔，理论加实操。',
    organiser: '市总工会劳动和经济工作部',
    teacher: '测试老师',
    mode: 'offline',
    district: 'haizhou',
    address: '海州区朝阳东路 66 号',
    latitude: null,
    longitude: null,
    onlineUrl: null,
    capacity: 10,
    enrollDeadline: new Date(first - 2 * HOUR).toISOString(),
    audience: 'members',
    fee: 0,
    subsidy: 0,
    completionRule: '出勤率达到 80%',
    completionPercent: 80,
    certificate: true,
    cancelCutoffHours: 24,
    sessions,
    ...rest,
  }
}

/** Creates a course as `staff` (a persona's openid) and publishes it; returns its id and session ids. */
export async function publishedCourse(
  t: TestApp,
  input: CourseInput,
  staff = 'demo-training',
): Promise<{ id: string; sessionIds: string[] }> {
  const created = await t.as(staff)({
    method: 'POST',
    url: '/api/workbench/training/courses',
    payload: input,
    headers: { 'idempotency-key': freshKey() },
  })
  if (created.statusCode !== 201) throw new Error(`create failed: ${created.statusCode} ${created.body}`)
  const { id } = created.json() as { id: string }
  const published = await t.as(staff)({
    method: 'POST',
    url: `/api/workbench/training/courses/${id}/publish`,
    payload: {},
    headers: { 'idempotency-key': freshKey() },
  })
  if (published.statusCode !== 200) throw new Error(`publish failed: ${published.statusCode} ${published.body}`)
  const detail = published.json() as { sessions: Array<{ id: string }> }
  return { id, sessionIds: detail.sessions.map((session) => session.id) }
}

export function enroll(t: TestApp, member: TestMember, courseId: string, body: Record<string, unknown> = {}, key = freshKey()) {
  return asMember(
    t,
    member,
  )({
    method: 'POST',
    url: `/api/training/courses/${courseId}/enrollment`,
    payload: body,
    headers: { 'idempotency-key': key },
  })
}

export function cancel(t: TestApp, member: TestMember, courseId: string) {
  return asMember(
    t,
    member,
  )({
    method: 'POST',
    url: `/api/training/courses/${courseId}/enrollment/cancel`,
    payload: {},
    headers: { 'idempotency-key': freshKey() },
  })
}

export function confirm(t: TestApp, member: TestMember, courseId: string) {
  return asMember(
    t,
    member,
  )({
    method: 'POST',
    url: `/api/training/courses/${courseId}/enrollment/confirm`,
    payload: {},
    headers: { 'idempotency-key': freshKey() },
  })
}

export async function myStatus(t: TestApp, member: TestMember, courseId: string): Promise<string | null> {
  const detail = (await asMember(t, member)({ method: 'GET', url: `/api/training/courses/${courseId}` })).json() as {
    mine: { status: string } | null
  }
  return detail.mine?.status ?? null
}
