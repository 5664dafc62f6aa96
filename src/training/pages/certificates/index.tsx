import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { CertificateList } from '@contract/lines/training'
import { pages } from '@contract/pages'
import { PageShell } from '@/components/page-shell'
import { PagedList } from '@/components/queue'
import { usePagedApi } from '@/hooks/usePagedApi'
import { formatDate } from '@/services/format'
import { listMyCertificates } from '../../api'

/** 我的证书: the completion certificates I hold, newest first. */
export default function CertificatesPage() {
  const certificates = usePagedApi<CertificateList>((cursor) => listMyCertificates(cursor), [])
  return (
    <PageShell className='tr-certificates' onRefresh={certificates.reload} requireLogin='查看证书需要先登录'>
      <View className='lg-body'>
        <PagedList
          state={certificates}
          emptyText='还没有结业证书。课程结束、出勤达到要求后会自动颁发。'
          loadingText='正在读取证书…'
          renderItem={(item) => (
            <View
              key={item.id}
              className='lg-card lg-stack'
              data-certificate={item.id}
              onClick={() => void Taro.navigateTo({ url: pages.training.certificate.url({ id: item.id }) })}
            >
              <Text className='lg-card__title'>{item.courseTitle}</Text>
              <Text className='lg-muted'>
                {item.number} · {formatDate(item.issuedAt)}
              </Text>
            </View>
          )}
        />
        <Text className='lg-link' onClick={() => void Taro.navigateTo({ url: pages.training.verify.url({ code: '' }) })}>
          查验一张证书
        </Text>
      </View>
    </PageShell>
  )
}
