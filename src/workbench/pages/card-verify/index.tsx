import Taro from '@tarojs/taro'
import { Textarea, Text, View } from '@tarojs/components'
import { useState } from 'react'
import dayjs from 'dayjs'
import type { CardVerifyResult } from '@contract/lines/membership'
import { FormField } from '@/components/form-field'
import { PageShell } from '@/components/page-shell'
import { verifyCard } from '@/services/api/membership'
import { toApiError } from '@/services/api-error'
import { isWeapp } from '@/services/session'
import './index.css'

const verdict: Record<CardVerifyResult['result'], { title: string; text: string }> = {
  valid: { title: '有效会员', text: '会员码有效，是在册的工会会员。' },
  expired: { title: '会员码已过期', text: '这是一张旧的会员码（可能是截图）。请对方在手机上刷新会员码后重新出示。' },
  invalid: { title: '无效会员码', text: '无法识别这个会员码，或会员资格已终止。' },
}

/** 核验会员码: scan a member's QR code and see whether it is a current card (details masked). */
export default function CardVerifyPage() {
  const [token, setToken] = useState('')
  const [result, setResult] = useState<CardVerifyResult | null>(null)
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const check = async (value: string) => {
    if (!value.trim()) {
      setError('请先扫描或粘贴会员码')
      return
    }
    setBusy(true)
    setError(undefined)
    try {
      setResult(await verifyCard(value.trim()))
    } catch (caught) {
      const apiError = toApiError(caught)
      setError(apiError.fields.token ?? apiError.message)
    } finally {
      setBusy(false)
    }
  }

  const scan = async () => {
    try {
      const scanned = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
      setToken(scanned.result)
      await check(scanned.result)
    } catch {
      // Cancelled by the user: nothing to do.
    }
  }

  return (
    <PageShell className='card-verify'>
      {isWeapp ? (
        <View className='btn btn-primary btn-block' onClick={() => void scan()}>
          {busy ? '正在核验…' : '扫描会员码'}
        </View>
      ) : null}
      <View className='card'>
        <FormField
          label={isWeapp ? '或粘贴会员码内容' : '会员码内容'}
          name='token'
          error={error}
          hint='会员码每分钟更新一次，请核验对方当场出示的码'
        >
          <Textarea
            className='form-textarea'
            value={token}
            maxlength={512}
            placeholder='粘贴扫码得到的内容'
            onInput={(event) => setToken(event.detail.value)}
          />
        </FormField>
        <View className='btn' onClick={() => void check(token)}>
          {busy ? '正在核验…' : '核验'}
        </View>
      </View>
      {result ? (
        <View className={`card verify-result verify-${result.result}`} data-testid='verify-result' data-result={result.result}>
          <Text className='verify-title'>{verdict[result.result].title}</Text>
          <Text>{verdict[result.result].text}</Text>
          {result.member ? (
            <View className='verify-member'>
              <Text>姓名：{result.member.nameMasked}</Text>
              <Text>会员号：{result.member.memberNumberMasked}</Text>
              <Text>工会：{result.member.orgName}</Text>
              <Text>入会日期：{dayjs(result.member.joinedAt).format('YYYY年M月D日')}</Text>
            </View>
          ) : null}
          <Text className='muted'>核验时间 {dayjs(result.checkedAt).format('HH:mm:ss')}</Text>
        </View>
      ) : null}
    </PageShell>
  )
}
