import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { typeIntoField } from '@fixtures/taro-dom'
import type { Campaign, Offer } from '@contract/lines/benefits'
import { clearSession } from '@/services/session-store'
import { campaignStep, createOffer, listCampaigns, listStaffOffers } from '../../api'
import StaffOffersPage from './index'
import { signIn } from '@fixtures/session'

jest.mock('../../api', () => ({
  listStaffOffers: jest.fn(),
  createOffer: jest.fn(),
  offerStep: jest.fn(),
  restockOffer: jest.fn(),
  listCampaigns: jest.fn(),
  createCampaign: jest.fn(),
  campaignStep: jest.fn(),
  getBenefitsSettings: jest.fn(),
  saveBenefitsSettings: jest.fn(),
}))
const mockedOffers = listStaffOffers as jest.MockedFunction<typeof listStaffOffers>
const mockedCreate = createOffer as jest.MockedFunction<typeof createOffer>
const mockedCampaigns = listCampaigns as jest.MockedFunction<typeof listCampaigns>
const mockedCampaignStep = campaignStep as jest.MockedFunction<typeof campaignStep>

const merchantId = '00000000-0000-4000-8000-000000000001'
const campaign: Campaign = {
  id: '00000000-0000-4000-8000-0000000c0001',
  name: '暖心工会月',
  description: null,
  startsOn: '2026-11-15',
  endsOn: '2027-01-10',
  status: 'active',
  phase: 'running',
  offers: 12,
  claimed: 340,
  redeemed: 120,
}

const tapChip = (choice: string, value: string) =>
  act(async () => {
    fireEvent.click(document.querySelector(`[data-choice="${choice}"] [data-value="${value}"]`)!)
  })
const tap = (testId: string) =>
  act(async () => {
    fireEvent.click(screen.getByTestId(testId))
  })

describe('优惠与活动 (union staff: offers and campaigns)', () => {
  let modal: jest.SpyInstance
  beforeEach(() => {
    localStorage.clear()
    signIn('u-staff', '帮扶中心')
    jest
      .spyOn(Taro, 'useRouter')
      .mockImplementation(() => ({ params: { merchantId }, path: '/benefits/pages/staff-offers/index' }) as never)
    mockedOffers.mockResolvedValue({ items: [], nextCursor: null })
    mockedCampaigns.mockResolvedValue({ items: [campaign], nextCursor: null })
    modal = jest.spyOn(Taro, 'showModal').mockImplementation(() => Promise.resolve({ errMsg: 'ok', confirm: true, cancel: false }))
  })
  afterEach(() => {
    jest.restoreAllMocks()
    jest.resetAllMocks()
    act(() => clearSession())
  })

  it('a 满减 offer: a reduction not below the threshold is refused on its field; fixed, it is sent with only the 满减 terms and its campaign', async () => {
    mockedCreate.mockResolvedValue({ id: 'o-1' } as Offer)
    render(<StaffOffersPage />)
    await screen.findByText('新建优惠')
    await tapChip('offer-kind', 'threshold')
    typeIntoField('title', '满 100 减 20')
    typeIntoField('terms.threshold', '100')
    typeIntoField('terms.off', '120')
    await tap('create-offer')
    expect(document.querySelector('[data-field="terms.off"]')?.textContent).toContain('减免金额须大于 0 且小于门槛')
    expect(mockedCreate).not.toHaveBeenCalled()

    typeIntoField('terms.off', '20')
    await screen.findByText('暖心工会月')
    await tapChip('offer-campaign', campaign.id)
    await tap('create-offer')
    expect(mockedCreate).toHaveBeenCalledTimes(1)
    const [body, key] = mockedCreate.mock.calls[0]!
    expect(body).toMatchObject({
      merchantId,
      campaignId: campaign.id,
      title: '满 100 减 20',
      terms: { kind: 'threshold', threshold: 100, off: 20 },
    })
    expect(body.terms).not.toHaveProperty('face')
    expect(key).toEqual(expect.any(String))
  })

  it('the typed offer survives leaving the page (a draft on the device)', async () => {
    const first = render(<StaffOffersPage />)
    await screen.findByText('新建优惠')
    await tapChip('offer-kind', 'member_price')
    typeIntoField('terms.goods', '洗剪吹')
    first.unmount()
    render(<StaffOffersPage />)
    await screen.findByText('新建优惠')
    expect(document.querySelector('[data-choice="offer-kind"] [data-value="member_price"]')?.getAttribute('aria-checked')).toBe('true')
    expect(document.querySelector('[data-field="terms.goods"]')).not.toBeNull()
  })

  it('ending a campaign asks first, says what happens to its offers, and is sent only when confirmed', async () => {
    mockedCampaignStep.mockResolvedValue({ ...campaign, phase: 'ended', status: 'ended' })
    render(<StaffOffersPage />)
    await tapChip('tab', 'campaigns')
    await screen.findByText('暖心工会月')
    modal.mockImplementationOnce(() => Promise.resolve({ errMsg: 'ok', confirm: false, cancel: true }))
    await act(async () => {
      fireEvent.click(screen.getByText('结束'))
    })
    expect(mockedCampaignStep).not.toHaveBeenCalled()
    expect(String(modal.mock.calls[0]![0].content)).toContain('活动内的优惠全部下架')
    await act(async () => {
      fireEvent.click(screen.getByText('结束'))
    })
    expect(mockedCampaignStep).toHaveBeenCalledWith(campaign.id, 'end')
  })
})
