import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { aidTypeLabel, causeLabel, fileLabelText, tierLabel } from '@contract/lines/hardship'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { FactList } from '@/components/fact-list'
import { PageShell, usePageRefresh } from '@/components/page-shell'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { formatYuan } from '@/services/format'
import { getMyHardshipFile } from '../../api'
import { aidText, ApplicationStatusTag, FileStatusTag, Members } from '../../parts'
import './index.css'

/** 我的困难档案: the household's file, the aid this year, and when it is reviewed next. */
export default function MyHardshipFilePage() {
  const state = useApi(getMyHardshipFile, [])
  usePageRefresh(state.reload)
  return (
    <PageShell className='hs-file' requireLogin='查看档案需要先登录'>
      <StateView
        state={state}
        isEmpty={(data) => data.file === null}
        emptyText='还没有建立困难职工档案：申请获批后会为您的家庭建档'
        emptyAction={<Button onClick={() => void Taro.navigateTo({ url: pages.hardship.mine.path })}>我的申请</Button>}
        loadingText='正在读取档案…'
      >
        {({ file }) =>
          file ? (
            <View className='lg-body'>
              <View className='lg-card lg-stack'>
                <View className='lg-spread'>
                  <Text className='lg-title'>{file.fileNo}</Text>
                  <FileStatusTag status={file.status} />
                </View>
                <FactList
                  facts={[
                    { label: '困难类型', value: file.tier ? tierLabel[file.tier] : '—' },
                    { label: '类别', value: file.label ? fileLabelText[file.label] : '—' },
                    {
                      label: '致困原因',
                      value:
                        [file.mainCause, file.secondaryCause]
                          .filter(Boolean)
                          .map((cause) => causeLabel[cause!])
                          .join('、') || '—',
                    },
                    { label: '建档单位', value: file.orgName, wide: true },
                    { label: '建档日期', value: file.archivedOn ?? '—' },
                    { label: '下次年度复核', value: file.nextReviewOn ?? '—' },
                  ]}
                />
              </View>
              <Section title={`${file.year} 年已获帮扶`}>
                {file.ledger.length ? (
                  <FactList
                    facts={file.ledger.map((row) => ({
                      label: aidTypeLabel[row.type],
                      value: `批准 ${formatYuan(row.approved)}，已发放 ${formatYuan(row.paid)}`,
                    }))}
                  />
                ) : (
                  <Text className='lg-muted'>今年还没有获批的帮扶。</Text>
                )}
              </Section>
              <Section title='家庭成员'>
                <Members members={file.members} />
              </Section>
              <Section title='申请记录'>
                {file.applications.map((application) => (
                  <View
                    key={application.id}
                    className='lg-spread'
                    onClick={() => void Taro.navigateTo({ url: pages.hardship.application.url({ id: application.id }) })}
                  >
                    <Text className='lg-link'>
                      {application.applicationNo} {aidText(application.aidTypes)}
                    </Text>
                    <ApplicationStatusTag status={application.status} />
                  </View>
                ))}
              </Section>
            </View>
          ) : null
        }
      </StateView>
    </PageShell>
  )
}
