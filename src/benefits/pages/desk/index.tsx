import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import {
  offerKindLabel,
  type DeskCheck,
  type DeskHome,
  type DeskRedemptionList,
  type Redemption,
  type Statement,
} from '@contract/lines/benefits'
import { Button } from '@/components/button'
import { ChoiceChips, Field, TextInput } from '@/components/form'
import { FactList } from '@/components/fact-list'
import { PageShell } from '@/components/page-shell'
import { PagedList } from '@/components/queue'
import { ScanField } from '@/components/scan-field'
import { StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { usePagedApi } from '@/hooks/usePagedApi'
import { useSubmission } from '@/hooks/useSubmission'
import { confirm, toast } from '@/services/dialogs'
import { formatDateTime, formatTime, formatYuan } from '@/services/format'
import { checkDeskCode, getDeskHome, getDeskStatement, listDeskRedemptions, redeemAtDesk, undoAtDesk } from '../../api'
import '../benefits.css'

type Tab = 'scan' | 'today' | 'month'

/** 商户收银台: scan a coupon or member card, confirm once, undo within minutes; today's list and this month's statement. */
export default function DeskPage() {
  const home = useApi<DeskHome>(getDeskHome, [])
  const [chosen, setChosen] = useState<string>()
  const [tab, setTab] = useState<Tab>('scan')
  return (
    <PageShell className='bn-desk' onRefresh={home.reload} requireLogin='使用收银台需要先登录'>
      <View className='lg-body'>
        <StateView
          state={home}
          isEmpty={(data) => data.merchants.length === 0}
          emptyText='您还不是合作商户的收银员。请向工会工作人员索取收银员邀请码，在“我的”中输入。'
          loadingText='正在读取门店…'
        >
          {(data) => {
            const merchantId = chosen ?? data.merchants[0]!.id
            const merchant = data.merchants.find((entry) => entry.id === merchantId)!
            return (
              <View className='lg-stack'>
                {data.merchants.length > 1 ? (
                  <ChoiceChips
                    name='merchant'
                    value={merchantId}
                    onChange={setChosen}
                    options={data.merchants.map((entry) => ({ value: entry.id, label: entry.name }))}
                  />
                ) : (
                  <Text className='lg-card__title'>{merchant.name}</Text>
                )}
                {merchant.status !== 'active' ? <Text className='bn-error'>本店合作已暂停，暂时不能核销会员优惠</Text> : null}
                <ChoiceChips
                  name='tab'
                  value={tab}
                  onChange={setTab}
                  options={[
                    { value: 'scan', label: '扫码核销' },
                    { value: 'today', label: '今日核销' },
                    { value: 'month', label: '本月对账' },
                  ]}
                />
                {tab === 'scan' ? <Scan merchantId={merchantId} /> : null}
                {tab === 'today' ? <Today merchantId={merchantId} undoMinutes={data.undoMinutes} /> : null}
                {tab === 'month' ? <Month merchantId={merchantId} /> : null}
              </View>
            )
          }}
        </StateView>
      </View>
    </PageShell>
  )
}

function Scan({ merchantId }: { merchantId: string }) {
  const [code, setCode] = useState<string>()
  const [check, setCheck] = useState<DeskCheck>()
  const [checkError, setCheckError] = useState<string>()
  const [bill, setBill] = useState('')
  const [done, setDone] = useState<Redemption>()
  const submission = useSubmission({ report: 'none' })

  const read = async (scanned: string) => {
    setDone(undefined)
    setCheck(undefined)
    setCheckError(undefined)
    setBill('')
    try {
      setCheck(await checkDeskCode({ merchantId, code: scanned }))
      setCode(scanned)
    } catch (error) {
      setCheckError((error as Error).message)
    }
  }
  const redeem = async () => {
    if (!check || !code) return
    const billAmount = check.needsBillAmount ? Number(bill) : undefined
    if (check.needsBillAmount && !(billAmount! > 0)) {
      submission.setFieldErrors({ billAmount: '请填写消费金额' })
      return
    }
    if (
      !(await confirm({
        title: '确认核销',
        content: `${check.title}（${check.memberNameMasked}）${billAmount ? `，消费 ${billAmount} 元` : ''}`,
        confirmText: '确认核销',
      }))
    )
      return
    const result = await submission.submit({ merchantId, code, billAmount }, (body, key) => redeemAtDesk(body, key))
    if (result.ok) {
      setDone(result.value)
      setCheck(undefined)
      setCode(undefined)
      toast('核销成功')
    }
  }
  return (
    <View className='lg-stack'>
      <View className='lg-card lg-stack'>
        <ScanField
          noun='券码或会员码'
          submitLabel='识别'
          onCode={read}
          error={checkError}
          hint='请会员打开“我的卡券”中的券码，或电子会员卡的会员码'
        />
      </View>
      {check ? (
        <View className='lg-card lg-stack' data-testid='desk-check'>
          <View className='bn-row'>
            <Text className='lg-tag'>
              {check.kind === 'card' ? '会员卡折扣' : offerKindLabel[check.offerKind as keyof typeof offerKindLabel]}
            </Text>
            <Text className='lg-card__title'>{check.title}</Text>
          </View>
          <Text>{check.summary}</Text>
          <FactList
            facts={[
              { label: '会员', value: `${check.memberNameMasked}（${check.memberNumberMasked}）` },
              check.couponExpiresAt ? { label: '有效期至', value: formatDateTime(check.couponExpiresAt) } : null,
              check.threshold !== null ? { label: '使用门槛', value: `消费满 ${check.threshold} 元` } : null,
            ]}
          />
          {check.needsBillAmount ? (
            <Field label='消费金额（元）' name='billAmount' error={submission.fieldErrors.billAmount}>
              <TextInput
                value={bill}
                onChange={(value) => (setBill(value), submission.clearFieldError('billAmount'))}
                type='digit'
                maxLength={9}
                placeholder='如 128.50'
              />
            </Field>
          ) : null}
          {submission.error && !Object.keys(submission.fieldErrors).length ? (
            <Text className='bn-error'>{submission.error.message}</Text>
          ) : null}
          <Button kind='primary' block testId='redeem' busy={submission.busy} busyText='正在核销…' onClick={() => void redeem()}>
            确认核销
          </Button>
        </View>
      ) : null}
      {done ? (
        <View className='lg-card lg-stack' data-testid='desk-done'>
          <Text className='lg-card__title'>核销成功</Text>
          <Text>
            {done.title} · {done.memberNameMasked} · 会员节省 {formatYuan(done.saved)}
          </Text>
          <Text className='lg-muted'>{formatTime(done.at)} 核销；如需撤销请到“今日核销”</Text>
        </View>
      ) : null}
    </View>
  )
}

function Today({ merchantId, undoMinutes }: { merchantId: string; undoMinutes: number }) {
  const list = usePagedApi<DeskRedemptionList>((cursor) => listDeskRedemptions(merchantId, cursor), [merchantId])
  const submission = useSubmission({ reload: list.reload })
  const [reason, setReason] = useState('')
  const undo = async (item: Redemption) => {
    if (reason.trim().length < 2) {
      toast('请先填写撤销原因')
      return
    }
    if (
      !(await confirm({
        title: '撤销核销',
        content: `撤销“${item.title}”（${item.memberNameMasked}）？撤销后券可再次使用。`,
        confirmText: '撤销',
        danger: true,
      }))
    )
      return
    const result = await submission.submit({ id: item.id, reason }, (body, key) => undoAtDesk(body.id, body.reason, key), item.id)
    if (result.ok) {
      setReason('')
      toast('已撤销')
      void list.reload()
    }
  }
  return (
    <View className='lg-stack'>
      <Field label='撤销原因' hint={`核销后 ${undoMinutes} 分钟内可撤销，撤销会留痕`}>
        <TextInput value={reason} onChange={setReason} maxLength={100} placeholder='如：顾客取消点单' />
      </Field>
      <PagedList
        state={list}
        emptyText='今天还没有核销'
        loadingText='正在读取今日核销…'
        header={(data) => (
          <View className='lg-card'>
            <Text>
              今日核销 {data.totals.count} 笔，会员节省 {formatYuan(data.totals.saved)}，其中工会代金券{' '}
              {formatYuan(data.totals.unionFunded)}
              {data.totals.undone ? `；撤销 ${data.totals.undone} 笔` : ''}
            </Text>
          </View>
        )}
        renderItem={(item) => (
          <View key={item.id} className='lg-card lg-stack' data-redemption={item.id}>
            <Text className='lg-card__title'>{item.title}</Text>
            <Text className='lg-muted'>
              {formatTime(item.at)} · {item.memberNameMasked} · {item.cashierName} ·{' '}
              {item.status === 'undone' ? `已撤销（${item.undoReason ?? ''}）` : `节省 ${formatYuan(item.saved)}`}
            </Text>
            {item.undoUntil ? (
              <Button kind='danger' busy={submission.busy} onClick={() => void undo(item)}>
                撤销
              </Button>
            ) : null}
          </View>
        )}
      />
    </View>
  )
}

function Month({ merchantId }: { merchantId: string }) {
  const statement = useApi<Statement>(() => getDeskStatement(merchantId), [merchantId])
  return (
    <StateView state={statement} loadingText='正在读取本月对账…'>
      {(data) => (
        <View className='lg-card lg-stack'>
          <Text className='lg-card__title'>{data.month} 对账</Text>
          <Text>
            核销 {data.count} 笔，会员节省 {formatYuan(data.saved)}；工会代金券 {data.unionCount} 张，应结算 {formatYuan(data.unionValue)}
            {data.settled ? '（已结算）' : ''}
          </Text>
          {data.lines.map((line) => (
            <Text key={`${line.offerId ?? 'card'}-${line.title}`} className='lg-muted'>
              {line.title}：{line.count} 笔，{formatYuan(line.saved)}（{line.fundedBy === 'union' ? '工会出资' : '商户让利'}）
            </Text>
          ))}
        </View>
      )}
    </StateView>
  )
}
