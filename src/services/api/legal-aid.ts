import type { Ok } from '@contract/common'
import type {
  AcceptBody,
  AssignBody,
  ReassignBody,
  CaseApplication,
  CaseMessage,
  CaseMessageBody,
  CloseBody,
  DeclineBody,
  Lawyer,
  LawyerInput,
  LawyerList,
  LegalAidSummary,
  MyCaseDetail,
  MyCaseList,
  MyCaseSummary,
  NoteBody,
  StaffCaseDetail,
  StaffCaseList,
  StaffCaseQuery,
  StaffCaseSummary,
  StartBody,
  WithdrawBody,
} from '@contract/lines/legal-aid'
import { request } from '../request'

// The worker's own cases.
export const submitLegalAidCase = (body: CaseApplication, idempotencyKey: string) =>
  request<MyCaseSummary>({ method: 'POST', path: '/api/legal-aid/cases', body, idempotencyKey })
export const listMyLegalAidCases = () => request<MyCaseList>({ path: '/api/legal-aid/cases' })
export const getMyLegalAidCase = (id: string) => request<MyCaseDetail>({ path: `/api/legal-aid/cases/${id}` })
export const sendCaseMessage = (id: string, body: CaseMessageBody, idempotencyKey: string) =>
  request<CaseMessage>({ method: 'POST', path: `/api/legal-aid/cases/${id}/messages`, body, idempotencyKey })
export const withdrawLegalAidCase = (id: string, body: WithdrawBody, idempotencyKey: string) =>
  request<MyCaseSummary>({ method: 'POST', path: `/api/legal-aid/cases/${id}/withdraw`, body, idempotencyKey })
export const addCaseSubscriptions = (id: string, accepted: number) =>
  request<{ subscribeCredits: number }>({ method: 'POST', path: `/api/legal-aid/cases/${id}/subscriptions`, body: { accepted } })

// Legal staff.
export const getLegalAidSummary = () => request<LegalAidSummary>({ path: '/api/workbench/legal-aid/summary' })
export const listLegalAidQueue = (query: StaffCaseQuery) => request<StaffCaseList>({ path: '/api/workbench/legal-aid/cases', query })
export const getStaffLegalAidCase = (id: string) => request<StaffCaseDetail>({ path: `/api/workbench/legal-aid/cases/${id}` })
export const listLawyers = () => request<LawyerList>({ path: '/api/workbench/legal-aid/lawyers' })
export const listLawyerRoster = () => request<LawyerList>({ path: '/api/workbench/legal-aid/lawyers', query: { all: 'true' } })
export const addLawyer = (body: LawyerInput, idempotencyKey: string) =>
  request<Lawyer>({ method: 'POST', path: '/api/workbench/legal-aid/lawyers', body, idempotencyKey })
export const updateLawyer = (id: string, body: LawyerInput) =>
  request<Lawyer>({ method: 'PUT', path: `/api/workbench/legal-aid/lawyers/${id}`, body })
const act =
  <B>(action: string) =>
  (id: string, body: B, idempotencyKey: string) =>
    request<StaffCaseSummary>({ method: 'POST', path: `/api/workbench/legal-aid/cases/${id}/${action}`, body, idempotencyKey })
export const acceptCase = act<AcceptBody>('accept')
export const declineCase = act<DeclineBody>('decline')
export const assignCase = act<AssignBody>('assign')
export const reassignCase = act<ReassignBody>('reassign')
export const startCase = act<StartBody>('start')
export const closeCase = act<CloseBody>('close')
export const addCaseNote = (id: string, body: NoteBody, idempotencyKey: string) =>
  request<Ok>({ method: 'POST', path: `/api/workbench/legal-aid/cases/${id}/notes`, body, idempotencyKey })
export const replyToCase = (id: string, body: CaseMessageBody, idempotencyKey: string) =>
  request<CaseMessage>({ method: 'POST', path: `/api/workbench/legal-aid/cases/${id}/messages`, body, idempotencyKey })
