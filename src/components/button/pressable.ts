/**
 * What makes a tappable View usable without a touch screen in a browser (the H5 shell): it takes
 * the keyboard focus, and Enter or Space on it is a tap (`installKeyboardPress` in
 * services/h5-shell.ts). A scrolling page with such elements can then be scrolled from the
 * keyboard too. On WeChat a View takes no focus: nothing is added.
 */
export function pressable(role?: 'button'): Record<string, string | number> {
  if (process.env.TARO_ENV !== 'h5') return {}
  return { tabIndex: 0, 'data-pressable': 'true', ...(role ? { role } : {}) }
}
