import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Attachment } from '@contract/uploads'
import { pressable } from '@/components/button/pressable'
import { toast } from '@/services/dialogs'
import { absoluteFileUrl } from '@/services/upload'
import { Thumb } from './file-picker'
import './index.css'

function openAttachment(file: Attachment, all: readonly Attachment[]) {
  const url = absoluteFileUrl(file.url)
  if (file.kind === 'image') {
    const images = all.filter((item) => item.kind === 'image').map((item) => absoluteFileUrl(item.url))
    void Taro.previewImage({ current: url, urls: images })
  } else if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank')
  } else {
    Taro.downloadFile({ url })
      .then((result) => Taro.openDocument({ filePath: result.tempFilePath, fileType: 'pdf' }))
      .catch(() => toast('文件打开失败，请稍后重试'))
  }
}

/** Files attached to a record or a message: photos to preview, PDFs to open. */
export function Attachments({ files }: { files: readonly Attachment[] }) {
  if (files.length === 0) return null
  return (
    <View className='lg-attachments'>
      {files.map((file) => (
        <View key={file.id} className='lg-attachments__item' role='button' {...pressable()} onClick={() => openAttachment(file, files)}>
          <Thumb kind={file.kind} src={absoluteFileUrl(file.url)} size='large' name={file.name} />
          <Text className='lg-attachments__name'>{file.name}</Text>
        </View>
      ))}
    </View>
  )
}
Attachments.displayName = 'Attachments'
