import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { typeIntoField } from '@fixtures/taro-dom'
import type { CourseDetail, EnrollmentResult } from '@contract/lines/training'
import { clearSession } from '@/services/session-store'
import { cancelEnrollment, enrollInCourse, getCourse } from '../../api'
import CoursePage from './index'
import { signIn } from '@fixtures/session'

jest.mock('../../api', () => ({
  getCourse: jest.fn(),
  enrollInCourse: jest.fn(),
  cancelEnrollment: jest.fn(),
  confirmOffer: jest.fn(),
}))
const mockedCourse = getCourse as jest.MockedFunction<typeof getCourse>
const mockedEnroll = enrollInCourse as jest.MockedFunction<typeof enrollInCourse>
const mockedCancel = cancelEnrollment as jest.MockedFunction<typeof cancelEnrollment>

const course = (overrides: Partial<CourseDetail> = {}): CourseDetail => ({
  id: 'c-1',
  title: '电工（中级）技能提升班',
  category: 'skills',
  mode: 'offline',
  district: 'haizhou',
  organiser: '市总工会劳动和经济工作部',
  teacher: '王师傅',
  place: '海州区朝阳东路 66 号',
  firstSessionAt: '2026-12-20T01:00:00Z',
  lastSessionEndsAt: '2026-12-27T09:00:00Z',
  sessionCount: 2,
  capacity: 40,
  seatsLeft: 0,
  waitlistCount: 3,
  enrollDeadline: '2026-12-18T16:00:00Z',
  audience: 'members',
  fee: 800,
  subsidy: 800,
  selfPay: 0,
  certificate: true,
  status: 'published',
  phase: 'full',
  summary: '紧缺工种培训，结业考核合格发证。',
  address: '海州区朝阳东路 66 号',
  latitude: 34.6,
  longitude: 119.18,
  onlineUrl: null,
  completionRule: '出勤率达到 80%',
  completionPercent: 80,
  cancelCutoffHours: 24,
  orgName: '连云港市总工会',
  sessions: [
    {
      id: 's-1',
      startsAt: '2026-12-20T01:00:00Z',
      endsAt: '2026-12-20T09:00:00Z',
      topic: '安全用电',
      attendance: null,
      checkedInAt: null,
      checkInOpen: false,
    },
  ],
  mine: null,
  isMember: true,
  actions: ['waitlist'],
  enrollBlocked: null,
  ...overrides,
})

describe('课程详情 (a course, as the worker sees it)', () => {
  let modal: jest.SpyInstance
  beforeEach(() => {
    signIn('u-worker', '李秀英')
    jest.spyOn(Taro, 'useRouter').mockImplementation(() => ({ params: { id: 'c-1' }, path: '/training/pages/course/index' }) as never)
    modal = jest.spyOn(Taro, 'showModal').mockImplementation(() => Promise.resolve({ errMsg: 'ok', confirm: true, cancel: false }))
  })
  afterEach(() => {
    jest.restoreAllMocks()
    jest.resetAllMocks()
    act(() => clearSession())
  })

  it('a full course offers the waitlist; joining it says the place in line, and a second tap reuses the same key', async () => {
    mockedCourse.mockResolvedValue(course())
    const joined: EnrollmentResult = {
      enrollmentId: 'e-1',
      courseId: 'c-1',
      status: 'waitlisted',
      waitlistPosition: 4,
      message: '您是候补第 4 位',
    }
    mockedEnroll.mockRejectedValueOnce(new Error('网络不太稳定')).mockResolvedValueOnce(joined)
    render(<CoursePage />)
    await screen.findByText('电工（中级）技能提升班')
    expect(screen.queryByTestId('enroll')).toBeNull()
    await act(async () => {
      fireEvent.click(screen.getByTestId('waitlist'))
    })
    await act(async () => {
      fireEvent.click(screen.getByTestId('waitlist'))
    })
    expect(mockedEnroll).toHaveBeenCalledTimes(2)
    const [first, second] = mockedEnroll.mock.calls
    expect(first![1]).toEqual({ waitlist: true })
    // A retried tap is the same request: the server makes one enrollment of it.
    expect(second![2]).toBe(first![2])
    expect(modal.mock.calls.some(([options]) => options.title === '已加入候补' && String(options.content).includes('第 4 位'))).toBe(true)
  })

  it('a worker who is not a member, on a course open to all workers, gives a name and unit, which go with the enrollment', async () => {
    mockedCourse.mockResolvedValue(
      course({ isMember: false, audience: 'all_workers', actions: ['enroll'], seatsLeft: 5, phase: 'enrolling' }),
    )
    mockedEnroll.mockResolvedValue({
      enrollmentId: 'e-2',
      courseId: 'c-1',
      status: 'enrolled',
      waitlistPosition: null,
      message: '报名成功',
    })
    render(<CoursePage />)
    await screen.findByTestId('enroll')
    typeIntoField('name', '张伟')
    typeIntoField('employer', '连云港港口集团')
    await act(async () => {
      fireEvent.click(screen.getByTestId('enroll'))
    })
    expect(mockedEnroll.mock.calls[0]![1]).toEqual({ waitlist: false, name: '张伟', employer: '连云港港口集团' })
  })

  it('cancelling a seat asks first, saying it cannot be undone; declined, nothing is sent', async () => {
    mockedCourse.mockResolvedValue(
      course({
        actions: ['cancel'],
        mine: {
          id: 'e-1',
          status: 'enrolled',
          waitlistPosition: null,
          offerExpiresAt: null,
          cancelBy: '2026-12-19T01:00:00Z',
          canCancel: true,
          attended: 0,
          sessionsPast: 0,
          certificateId: null,
          subscribeCredits: 0,
        },
      }),
    )
    modal.mockImplementationOnce(() => Promise.resolve({ errMsg: 'ok', confirm: false, cancel: true }))
    render(<CoursePage />)
    await screen.findByTestId('cancel')
    await act(async () => {
      fireEvent.click(screen.getByTestId('cancel'))
    })
    expect(String(modal.mock.calls[0]![0].content)).toContain('不能恢复')
    expect(mockedCancel).not.toHaveBeenCalled()
  })
})
