import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { courseCategoryLabel, type CertificateView } from '@contract/lines/training'
import { pages } from '@contract/pages'
import { FactList } from '@/components/fact-list'
import { RecordPage } from '@/components/page-shell'
import { toast } from '@/services/dialogs'
import { formatDate } from '@/services/format'
import { getMyCertificate } from '../../api'
import './index.css'

/** A completion certificate: its number and the verification code anyone can check. */
export default function CertificatePage() {
  return (
    <RecordPage className='tr-certificate' requireLogin='查看证书需要先登录' load={getMyCertificate} loadingText='正在读取证书…'>
      {(item) => <CertificateCard item={item} />}
    </RecordPage>
  )
}

function CertificateCard({ item }: { item: CertificateView }) {
  const copy = () =>
    void Taro.setClipboardData({ data: item.verifyCode }).then(
      () => toast('查验码已复制'),
      () => undefined,
    )
  return (
    <View className='lg-body'>
      <View className='lg-card lg-stack tr-certificate__paper' data-testid='certificate'>
        <Text className='tr-certificate__title'>结业证书</Text>
        <Text className='tr-certificate__name'>{item.holderName}</Text>
        <Text>
          于 {item.startedOn} 至 {item.endedOn} 参加《{item.courseTitle}》（{courseCategoryLabel[item.category]}），出勤率{' '}
          {item.attendancePercent}%，准予结业。
        </Text>
        <Text className='lg-muted'>
          {item.organiser} · {formatDate(item.issuedAt)}
        </Text>
      </View>
      <FactList
        facts={[
          { label: '证书编号', value: item.number, wide: true },
          {
            label: '查验码',
            value: (
              <Text className='lg-link' onClick={copy} data-testid='verify-code'>
                {item.verifyCode}（复制）
              </Text>
            ),
            wide: true,
          },
        ]}
      />
      <Text className='lg-muted'>任何人都可以在“证书查验”中输入查验码，核对这张证书的真伪。</Text>
      <Text className='lg-link' onClick={() => void Taro.navigateTo({ url: pages.training.verify.url({ code: item.verifyCode }) })}>
        查验这张证书
      </Text>
    </View>
  )
}
