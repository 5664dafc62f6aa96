import {
  ConsentStep,
  IdentityStep,
  IdentityStepKeepingIdNumber,
  PhoneStep,
  UnionStep,
  WorkStep,
  type ApplicationBody,
  type EDUCATIONS,
  type EmploymentType,
  type GENDERS,
  type HUKOU_TYPES,
  type MyApplication,
  type PhoneSource,
  type POLITICAL_STATUSES,
  type ResubmitBody,
} from '@contract/lines/membership'
import { fieldErrors } from '@contract/fields'
import { firstInvalidStep, stepOfFields as stepOf, type FormStep } from '@/components/form'
import type { ChosenOrg } from '@/components/org-picker'
import { draftKey } from '@/services/drafts'

/**
 * The application form as it lives on the device, between taps, reloads and app restarts: the
 * values as typed (empty until chosen) and which step the worker is on. (The key that makes the
 * submission safe to retry is kept by useSubmission, beside it.)
 */
export interface FormValues {
  consentNotice: boolean
  consentSensitive: boolean
  name: string
  gender: (typeof GENDERS)[number] | ''
  ethnicity: string
  idNumber: string
  phoneSource: PhoneSource
  phone: string
  /** Set once WeChat verified the account's phone (shown masked). */
  verifiedPhoneMasked: string | null
  /** The verified phone is also bound to another account (allowed; staff are told). */
  phoneShared: boolean
  employer: string
  employmentType: EmploymentType | ''
  migrantWorker: boolean | null
  education: (typeof EDUCATIONS)[number] | ''
  politicalStatus: (typeof POLITICAL_STATUSES)[number] | ''
  hukouType: (typeof HUKOU_TYPES)[number] | ''
  hukouPlace: string
  org: ChosenOrg | null
}

export interface ApplicationDraft {
  mode: 'new' | 'resubmit'
  /** The application being corrected (rejected, or still waiting). */
  applicationId: string | null
  /** Resubmitting: the ID number on file is kept unless the worker types a new one. */
  keepIdNumber: boolean
  idNumberMaskedOnFile: string | null
  step: number
  form: FormValues
}

/** Where a user's application draft is kept on the device (one per user), and its submission's key. */
export const applicationDraftKey = (userId: string) => draftKey('membership-apply', userId)
export const applicationKeyStorage = (userId: string) => draftKey('membership-apply-key', userId)

export const emptyForm: FormValues = {
  consentNotice: false,
  consentSensitive: false,
  name: '',
  gender: '',
  ethnicity: '',
  idNumber: '',
  phoneSource: 'typed',
  phone: '',
  verifiedPhoneMasked: null,
  phoneShared: false,
  employer: '',
  employmentType: '',
  migrantWorker: null,
  education: '',
  politicalStatus: '',
  hukouType: '',
  hukouPlace: '',
  org: null,
}

export function newDraft(): ApplicationDraft {
  return {
    mode: 'new',
    applicationId: null,
    keepIdNumber: false,
    idNumberMaskedOnFile: null,
    step: 0,
    form: emptyForm,
  }
}

/** The worker's application (rejected, or still waiting), back in the form for correcting (the consents are given again). */
export function draftFromApplication(application: MyApplication): ApplicationDraft {
  return {
    mode: 'resubmit',
    applicationId: application.id,
    keepIdNumber: true,
    idNumberMaskedOnFile: application.idNumberMasked,
    step: 0,
    form: {
      ...emptyForm,
      name: application.name,
      gender: application.gender,
      ethnicity: application.ethnicity,
      phoneSource: application.phoneVerified ? 'wechat' : 'typed',
      verifiedPhoneMasked: application.phoneVerified ? application.phoneMasked : null,
      employer: application.employer,
      employmentType: application.employmentType,
      migrantWorker: application.migrantWorker,
      education: application.education,
      politicalStatus: application.politicalStatus,
      hukouType: application.hukouType,
      hukouPlace: application.hukouPlace ?? '',
      org: { id: application.orgId, name: application.orgName, pathNames: application.orgPathNames },
    },
  }
}

