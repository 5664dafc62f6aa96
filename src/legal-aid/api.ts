import type { Ok } from '@contract/common'
import type {
  AcceptBody,
  AssignBody,
  CaseApplication,
  CaseMessage,
  CaseMessageBody,
  CloseBody,
  DeclineBody,
  Lawyer,
  LawyerInput,
  LawyerList,
  MyCaseDetail,
  MyCaseList,
  MyCaseSummary,
  NoteBody,
  ReassignBody,
  StaffCaseAction,
  StaffCaseDetail,
  StaffCaseList,
  StaffCaseQuery,
  StaffCaseSummary,
  StartBody,
  WithdrawBody,
} from '@contract/lines/legal-aid'
import { request } from '@/services/request'

// 法律援助: the worker's own cases, and legal staff's side. One line per endpoint.
export const submitLegalAidCase = (body: CaseApplication, idempotencyKey: string) =>
  request<MyCaseSummary>({ method: 'POST', path: '/api/legal-aid/cases', body, idempotencyKey })
export const listMyLegalAidCases = (cursor?: string) => request<MyCaseList>({ path: '/api/legal-aid/cases', query: { cursor } })
export const getMyLegalAidCase = (id: string) => request<MyCaseDetail>({ path: `/api/legal-aid/cases/${id}` })
export const sendCaseMessage = (id: string, body: CaseMessageBody, idempotencyKey: string) =>
  request<CaseMessage>({ method: 'POST', path: `/api/legal-aid/cases/${id}/messages`, body, idempotencyKey })
export const withdrawLegalAidCase = (id: string, body: WithdrawBody, idempotencyKey: string) =>
  request<MyCaseSummary>({ method: 'POST', path: `/api/legal-aid/cases/${id}/withdraw`, body, idempotencyKey })

export const listLegalAidQueue = (query: StaffCaseQuery) => request<StaffCaseList>({ path: '/api/workbench/legal-aid/cases', query })
export const getStaffLegalAidCase = (id: string) => request<StaffCaseDetail>({ path: `/api/workbench/legal-aid/cases/${id}` })
export const listLawyers = () => request<LawyerList>({ path: '/api/workbench/legal-aid/lawyers' })
export const listLawyerRoster = () => request<LawyerList>({ path: '/api/workbench/legal-aid/lawyers', query: { all: 'true' } })
export const addLawyer = (body: LawyerInput, idempotencyKey: string) =>
  request<Lawyer>({ method: 'POST', path: '/api/workbench/legal-aid/lawyers', body, idempotencyKey })
export const updateLawyer = (id: string, body: LawyerInput, idempotencyKey?: string) =>
  request<Lawyer>({ method: 'PUT', path: `/api/workbench/legal-aid/lawyers/${id}`, body, idempotencyKey })

/** The body each staff decision takes. */
export interface StaffActionBodies {
  accept: AcceptBody
  decline: DeclineBody
  assign: AssignBody
  reassign: ReassignBody
  start: StartBody
  close: CloseBody
}
export const actOnCase = <A extends StaffCaseAction>(id: string, action: A, body: StaffActionBodies[A], idempotencyKey: string) =>
  request<StaffCaseSummary>({ method: 'POST', path: `/api/workbench/legal-aid/cases/${id}/${action}`, body, idempotencyKey })
export const addCaseNote = (id: string, body: NoteBody, idempotencyKey: string) =>
  request<Ok>({ method: 'POST', path: `/api/workbench/legal-aid/cases/${id}/notes`, body, idempotencyKey })
export const replyToCase = (id: string, body: CaseMessageBody, idempotencyKey: string) =>
  request<CaseMessage>({ method: 'POST', path: `/api/workbench/legal-aid/cases/${id}/messages`, body, idempotencyKey })
