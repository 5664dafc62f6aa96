import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { getMyUpload } from '@/services/api/core'
import { FilePicker } from './file-picker'
import { chooseFiles, pickPhotosInBrowser, type FileItem } from './files'

jest.mock('@/services/api/core', () => ({ getMyUpload: jest.fn() }))
jest.mock('./files', () => ({ ...jest.requireActual('./files'), chooseFiles: jest.fn() }))
const mockedChoose = chooseFiles as jest.MockedFunction<typeof chooseFiles>
const mockedUpload = getMyUpload as jest.MockedFunction<typeof getMyUpload>

function Picker({ initial }: { initial: FileItem[] }) {
  const [items, setItems] = useState(initial)
  return <FilePicker items={items} onChange={(update) => setItems(update)} />
}

describe('FilePicker', () => {
  afterEach(() => {
    jest.restoreAllMocks()
    mockedChoose.mockReset()
    mockedUpload.mockReset()
  })

  it('a picked file that is not a usable photo is not added, and the person is told why, by name', async () => {
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ errMsg: 'ok', confirm: true, cancel: false })
    mockedChoose.mockResolvedValue({ files: [], unusable: ['扫描件.heic'] })
    render(<Picker initial={[]} />)
    await act(async () => {
      fireEvent.click(screen.getByText('+ 照片'))
    })
    expect(modal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '有照片没有添加', content: expect.stringContaining('“扫描件.heic”不是能打开的照片') }),
    )
    expect(screen.getByText('已选 0/9 个，每个不超过 10 MB，支持 JPG、PNG、PDF')).toBeTruthy()
  })

  it('a photo in a kept draft whose local copy is gone is shown from its uploaded copy', async () => {
    mockedUpload.mockResolvedValue({ id: 'u-1', name: '欠条.jpg', kind: 'image', size: 2048, url: '/api/files/u-1?token=t' })
    const kept: FileItem = {
      key: 'k1',
      name: '欠条.jpg',
      kind: 'image',
      size: 2048,
      path: 'blob:gone',
      status: 'done',
      progress: 100,
      uploadId: 'u-1',
    }
    const { container } = render(<Picker initial={[kept]} />)
    await waitFor(() => expect(mockedUpload).toHaveBeenCalledWith('u-1'))
    const image = () => container.querySelector('.lg-files__thumb') as HTMLElement
    // The blob: URL from before the app was closed no longer loads.
    act(() => {
      image().dispatchEvent(new Event('error'))
    })
    await waitFor(() => expect(image().getAttribute('src')).toContain('/api/files/u-1?token=t'))
  })

  it('a kept draft’s file the server no longer has is marked for choosing again', async () => {
    const { ApiError } = jest.requireActual('@/services/api-error')
    mockedUpload.mockRejectedValue(new ApiError(404, 'NOT_FOUND', '文件已失效，请重新上传'))
    const kept: FileItem = {
      key: 'k1',
      name: '欠条.jpg',
      kind: 'image',
      size: 2048,
      path: 'blob:gone',
      status: 'done',
      progress: 100,
      uploadId: 'u-1',
    }
    render(<Picker initial={[kept]} />)
    expect(await screen.findByText('文件已失效，请删除后重新选择')).toBeTruthy()
  })
})

describe('pickPhotosInBrowser', () => {
  it('keeps the photos a browser can show and names the others', async () => {
    const picking = pickPhotosInBrowser(9, async (file) => file.name.endsWith('.jpg'))
    const input = document.body.querySelector('input[type="file"]') as HTMLInputElement
    const files = [new File(['x'], '工资条.jpg', { type: 'image/jpeg' }), new File(['y'], 'IMG_1.HEIC', { type: 'image/heic' })]
    Object.defineProperty(input, 'files', { value: files })
    URL.createObjectURL = jest.fn(() => 'blob:1')
    await act(async () => {
      await (input.onchange as () => Promise<void>)()
    })
    await expect(picking).resolves.toEqual({
      files: [{ name: '工资条.jpg', kind: 'image', size: 1, path: 'blob:1' }],
      unusable: ['IMG_1.HEIC'],
    })
  })
})
