/**
 * How money is written, the same on the server (timeline notes, messages, exports' captions) and in
 * the mini-program (services/format.ts re-exports it): grouped by thousands, fen only when there are
 * any. Written out by hand rather than with toLocaleString, whose grouping depends on the ICU data a
 * phone's JavaScript engine happens to carry.
 */
export function formatYuan(amount: number): string {
  const fen = Math.round(amount * 100)
  const sign = fen < 0 ? '-' : ''
  const whole = Math.floor(Math.abs(fen) / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const cents = Math.abs(fen) % 100
  return `${sign}${whole}${cents ? `.${String(cents).padStart(2, '0')}` : ''} 元`
}
