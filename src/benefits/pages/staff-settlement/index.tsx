import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { districtLabel, type SettlementList, type SettlementRow } from '@contract/lines/benefits'
import { Button } from '@/components/button'
import { ExportButton } from '@/components/export-button'
import { Field, TextInput } from '@/components/form'
import { PageShell } from '@/components/page-shell'
import { StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { useSubmission } from '@/hooks/useSubmission'
import { confirm, toast } from '@/services/dialogs'
import { formatDateTime, formatYuan } from '@/services/format'
import { listSettlements, settleMonth } from '../../api'
import '../benefits.css'

/** 代金券结算: per merchant, the union-funded vouchers redeemed in a month; exported as Excel; marked settled. */
export default function StaffSettlementPage() {
  const [month, setMonth] = useState('')
  const [asked, setAsked] = useState<string>()
  const state = useApi<SettlementList>(() => listSettlements(asked), [asked])
  const submission = useSubmission({ reload: state.reload })
  const settle = async (row: SettlementRow, shownMonth: string) => {
    if (
      !(await confirm({
        title: '确认结算',
        content: `${row.merchantName} ${shownMonth}：代金券 ${row.voucherCount} 张，${formatYuan(row.voucherValue)}`,
        confirmText: '已结算',
      }))
    )
      return
    const result = await submission.submit(
      { merchantId: row.merchantId, month: shownMonth },
      (body, key) => settleMonth(body, key),
      row.merchantId,
    )
    if (result.ok) {
      toast('已标记结算')
      void state.reload()
    }
  }
  return (
    <PageShell className='bn-settlement' onRefresh={state.reload} requireLogin='请先登录'>
      <View className='lg-body'>
        <View className='lg-card lg-stack'>
          <Field label='月份（YYYY-MM，默认上月）'>
            <TextInput value={month} onChange={setMonth} maxLength={7} placeholder='2026-11' />
          </Field>
          <Button onClick={() => setAsked(/^\d{4}-\d{2}$/.test(month) ? month : undefined)}>查看</Button>
        </View>
        <StateView state={state} loadingText='正在读取结算…'>
          {(data) => (
            <View className='lg-stack'>
              <View className='lg-card lg-stack'>
                <Text className='lg-card__title'>{data.month} 工会代金券</Text>
                <Text>
                  {data.rows.length} 家商户，{data.totalCount} 张，合计 {formatYuan(data.totalValue)}
                  {data.monthClosed ? '' : '（本月尚未结束）'}
                </Text>
                <ExportButton
                  path={`/api/workbench/benefits/settlements/export?month=${data.month}`}
                  fileName={`商户代金券结算-${data.month}.xlsx`}
                  block
                />
              </View>
              {data.rows.length === 0 ? <Text className='lg-muted'>这个月没有核销的工会代金券</Text> : null}
              {data.rows.map((row) => (
                <View key={row.merchantId} className='lg-card lg-stack' data-settlement={row.merchantId}>
                  <Text className='lg-card__title'>{row.merchantName}</Text>
                  <Text className='lg-muted'>
                    {districtLabel[row.district]} · {row.voucherCount} 张 · {formatYuan(row.voucherValue)}
                  </Text>
                  {row.status === 'settled' ? (
                    <Text>
                      已结算 {row.settledAt ? formatDateTime(row.settledAt) : ''} {row.settledByName ?? ''}
                    </Text>
                  ) : data.monthClosed ? (
                    <Button kind='primary' busy={submission.busy} onClick={() => void settle(row, data.month)}>
                      标记已结算
                    </Button>
                  ) : (
                    <Text className='lg-muted'>月底后结算</Text>
                  )}
                </View>
              ))}
            </View>
          )}
        </StateView>
      </View>
    </PageShell>
  )
}
