import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { hardshipSettingsFixture } from '@fixtures/hardship'
import { typeIntoField } from '@fixtures/taro-dom'
import type { HardshipInfo } from '@contract/lines/hardship'
import { idNumberCheckCharacter } from '@contract/rules/id-number'
import { clearSession } from '@/services/session-store'
import { getHardshipInfo, submitHardshipApplication } from '../../api'
import ApplyPage from './index'
import { signIn } from '@fixtures/session'

jest.mock('../../api', () => ({
  getHardshipInfo: jest.fn(),
  submitHardshipApplication: jest.fn(),
  resubmitHardshipApplication: jest.fn(),
}))
const mockedInfo = getHardshipInfo as jest.MockedFunction<typeof getHardshipInfo>
const mockedSubmit = submitHardshipApplication as jest.MockedFunction<typeof submitHardshipApplication>

const info: HardshipInfo = {
  settings: hardshipSettingsFixture,
  campaigns: [],
  member: true,
}
const ID_NUMBER = `32070619850214006${idNumberCheckCharacter('32070619850214006')}`

const chip = (choice: string, value: string) =>
  act(async () => {
    fireEvent.click(document.querySelector(`[data-choice="${choice}"] [data-value="${value}"]`)!)
  })
const perCapita = () => screen.getByTestId('per-capita').textContent ?? ''

describe('申请困难帮扶 (the hardship application form)', () => {
  beforeEach(() => {
    localStorage.clear()
    signIn('u-worker', '李秀英')
    jest.spyOn(Taro, 'useRouter').mockImplementation(() => ({ params: {}, path: '/hardship/pages/apply/index' }) as never)
  })
  afterEach(() => {
    jest.restoreAllMocks()
    jest.resetAllMocks()
    act(() => clearSession())
  })

  it('a worker who is not a member is sent to join first, not shown a form they cannot send', async () => {
    mockedInfo.mockResolvedValue({ ...info, member: false })
    render(<ApplyPage />)
    await screen.findByText(/困难帮扶面向工会会员/)
    expect(screen.getByText('申请入会')).toBeTruthy()
    expect(document.querySelector('[data-field="members.0.name"]')).toBeNull()
  })

  it('the per-capita income and the suggested tier follow what is typed, against the city’s 低保', async () => {
    mockedInfo.mockResolvedValue(info)
    render(<ApplyPage />)
    await screen.findByTestId('per-capita')
    typeIntoField('members.0.monthlyIncome', '1500')
    expect(perCapita()).toMatch(/1,500.*相对困难/)
    await act(async () => {
      fireEvent.click(screen.getByTestId('add-member'))
    })
    typeIntoField('members.1.monthlyIncome', '0')
    expect(perCapita()).toMatch(/750.*深度困难/)
    typeIntoField('members.1.monthlyIncome', '2000')
    expect(perCapita()).toMatch(/1,750/)
    expect(perCapita()).not.toMatch(/困难/)
  })

  it('下一步 with a wrong ID number stays on the step and says so on that field; nothing is sent', async () => {
    mockedInfo.mockResolvedValue(info)
    render(<ApplyPage />)
    await screen.findByTestId('per-capita')
    typeIntoField('members.0.name', '李秀英')
    typeIntoField('members.0.idNumber', '320706198502140061')
    await chip('members.0.health', 'good')
    await chip('members.0.workStatus', 'employed')
    typeIntoField('members.0.monthlyIncome', '1500')
    await act(async () => {
      fireEvent.click(screen.getByTestId('apply-next'))
    })
    const field = document.querySelector('[data-field="members.0.idNumber"]')!
    expect(field.className).toContain('lg-field--invalid')
    expect(field.textContent).toMatch(/身份证号/)
    expect(document.querySelector('[data-field="unitName"]')).toBeNull()

    typeIntoField('members.0.idNumber', ID_NUMBER)
    await act(async () => {
      fireEvent.click(screen.getByTestId('apply-next'))
    })
    expect(document.querySelector('[data-field="unitName"]')).not.toBeNull()
    expect(mockedSubmit).not.toHaveBeenCalled()
  })

  it('what was typed is still there when the form is opened again (a draft on the device)', async () => {
    mockedInfo.mockResolvedValue(info)
    const first = render(<ApplyPage />)
    await screen.findByTestId('per-capita')
    typeIntoField('members.0.name', '李秀英')
    typeIntoField('members.0.monthlyIncome', '1500')
    first.unmount()
    render(<ApplyPage />)
    await screen.findByTestId('per-capita')
    expect(perCapita()).toMatch(/1,500/)
  })
})
