import * as z from 'zod/mini'

/**
 * A rotating code shown as a QR code (a member card, a session's check-in code, a coupon): signed
 * by the server, valid for a short time, so a screenshot soon stops working. The image is drawn on
 * the server so it looks the same on WeChat and in a browser; the countdown runs on the server's
 * lifetime of the code, not the phone's clock.
 */
export const RotatingQr = z.object({
  /** `data:image/png;base64,…` */
  imageDataUrl: z.string(),
  /** The code itself, for typing in where a camera cannot read it. */
  code: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string(),
})
export type RotatingQr = z.infer<typeof RotatingQr>

/** The longest code a scan field accepts (a signed token is about 150 characters). */
export const SCANNED_CODE_MAX_LENGTH = 512

/** A scanned (or typed) code: what a staff member or a cashier sends to check it. */
export const ScannedCode = z.object({
  code: z
    .string({ error: '请扫描或输入二维码内容' })
    .check(z.trim(), z.minLength(1, '请扫描或输入二维码内容'), z.maxLength(SCANNED_CODE_MAX_LENGTH, '二维码内容不正确')),
})
export type ScannedCode = z.infer<typeof ScannedCode>
