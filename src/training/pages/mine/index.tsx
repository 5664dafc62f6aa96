import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { MyEnrollmentList } from '@contract/lines/training'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { PageShell } from '@/components/page-shell'
import { PagedList } from '@/components/queue'
import { usePagedApi } from '@/hooks/usePagedApi'
import { formatDateTime } from '@/services/format'
import { listMyEnrollments } from '../../api'
import { CourseCard } from '../../parts'

const browse = () => void Taro.navigateTo({ url: pages.training.home.path })

/** 我的课程: those ahead first with the next session and attendance so far, then the rest. */
export default function MyCoursesPage() {
  const enrollments = usePagedApi<MyEnrollmentList>((cursor) => listMyEnrollments(cursor), [], { refreshOnShow: true })
  return (
    <PageShell className='tr-mine' onRefresh={enrollments.reload} requireLogin='查看您的课程需要先登录'>
      <View className='lg-body'>
        <View className='tr-home__links'>
          <Text className='lg-link' onClick={() => void Taro.navigateTo({ url: pages.training.checkIn.url({ sessionId: '' }) })}>
            扫码签到
          </Text>
          <Text className='lg-link' onClick={() => void Taro.navigateTo({ url: pages.training.certificates.path })}>
            我的证书
          </Text>
        </View>
        <PagedList
          state={enrollments}
          emptyText='还没有报名课程'
          emptyAction={
            <Button kind='primary' onClick={browse}>
              去看看课程
            </Button>
          }
          loadingText='正在读取您的课程…'
          renderItem={(item) => (
            <View key={item.id} className='lg-stack' data-enrollment={item.id}>
              <CourseCard
                course={item.course}
                myStatus={item.status}
                onTap={() => void Taro.navigateTo({ url: pages.training.course.url({ id: item.course.id }) })}
              />
              {item.nextSession ? <Text className='lg-muted'>下次上课：{formatDateTime(item.nextSession.startsAt)}</Text> : null}
              {item.waitlistPosition ? <Text className='lg-muted'>候补第 {item.waitlistPosition} 位</Text> : null}
              {item.offerExpiresAt ? (
                <Text className='lg-notice'>有名额空出，请在 {formatDateTime(item.offerExpiresAt)} 前到课程页确认</Text>
              ) : null}
              {item.sessionsPast > 0 ? (
                <Text className='lg-muted'>
                  已出勤 {item.attended} / {item.sessionsPast} 次
                </Text>
              ) : null}
              {item.certificateId ? (
                <Text
                  className='lg-link'
                  onClick={() => void Taro.navigateTo({ url: pages.training.certificate.url({ id: item.certificateId! }) })}
                >
                  查看结业证书
                </Text>
              ) : null}
            </View>
          )}
        />
      </View>
    </PageShell>
  )
}
