import * as z from 'zod/mini'
import { RoleGrant } from './auth'
import { mobilePhone } from './fields'

/**
 * The account: what we hold about a person across every service line (PIPL art. 44–47: see it,
 * correct it, delete it). Each line describes its own part; sensitive numbers are masked by the
 * line before they leave the server.
 */

export const DataFact = z.object({ label: z.string(), value: z.string() })
export type DataFact = z.infer<typeof DataFact>

/** One record a line holds (an application, a case), as facts the person can read. */
export const DataRecord = z.object({
  title: z.string(),
  facts: z.array(DataFact),
})
export type DataRecord = z.infer<typeof DataRecord>

/** What one service line holds about the person. */
export const DataSection = z.object({
  /** The line's key, e.g. `legal_aid`. */
  line: z.string(),
  title: z.string(),
  records: z.array(DataRecord),
  /** What deleting the account does to this part, in plain words (shown before confirming). */
  onDelete: z.string(),
})
export type DataSection = z.infer<typeof DataSection>

export const MyData = z.object({
  account: z.object({
    nickname: z.string(),
    phoneMasked: z.nullable(z.string()),
    phoneVerified: z.boolean(),
    createdAt: z.string(),
  }),
  /** Only the lines that hold something about the person. */
  sections: z.array(DataSection),
  staffRoles: z.array(RoleGrant),
})
export type MyData = z.infer<typeof MyData>

export const UpdateContactBody = z.object({ phone: mobilePhone })
export type UpdateContactBody = z.infer<typeof UpdateContactBody>

export const WechatPhoneBody = z.object({
  code: z.string({ error: '缺少手机号验证凭证' }).check(z.minLength(1, '缺少手机号验证凭证'), z.maxLength(128, '手机号验证凭证格式不正确')),
})
export type WechatPhoneBody = z.infer<typeof WechatPhoneBody>

export const PhoneResult = z.object({
  phoneMasked: z.string(),
  verified: z.boolean(),
  /** The number is also bound to another account: allowed (WeChat verified it), staff are told. */
  sharedWithOtherAccount: z.boolean(),
})
export type PhoneResult = z.infer<typeof PhoneResult>

export const DeleteAccountBody = z.object({ confirm: z.literal(true, { error: '请确认删除账号' }) })
export type DeleteAccountBody = z.infer<typeof DeleteAccountBody>

export const DeleteAccountResult = z.object({
  deleted: z.literal(true),
  /** What each line did, in plain words (e.g. the member number that was retired). */
  outcomes: z.array(z.string()),
})
export type DeleteAccountResult = z.infer<typeof DeleteAccountResult>
