import type { DeleteAccountResult, MyData, PhoneResult } from '@contract/account'
import { request } from '../request'

// The account across every line: see, correct and delete what we hold (PIPL art. 44–47).
export const getMyData = () => request<MyData>({ path: '/api/me/data' })
export const updateContactPhone = (phone: string) => request<PhoneResult>({ method: 'PUT', path: '/api/me/contact', body: { phone } })
export const bindWechatPhone = (code: string) => request<PhoneResult>({ method: 'POST', path: '/api/me/phone/wechat', body: { code } })
export const deleteMyAccount = () => request<DeleteAccountResult>({ method: 'POST', path: '/api/me/delete', body: { confirm: true } })
