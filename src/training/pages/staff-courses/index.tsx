import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { STAFF_COURSE_TABS, staffCourseTabLabel, type StaffCourseList, type StaffCourseTab } from '@contract/lines/training'
import { pages } from '@contract/pages'
import { TextInput } from '@/components/form'
import { PageShell } from '@/components/page-shell'
import { PagedList, QueueTabs } from '@/components/queue'
import { useDebounced } from '@/hooks/useDebounced'
import { usePagedApi } from '@/hooks/usePagedApi'
import { listStaffCourses } from '../../api'
import { CourseCard } from '../../parts'

const tabs = STAFF_COURSE_TABS.map((key) => ({ key, label: staffCourseTabLabel[key] }))

/** 培训课程 (staff): the courses my unions run, by tab, each opening its roster and sessions. */
export default function StaffCoursesPage() {
  const [tab, setTab] = useState<StaffCourseTab>('active')
  const [text, setText] = useState('')
  const q = useDebounced(text.trim(), 400)
  const courses = usePagedApi<StaffCourseList>((cursor) => listStaffCourses({ tab, q: q || undefined, cursor }), [tab, q], {
    onReachBottom: true,
  })
  return (
    <PageShell className='tr-staff-courses' onRefresh={courses.reload} requireLogin='请先登录工作人员账号'>
      <View className='lg-body'>
        <QueueTabs tabs={tabs} value={tab} onChange={setTab} counts={courses.data?.counts} scroll />
        <TextInput value={text} onChange={setText} placeholder='按课程名称搜索' maxLength={30} confirmType='search' />
        <View className='tr-home__links'>
          <Text className='lg-link' onClick={() => void Taro.navigateTo({ url: pages.training.staffCourseEdit.url({ id: '' }) })}>
            开设新课程
          </Text>
          <Text className='lg-link' onClick={() => void Taro.navigateTo({ url: pages.training.staffStats.path })}>
            培训数据看板
          </Text>
        </View>
        <PagedList
          state={courses}
          emptyText='这里还没有课程'
          loadingText='正在读取课程…'
          renderItem={(course) => (
            <View key={course.id} className='lg-stack'>
              <CourseCard
                course={{ ...course, myStatus: null }}
                myStatus={null}
                onTap={() => void Taro.navigateTo({ url: pages.training.staffCourse.url({ id: course.id }) })}
              />
              <Text className='lg-muted'>
                {course.orgName} · 已报名 {course.enrolledCount} 人
              </Text>
            </View>
          )}
        />
      </View>
    </PageShell>
  )
}
