import { View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import { Button, type ButtonKind } from '@/components/button'
import { toApiError } from '@/services/api-error'
import { toast } from '@/services/dialogs'
import { openSpreadsheet } from '@/services/download'
import './index.css'

export interface ExportButtonProps {
  /** The export endpoint, an authenticated GET answering .xlsx (e.g. `/api/workbench/training/export`). */
  path: string
  /** What the file is called where it lands: 培训报名名单-2026年12月.xlsx. */
  fileName: string
  /** The label (default 导出表格). */
  children?: ReactNode
  kind?: ButtonKind
  block?: boolean
  testId?: string
}

/**
 * 导出表格: downloads a line's spreadsheet and opens it (WeChat) or saves it (browser). Busy while
 * the server builds it, so a second tap does not build it twice; a failure stays under the button
 * until the next try, in the app's words.
 */
export function ExportButton({ path, fileName, children = '导出表格', kind, block, testId }: ExportButtonProps) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()

  const run = async () => {
    setBusy(true)
    setError(undefined)
    try {
      await openSpreadsheet(path, fileName)
      // WeChat shows the document; a browser only adds a line to its downloads, easily missed.
      if (process.env.TARO_ENV !== 'weapp') toast('表格已下载')
    } catch (caught) {
      setError(toApiError(caught).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className={['lg-export', block ? 'lg-export--block' : ''].filter(Boolean).join(' ')}>
      <Button kind={kind} block={block} busy={busy} busyText='正在导出…' testId={testId} onClick={() => void run()}>
        {children}
      </Button>
      {error ? (
        <View className='lg-export__error' role='alert'>
          {error}
        </View>
      ) : null}
    </View>
  )
}
ExportButton.displayName = 'ExportButton'
