import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { attendanceStatusLabel, type CheckInResult } from '@contract/lines/training'
import { pages } from '@contract/pages'
import { PageShell } from '@/components/page-shell'
import { ScanField } from '@/components/scan-field'
import { useSubmission } from '@/hooks/useSubmission'
import { formatDateTime } from '@/services/format'
import { checkIn } from '../../api'

/** 扫码签到: scan the code staff show at the venue (or type it); once per session. */
export default function CheckInPage() {
  const sessionId = useRouter().params.sessionId || undefined
  const submission = useSubmission()
  const [done, setDone] = useState<CheckInResult>()

  const send = async (code: string) => {
    const result = await submission.submit({ code, sessionId }, (body, key) => checkIn(body, key))
    if (result.ok) setDone(result.value)
  }

  return (
    <PageShell className='tr-check-in' requireLogin='签到需要先登录'>
      <View className='lg-body'>
        {done ? (
          <View className='lg-card lg-stack' data-testid='check-in-done'>
            <Text className='lg-card__title'>{done.firstTime ? '签到成功' : '您已经签到过了'}</Text>
            <Text>{done.courseTitle}</Text>
            <Text className='lg-muted'>
              {attendanceStatusLabel[done.status]} · {formatDateTime(done.checkedInAt)}
            </Text>
            <Text className='lg-link' onClick={() => void Taro.redirectTo({ url: pages.training.course.url({ id: done.courseId }) })}>
              返回课程
            </Text>
          </View>
        ) : (
          <ScanField
            name='check-in-code'
            noun='签到码'
            submitLabel='签到'
            busyText='正在签到…'
            busy={submission.busy}
            error={submission.fieldErrors.code ?? submission.error?.message}
            onCode={(code) => void send(code)}
            hint='请扫描工作人员手机上的签到码。签到时间为上课前 30 分钟到下课。'
          />
        )}
      </View>
    </PageShell>
  )
}
