import type { Ok } from '@contract/common'
import type { Dashboard } from '@contract/kit/stats'
import type {
  BenefitsSettings,
  Campaign,
  CampaignInput,
  CampaignList,
  Coupon,
  CouponCode,
  CouponList,
  CouponQuery,
  DeskCheck,
  DeskCheckBody,
  DeskHome,
  DeskRedemptionList,
  FraudSignalList,
  MerchantApplicationInput,
  MerchantDecision,
  MerchantDetail,
  MerchantList,
  MerchantQuery,
  MyMerchantApplication,
  MyMerchantApplications,
  MyRedemptionList,
  Offer,
  OfferInput,
  OfferList,
  RedeemBody,
  Redemption,
  SettleBody,
  SettlementList,
  StaffMerchantDetail,
  StaffMerchantList,
  StaffMerchantQuery,
  StaffMerchantSummary,
  MerchantProfileInput,
  StaffOfferQuery,
  Statement,
} from '@contract/lines/benefits'
import { request } from '@/services/request'

// 会员卡·优惠: members, the merchant desk, union staff. One line per endpoint.
export const listMerchants = (query: MerchantQuery) => request<MerchantList>({ path: '/api/merchants', query })
export const getMerchant = (id: string, at?: { lat: string; lng: string }) =>
  request<MerchantDetail>({ path: `/api/merchants/${id}`, query: at })
export const claimOffer = (id: string, idempotencyKey: string) =>
  request<Coupon>({ method: 'POST', path: `/api/offers/${id}/claims`, body: {}, idempotencyKey })
export const listCoupons = (query: CouponQuery) => request<CouponList>({ path: '/api/coupons', query })
export const getCouponCode = (id: string) => request<CouponCode>({ path: `/api/coupons/${id}/code` })
export const listMyRedemptions = (cursor?: string) => request<MyRedemptionList>({ path: '/api/benefits/redemptions', query: { cursor } })

export const getDeskHome = () => request<DeskHome>({ path: '/api/merchant-desk' })
export const checkDeskCode = (body: DeskCheckBody) => request<DeskCheck>({ method: 'POST', path: '/api/merchant-desk/checks', body })
export const redeemAtDesk = (body: RedeemBody, idempotencyKey: string) =>
  request<Redemption>({ method: 'POST', path: '/api/merchant-desk/redemptions', body, idempotencyKey })
export const undoAtDesk = (id: string, reason: string, idempotencyKey: string) =>
  request<Redemption>({ method: 'POST', path: `/api/merchant-desk/redemptions/${id}/undo`, body: { reason }, idempotencyKey })
export const listDeskRedemptions = (merchantId: string, cursor?: string) =>
  request<DeskRedemptionList>({ path: '/api/merchant-desk/redemptions', query: { merchantId, cursor } })
export const getDeskStatement = (merchantId: string) => request<Statement>({ path: '/api/merchant-desk/statement', query: { merchantId } })

export const listStaffMerchants = (query: StaffMerchantQuery) => request<StaffMerchantList>({ path: '/api/workbench/merchants', query })
export const getStaffMerchant = (id: string) => request<StaffMerchantDetail>({ path: `/api/workbench/merchants/${id}` })
export const decideMerchant = (id: string, action: MerchantDecision, body: object, idempotencyKey: string) =>
  request<StaffMerchantSummary>({ method: 'POST', path: `/api/workbench/merchants/${id}/${action}`, body, idempotencyKey })
export const editMerchantProfile = (id: string, body: MerchantProfileInput) =>
  request<StaffMerchantSummary>({ method: 'PUT', path: `/api/workbench/merchants/${id}`, body })
export const createCashierInvite = (merchantId: string, role: string) =>
  request<{ code: string }>({
    method: 'POST',
    path: '/api/workbench/invites',
    body: { role, orgId: 'lyg', scopeId: merchantId, validDays: 7 },
  })
export const listStaffOffers = (query: StaffOfferQuery) => request<OfferList>({ path: '/api/workbench/benefits/offers', query })
export const createOffer = (body: OfferInput, idempotencyKey: string) =>
  request<Offer>({ method: 'POST', path: '/api/workbench/benefits/offers', body, idempotencyKey })
export const offerStep = (id: string, action: 'pause' | 'resume' | 'withdraw') =>
  request<Offer>({ method: 'POST', path: `/api/workbench/benefits/offers/${id}/${action}`, body: {} })
export const restockOffer = (id: string, add: number, idempotencyKey: string) =>
  request<Offer>({ method: 'POST', path: `/api/workbench/benefits/offers/${id}/restock`, body: { add }, idempotencyKey })
export const listCampaigns = () => request<CampaignList>({ path: '/api/workbench/benefits/campaigns' })
export const createCampaign = (body: CampaignInput, idempotencyKey: string) =>
  request<Campaign>({ method: 'POST', path: '/api/workbench/benefits/campaigns', body, idempotencyKey })
export const campaignStep = (id: string, action: 'pause' | 'resume' | 'end') =>
  request<Campaign>({ method: 'POST', path: `/api/workbench/benefits/campaigns/${id}/${action}`, body: {} })
export const listSettlements = (month?: string) =>
  request<SettlementList>({ path: '/api/workbench/benefits/settlements', query: { month } })
export const settleMonth = (body: SettleBody, idempotencyKey: string) =>
  request<Statement>({ method: 'POST', path: '/api/workbench/benefits/settlements', body, idempotencyKey })
export const getBenefitsStats = () => request<Dashboard>({ path: '/api/workbench/benefits/stats' })
export const listSignals = () => request<FraudSignalList>({ path: '/api/workbench/benefits/signals' })
export const reviewSignal = (key: string, note: string) =>
  request<Ok>({ method: 'POST', path: '/api/workbench/benefits/signals/review', body: { key, note } })
export const applyAsMerchant = (body: MerchantApplicationInput, idempotencyKey: string) =>
  request<MyMerchantApplication>({ method: 'POST', path: '/api/merchant-applications', body, idempotencyKey })
export const listMyApplications = () => request<MyMerchantApplications>({ path: '/api/merchant-applications' })
export const getBenefitsSettings = () => request<BenefitsSettings>({ path: '/api/workbench/benefits/settings' })
export const saveBenefitsSettings = (body: BenefitsSettings) =>
  request<BenefitsSettings>({ method: 'PUT', path: '/api/workbench/benefits/settings', body })
