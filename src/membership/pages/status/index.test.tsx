import { act, render, screen } from '@testing-library/react'
import { applicationFixture } from '@fixtures/membership'
import { clearSession } from '@/services/session-store'
import { getMyMembership } from '../../api'
import MembershipStatusPage from './index'
import { signIn } from '@fixtures/session'

jest.mock('../../api', () => ({ getMyMembership: jest.fn() }))
const mockedMine = getMyMembership as jest.MockedFunction<typeof getMyMembership>

describe('我的入会申请 (status page)', () => {
  beforeEach(() => {
    signIn('u-1', '王小明')
  })
  afterEach(() => act(() => clearSession()))

  it('a waiting application says how long the review usually takes', async () => {
    mockedMine.mockResolvedValue({ application: applicationFixture({ status: 'submitted' }), membership: null })
    render(<MembershipStatusPage />)
    expect((await screen.findByTestId('next-step')).textContent).toContain('一般在 5 个工作日内审核')
  })

  it('a rejected one says what to do and how long the next review takes', async () => {
    mockedMine.mockResolvedValue({
      application: applicationFixture({ status: 'rejected', rejectionReason: '照片不清楚' }),
      membership: null,
    })
    render(<MembershipStatusPage />)
    expect((await screen.findByTestId('next-step')).textContent).toContain('按原因修改后重新提交，工作人员一般在 5 个工作日内重新审核')
  })
})
