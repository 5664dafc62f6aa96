import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import {
  FILE_QUEUE_TABS,
  fileLabelText,
  fileQueueTabLabel,
  tierLabel,
  type FileQueueTab,
  type StaffFileList,
} from '@contract/lines/hardship'
import { pages } from '@contract/pages'
import { PageShell } from '@/components/page-shell'
import { PagedList, QueueTabs } from '@/components/queue'
import { usePagedApi } from '@/hooks/usePagedApi'
import { formatDay } from '@/services/format'
import { listHardshipFiles } from '../../api'
import { FileStatusTag } from '../../parts'
import './index.css'

const TABS = FILE_QUEUE_TABS.map((tab) => ({ key: tab, label: fileQueueTabLabel[tab] }))

/** 困难职工档案: the yearly review queue first (overdue flagged), then the files by status. */
export default function HardshipFilesPage() {
  const [tab, setTab] = useState<FileQueueTab>('review_due')
  const files = usePagedApi<StaffFileList>((cursor) => listHardshipFiles({ tab, cursor }), [tab])
  return (
    <PageShell className='hs-staff-files' onRefresh={files.reload} requireLogin='查看档案需要先登录'>
      <QueueTabs tabs={TABS} value={tab} onChange={setTab} counts={files.data?.counts} scroll />
      <View className='lg-body'>
        <PagedList
          state={files}
          emptyText='没有符合条件的档案'
          loadingText='正在读取档案…'
          renderItem={(file) => (
            <View
              key={file.id}
              className='lg-card lg-stack'
              data-file={file.id}
              onClick={() => void Taro.navigateTo({ url: pages.hardship.staffFile.url({ id: file.id }) })}
            >
              <View className='lg-spread'>
                <Text className='lg-title'>
                  {file.headName} · {file.fileNo}
                </Text>
                <FileStatusTag status={file.status} />
              </View>
              <Text className='lg-muted'>
                {file.orgName} · {file.tier ? tierLabel[file.tier] : '—'}
                {file.label ? ` · ${fileLabelText[file.label]}` : ''}
              </Text>
              {file.reviewBy ? (
                <Text className={file.overdue ? 'lg-tag lg-tag--danger' : 'lg-muted'}>
                  年度复核期限 {formatDay(file.reviewBy)}
                  {file.overdue ? '（已逾期）' : ''}
                </Text>
              ) : file.nextReviewOn ? (
                <Text className='lg-muted'>下次复核 {file.nextReviewOn}</Text>
              ) : null}
            </View>
          )}
        />
      </View>
    </PageShell>
  )
}
