import { act, fireEvent, render, screen } from '@testing-library/react'
import { typeIntoField } from '@fixtures/taro-dom'
import { verifyCard } from '@/services/api/workbench'
import { ApiError } from '@/services/api-error'
import { clearSession } from '@/services/session-store'
import CardVerifyPage from './index'
import { signIn } from '@fixtures/session'

jest.mock('@/services/api/workbench', () => ({ verifyCard: jest.fn() }))
const mockedVerify = verifyCard as jest.MockedFunction<typeof verifyCard>

describe('核验会员码 (card verify page)', () => {
  beforeEach(() => signIn('u-9', '王丽'))
  afterEach(() => {
    mockedVerify.mockReset()
    act(() => clearSession())
  })

  const check = async (token: string) => {
    typeIntoField('token', token)
    await act(async () => {
      fireEvent.click(screen.getByText('核验'))
    })
  }

  it('a pasted code is checked and the verdict shown, with the member masked', async () => {
    mockedVerify.mockResolvedValue({
      result: 'valid',
      member: {
        nameMasked: '李*英',
        memberNumberMasked: 'LG2026****01',
        orgName: '连云港市第一人民医院工会',
        joinedAt: '2026-10-16T00:00:00Z',
      },
      checkedAt: '2026-12-01T08:00:00Z',
    })
    render(<CardVerifyPage />)
    await check(' CARD.TOKEN ')
    expect(mockedVerify).toHaveBeenCalledWith('CARD.TOKEN')
    expect(screen.getByTestId('verify-result').getAttribute('data-result')).toBe('valid')
    expect(screen.getByText('姓名：李*英')).toBeTruthy()
  })

  it('a failed check says why under the field, and no earlier verdict stays on screen', async () => {
    mockedVerify
      .mockResolvedValueOnce({ result: 'expired', member: null, checkedAt: '2026-12-01T08:00:00Z' })
      .mockRejectedValueOnce(new ApiError(0, 'NETWORK'))
    render(<CardVerifyPage />)
    await check('OLD.TOKEN')
    expect(screen.getByText('会员码已过期')).toBeTruthy()
    await check('NEXT.TOKEN')
    expect(screen.getByRole('alert').textContent).toBe('网络不给力，请检查网络后重试')
    expect(screen.queryByTestId('verify-result')).toBeNull()
  })
})
