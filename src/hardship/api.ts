import type { Dashboard } from '@contract/kit/stats'
import type { RevealedValue } from '@contract/kit/reveal'
import type {
  AnnualReviewBody,
  Campaign,
  CampaignInput,
  CampaignList,
  DecisionBody,
  FirstReviewBody,
  HardshipApplication,
  HardshipInfo,
  MyApplicationDetail,
  MyApplicationList,
  MyApplicationSummary,
  MyFile,
  ObjectionBody,
  PaymentBody,
  PublicityList,
  RequestDocumentsBody,
  ResolveObjectionBody,
  StaffApplicationDetail,
  StaffApplicationList,
  StaffApplicationQuery,
  StaffFileDetail,
  StaffFileList,
  StaffFileQuery,
  SupplementBody,
  WithdrawBody,
} from '@contract/lines/hardship'
import { request } from '@/services/request'

// 困难帮扶: the worker's applications and file, and the staff's side. One line per endpoint.
export const getHardshipInfo = () => request<HardshipInfo>({ path: '/api/hardship/info' })
export const submitHardshipApplication = (body: HardshipApplication, idempotencyKey: string) =>
  request<MyApplicationSummary>({ method: 'POST', path: '/api/hardship/applications', body, idempotencyKey })
export const resubmitHardshipApplication = (id: string) => (body: HardshipApplication, idempotencyKey: string) =>
  request<MyApplicationSummary>({ method: 'POST', path: `/api/hardship/applications/${id}/resubmit`, body, idempotencyKey })
export const listMyHardshipApplications = (cursor?: string) =>
  request<MyApplicationList>({ path: '/api/hardship/applications', query: { cursor } })
export const getMyHardshipApplication = (id: string) => request<MyApplicationDetail>({ path: `/api/hardship/applications/${id}` })
export const supplementHardshipApplication = (id: string, body: SupplementBody, idempotencyKey: string) =>
  request<MyApplicationSummary>({ method: 'POST', path: `/api/hardship/applications/${id}/supplements`, body, idempotencyKey })
export const withdrawHardshipApplication = (id: string, body: WithdrawBody, idempotencyKey: string) =>
  request<MyApplicationSummary>({ method: 'POST', path: `/api/hardship/applications/${id}/withdraw`, body, idempotencyKey })
export const getMyHardshipFile = () => request<MyFile>({ path: '/api/hardship/file' })
export const getHardshipPublicity = () => request<PublicityList>({ path: '/api/hardship/publicity' })

const staff = '/api/workbench/hardship'
export const listHardshipQueue = (query: StaffApplicationQuery) => request<StaffApplicationList>({ path: `${staff}/applications`, query })
export const getStaffHardshipCase = (id: string) => request<StaffApplicationDetail>({ path: `${staff}/applications/${id}` })

/** The body each staff step takes, by its path. */
export interface StaffStepBodies {
  'first-review': FirstReviewBody
  'request-documents': RequestDocumentsBody
  objections: ObjectionBody
  'end-publicity': Record<string, never>
  decision: DecisionBody
  payments: PaymentBody
}
export const actOnHardshipCase =
  <S extends keyof StaffStepBodies>(id: string, step: S) =>
  (body: StaffStepBodies[S], idempotencyKey: string) =>
    request<StaffApplicationDetail>({ method: 'POST', path: `${staff}/applications/${id}/${step}`, body, idempotencyKey })
export const resolveHardshipObjection = (id: string, objectionId: string) => (body: ResolveObjectionBody, idempotencyKey: string) =>
  request<StaffApplicationDetail>({
    method: 'POST',
    path: `${staff}/applications/${id}/objections/${objectionId}/resolve`,
    body,
    idempotencyKey,
  })
export const revealHardshipAccount = (id: string) =>
  request<RevealedValue>({ method: 'POST', path: `${staff}/applications/${id}/account/reveal`, body: {} })
export const listHardshipFiles = (query: StaffFileQuery) => request<StaffFileList>({ path: `${staff}/files`, query })
export const getStaffHardshipFile = (id: string) => request<StaffFileDetail>({ path: `${staff}/files/${id}` })
export const reviewHardshipFile = (id: string) => (body: AnnualReviewBody, idempotencyKey: string) =>
  request<StaffFileDetail>({ method: 'POST', path: `${staff}/files/${id}/annual-review`, body, idempotencyKey })
export const getHardshipStats = () => request<Dashboard>({ path: `${staff}/stats` })
export const listHardshipCampaigns = () => request<CampaignList>({ path: `${staff}/campaigns` })
export const createHardshipCampaign = (body: CampaignInput, idempotencyKey: string) =>
  request<Campaign>({ method: 'POST', path: `${staff}/campaigns`, body, idempotencyKey })
export const setHardshipCampaign = (id: string, to: 'open' | 'close') => (body: Record<string, never>, idempotencyKey: string) =>
  request<Campaign>({ method: 'POST', path: `${staff}/campaigns/${id}/${to}`, body, idempotencyKey })
