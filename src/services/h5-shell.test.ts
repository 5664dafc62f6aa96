import { cancelScriptLinks } from './h5-shell'

describe('the H5 shell', () => {
  it('when a javascript: link is clicked, then its navigation is cancelled and its own handler still runs', () => {
    cancelScriptLinks(document)
    document.body.innerHTML = '<a id="tab" href="javascript:;">我的</a><a id="real" href="#x">链接</a>'
    const handled = jest.fn()
    const tab = document.getElementById('tab')!
    tab.addEventListener('click', handled)
    const tabClick = new MouseEvent('click', { bubbles: true, cancelable: true })
    tab.dispatchEvent(tabClick)
    expect(tabClick.defaultPrevented).toBe(true)
    expect(handled).toHaveBeenCalledTimes(1)

    const realClick = new MouseEvent('click', { bubbles: true, cancelable: true })
    document.getElementById('real')!.dispatchEvent(realClick)
    expect(realClick.defaultPrevented).toBe(false)
  })
})
