import Taro from '@tarojs/taro'
import { act, fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { muteTextareaWatcherInJsdom } from '@fixtures/taro-dom'
import { emptyProfile, ProfileFields, type ProfileDraft } from './profile-fields'

let latest: ProfileDraft = emptyProfile

function Harness() {
  const [value, setValue] = useState<ProfileDraft>({ ...emptyProfile, address: '海州区朝阳东路 66 号' })
  latest = value
  return (
    <ProfileFields
      value={value}
      errors={{}}
      set={(field, next) => setValue((current) => ({ ...current, [field]: next }))}
      merge={(change) => setValue(change)}
    />
  )
}

const tapUseHere = () =>
  act(async () => {
    fireEvent.click(screen.getByTestId('use-current-location'))
  })

describe("a shop's place in the browser (no map picker there)", () => {
  let location: jest.SpyInstance
  let toast: jest.SpyInstance
  beforeEach(() => {
    // The page, not a person, fills the boxes here.
    muteTextareaWatcherInJsdom()
    location = jest.spyOn(Taro, 'getLocation')
    toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' })
  })
  afterEach(() => jest.restoreAllMocks())

  it('fills the coordinates from where the phone is, in the map coordinates shops are kept in, keeping the typed address', async () => {
    // A browser gives GPS (WGS-84) only; shops are kept in GCJ-02, about 500 m east of it here.
    location.mockResolvedValue({ latitude: 34.596712345, longitude: 119.179298765 } as never)
    render(<Harness />)
    await tapUseHere()
    expect(location).toHaveBeenCalledWith(expect.objectContaining({ type: 'wgs84' }))
    expect(latest).toMatchObject({ lat: '34.595742', lng: '119.184910', address: '海州区朝阳东路 66 号' })
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已填入当前位置，请确认您正在店里' }))
  })

  it('says what to do when the browser gives no position, and leaves the fields to type', async () => {
    location.mockRejectedValue(new Error('User denied Geolocation'))
    render(<Harness />)
    await tapUseHere()
    expect(latest).toMatchObject({ lat: '', lng: '' })
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '未能获取位置：请允许浏览器使用位置，或直接填写经纬度' }))
  })
})
