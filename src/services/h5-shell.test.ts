import { installKeyboardPress, labelNavigationBar } from './h5-shell'

describe('the H5 shell', () => {
  it('Enter or Space on a focused pressable element taps it; other keys and other elements are left alone', () => {
    installKeyboardPress(document)
    document.body.innerHTML = '<div id="tile" tabindex="0" data-pressable="true">法律援助</div><div id="plain">文字</div>'
    const tapped = jest.fn()
    document.getElementById('tile')!.addEventListener('click', tapped)
    document.getElementById('plain')!.addEventListener('click', tapped)
    const press = (id: string, key: string) =>
      document.getElementById(id)!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))
    press('tile', 'Enter')
    press('tile', ' ')
    press('tile', 'a')
    press('plain', 'Enter')
    expect(tapped).toHaveBeenCalledTimes(2)
  })

  it('names the title bar’s back and home icons and lets the keyboard reach them', () => {
    document.body.innerHTML =
      '<div id="taro-navigation-bar"><div class="taro-navigation-bar-home"></div><div class="taro-navigation-bar-back"></div><div class="taro-navigation-bar-title">登录</div></div>'
    expect(labelNavigationBar(document)).toBe(true)
    const back = document.querySelector('.taro-navigation-bar-back')!
    expect([back.getAttribute('role'), back.getAttribute('aria-label'), back.getAttribute('tabindex')]).toEqual(['button', '返回', '0'])
    expect(document.querySelector('.taro-navigation-bar-home')!.getAttribute('aria-label')).toBe('首页')
  })
})
