import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { CertificateVerification } from '@contract/lines/training'
import { Button } from '@/components/button'
import { FactList } from '@/components/fact-list'
import { Field, TextInput } from '@/components/form'
import { PageShell } from '@/components/page-shell'
import type { ApiError } from '@/services/api-error'
import { verifyCertificate } from '../../api'

/** 证书查验 (public): anyone types a certificate's code and sees whether it is genuine. */
export default function VerifyPage() {
  const initial = useRouter().params.code ?? ''
  const [code, setCode] = useState(initial)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<CertificateVerification>()
  const [error, setError] = useState<string>()

  const check = async (value: string) => {
    if (!value.trim()) {
      setError('请输入证书上的查验码')
      return
    }
    setBusy(true)
    setError(undefined)
    setResult(undefined)
    try {
      setResult(await verifyCertificate(value.trim()))
    } catch (failure) {
      setError((failure as ApiError).message ?? '查验失败，请稍后再试')
    } finally {
      setBusy(false)
    }
  }
  useEffect(() => {
    if (initial) void check(initial)
    // Only the code the page was opened with is checked at once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  return (
    <PageShell className='tr-verify'>
      <View className='lg-body'>
        <Field label='查验码' name='code' error={error} hint='结业证书上印有 10 位查验码，如 ABCDE-FGHJK'>
          <TextInput value={code} onChange={setCode} maxLength={20} placeholder='请输入查验码' />
        </Field>
        <Button kind='primary' block busy={busy} busyText='正在查验…' onClick={() => void check(code)}>
          查验
        </Button>
        {result ? (
          <View className='lg-card lg-stack' data-testid='verify-result'>
            <Text className={result.result === 'valid' ? 'lg-notice' : 'lg-notice lg-notice--danger'}>
              {result.result === 'valid' ? '证书真实有效' : '该证书已被撤销'}
            </Text>
            <FactList
              facts={[
                { label: '证书编号', value: result.number, wide: true },
                { label: '持证人', value: result.holderNameMasked },
                { label: '课程', value: result.courseTitle, wide: true },
                { label: '主办单位', value: result.organiser, wide: true },
                { label: '颁发日期', value: result.issuedOn },
              ]}
            />
          </View>
        ) : null}
      </View>
    </PageShell>
  )
}
