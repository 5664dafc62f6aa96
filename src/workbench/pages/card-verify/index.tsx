import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { PageShell } from '@/components/page-shell'
import { ScanField } from '@/components/scan-field'
import { useSubmission } from '@/hooks/useSubmission'
import type { CardVerifyResult } from '@contract/cards'
import { verifyCard } from '@/services/api/workbench'
import { formatDate, formatTime } from '@/services/format'
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
  const [result, setResult] = useState<CardVerifyResult | null>(null)
  const checking = useSubmission({ report: 'none' })

  const check = async (token: string) => {
    const answer = await checking.submit({ token }, (body) => verifyCard(body.token))
    setResult(answer.ok ? answer.value : null)
  }

  return (
    <View>
      <ScanField
        noun='会员码'
        submitLabel='核验'
        busyText='正在核验…'
        busy={checking.busy}
        error={checking.fieldErrors.token ?? checking.error?.message}
        hint='会员码每分钟更新一次，请核验对方当场出示的码'
        name='token'
        onCode={check}
      />
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