const orUndefined = <T>(value: T | '' | null): T | undefined => (value === '' || value === null ? undefined : value)

/** The request body the form makes, with nothing chosen left out (so the schema says 请选择…). */
export function toBody(draft: ApplicationDraft): Record<string, unknown> {
  const { form } = draft
  const keepId = draft.mode === 'resubmit' && draft.keepIdNumber
  return {
    consentNotice: form.consentNotice,
    consentSensitive: form.consentSensitive,
    name: form.name,
    gender: orUndefined(form.gender),
    ethnicity: orUndefined(form.ethnicity),
    idNumber: keepId ? undefined : form.idNumber,
    phoneSource: form.phoneSource,
    phone: form.phoneSource === 'typed' ? form.phone : undefined,
    employer: form.employer,
    employmentType: orUndefined(form.employmentType),
    migrantWorker: form.migrantWorker ?? undefined,
    education: orUndefined(form.education),
    politicalStatus: orUndefined(form.politicalStatus),
    hukouType: orUndefined(form.hukouType),
    hukouPlace: form.hukouPlace.trim() || undefined,
    orgId: form.org?.id,
  }
}

export type StepKey = 'consent' | 'identity' | 'phone' | 'work' | 'union' | 'confirm'

export const STEPS: ReadonlyArray<FormStep<StepKey>> = [
  { key: 'consent', title: '入会须知', fields: ['consentNotice', 'consentSensitive'] },
  { key: 'identity', title: '身份信息', fields: ['name', 'gender', 'ethnicity', 'idNumber'] },
  { key: 'phone', title: '联系电话', fields: ['phoneSource', 'phone'] },
  {
    key: 'work',
    title: '工作信息',
    fields: ['employer', 'employmentType', 'migrantWorker', 'education', 'politicalStatus', 'hukouType', 'hukouPlace'],
  },
  { key: 'union', title: '选择工会', fields: ['orgId'] },
  { key: 'confirm', title: '确认提交', fields: [] },
]

/** Checks one step with the contract's schema: the same words the server would use. */
export function stepErrors(draft: ApplicationDraft, step: number): Record<string, string> {
  const body = toBody(draft)
  const key = STEPS[step]?.key
  const keepId = draft.mode === 'resubmit' && draft.keepIdNumber
  const schema =
    key === 'consent'
      ? ConsentStep
      : key === 'identity'
        ? keepId
          ? IdentityStepKeepingIdNumber
          : IdentityStep
        : key === 'phone'
          ? PhoneStep
          : key === 'work'
            ? WorkStep
            : key === 'union'
              ? UnionStep
              : undefined
  if (!schema) return {}
  const result = schema.safeParse(body)
  return result.success ? {} : fieldErrors(result.error)
}

/** The first step with an error among these fields (server answers are keyed by field). */
export const stepOfFields = (fields: Record<string, string>): number | undefined => stepOf(STEPS, fields)

export type SubmitBody = { kind: 'new'; body: ApplicationBody } | { kind: 'resubmit'; id: string; body: ResubmitBody }

/** The checked body to send, or the first step that still has errors. */
export function readyToSubmit(
  draft: ApplicationDraft,
): { ok: true; submit: SubmitBody } | { ok: false; step: number; errors: Record<string, string> } {
  const invalid = firstInvalidStep(STEPS, (step) => stepErrors(draft, step))
  if (invalid) return { ok: false, ...invalid }
  const body = toBody(draft)
  if (draft.mode === 'resubmit' && draft.applicationId)
    return { ok: true, submit: { kind: 'resubmit', id: draft.applicationId, body: body as ResubmitBody } }
  return { ok: true, submit: { kind: 'new', body: body as ApplicationBody } }
}
