import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Button } from '@/components/button'
import { Field, TextArea } from '@/components/form'
import { PageShell } from '@/components/page-shell'
import { useSubmission } from '@/hooks/useSubmission'
import type { CardVerifyResult } from '@contract/cards'
import { verifyCard } from '@/services/api/workbench'
import { formatDate, formatTime } from '@/services/format'
import { isWeapp } from '@/services/session'
import './index.css'

const verdict: Record<CardVerifyResult['result'], { title: string; text: string }> = {
  valid: { title: '有效会员', text: '会员码有效，是在册的工会会员。' },
  expired: { title: '会员码已过期', text: '这是一张旧的会员码（可能是截图）。请对方在手机上刷新会员码后重新出示。' },
  invalid: { title: '无效会员码', text: '无法识别这个会员码，或会员资格已终止。' },
}

/** 核验会员码: scan a member's QR code and see whether it is a current card (details masked). */
export default function CardVerifyPage() {
  return (
    <PageShell className='wb-verify' requireLogin='核验会员码需要先登录'>
      <CardVerify />
    </PageShell>
  )
}

function CardVerify() {
  const [token, setToken] = useState('')
  const [result, setResult] = useState<CardVerifyResult | null>(null)
  const checking = useSubmission({ report: 'none' })

  const check = async (value: string) => {
    if (!value.trim()) return checking.setFieldErrors({ token: '请先扫描或粘贴会员码' })
    const answer = await checking.submit({ token: value.trim() }, (body) => verifyCard(body.token))
    if (answer.ok) setResult(answer.value)
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
    <View>
      {isWeapp ? (
        <Button kind='primary' block busy={checking.busy} busyText='正在核验…' onClick={() => void scan()}>
          扫描会员码
        </Button>
      ) : null}
      <View className='lg-card'>
        <Field
          label={isWeapp ? '或粘贴会员码内容' : '会员码内容'}
          name='token'
          error={checking.fieldErrors.token ?? checking.error?.message}
          hint='会员码每分钟更新一次，请核验对方当场出示的码'
        >
          <TextArea
            value={token}
            maxLength={512}
            showCount={false}
            placeholder='粘贴扫码得到的内容'
            onChange={(next) => {
              setToken(next)
              checking.clearFieldError('token')
            }}
          />
        </Field>
        <Button testId='verify' busy={checking.busy} busyText='正在核验…' onClick={() => void check(token)}>
          核验
        </Button>
      </View>
      {result ? (
        <View
          className={`lg-card wb-verify__result wb-verify__result--${result.result}`}
          data-testid='verify-result'
          data-result={result.result}
        >
          <Text className='wb-verify__title'>{verdict[result.result].title}</Text>
          <Text>{verdict[result.result].text}</Text>
          {result.member ? (
            <View className='wb-verify__member'>
              <Text>姓名：{result.member.nameMasked}</Text>
              <Text>会员号：{result.member.memberNumberMasked}</Text>
              <Text>工会：{result.member.orgName}</Text>
              <Text>入会日期：{formatDate(result.member.joinedAt)}</Text>
            </View>
          ) : null}
          <Text className='lg-muted'>核验时间 {formatTime(result.checkedAt)}</Text>
        </View>
      ) : null}
    </View>
  )
}
