import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  COURSE_CATEGORIES,
  courseCategoryLabel,
  DISTRICTS,
  districtLabel,
  type CourseList,
  type CourseQuery,
} from '@contract/lines/training'
import { pages } from '@contract/pages'
import { ChoiceChips, TextInput } from '@/components/form'
import { PageShell } from '@/components/page-shell'
import { PagedList, QueueFilters } from '@/components/queue'
import { useDebounced } from '@/hooks/useDebounced'
import { usePagedApi } from '@/hooks/usePagedApi'
import { listCourses } from '../../api'
import { CourseCard } from '../../parts'
import './index.css'

type Category = NonNullable<CourseQuery['category']> | 'all'
type DistrictChoice = NonNullable<CourseQuery['district']> | 'all'

const categoryOptions = [
  { value: 'all' as Category, label: '全部' },
  ...COURSE_CATEGORIES.map((value) => ({ value: value as Category, label: courseCategoryLabel[value] })),
]
const districtOptions = [
  { value: 'all' as DistrictChoice, label: '全市' },
  ...DISTRICTS.map((value) => ({ value: value as DistrictChoice, label: districtLabel[value] })),
]

/** 教育培训: the course catalogue — categories, search, filters — by start date, with my courses a tap away. */
export default function TrainingHomePage() {
  const [category, setCategory] = useState<Category>('all')
  const [district, setDistrict] = useState<DistrictChoice>('all')
  const [text, setText] = useState('')
  const q = useDebounced(text.trim(), 400)
  const [filters, setFilters] = useState<Pick<CourseQuery, 'mode' | 'cost' | 'starts' | 'seats'>>({})
  const query: CourseQuery = {
    ...filters,
    category: category === 'all' ? undefined : category,
    district: district === 'all' ? undefined : district,
    q: q || undefined,
  }
  const courses = usePagedApi<CourseList>((cursor) => listCourses({ ...query, cursor }), [JSON.stringify(query)], { onReachBottom: true })
  const toggle = <K extends keyof typeof filters>(key: K, value: NonNullable<(typeof filters)[K]>) =>
    setFilters((current) => ({ ...current, [key]: current[key] === value ? undefined : value }))

  return (
    <PageShell className='tr-home' onRefresh={courses.reload}>
      <View className='lg-body'>
        <View className='tr-home__links'>
          <Text className='lg-link' onClick={() => void Taro.navigateTo({ url: pages.training.mine.path })}>
            我的课程
          </Text>
          <Text className='lg-link' onClick={() => void Taro.navigateTo({ url: pages.training.checkIn.url({ sessionId: '' }) })}>
            扫码签到
          </Text>
          <Text className='lg-link' onClick={() => void Taro.navigateTo({ url: pages.training.certificates.path })}>
            我的证书
          </Text>
          <Text className='lg-link' onClick={() => void Taro.navigateTo({ url: pages.training.claims.path })}>
            培训补贴
          </Text>
        </View>
        <TextInput value={text} onChange={setText} placeholder='搜索课程、老师或主办单位' maxLength={30} confirmType='search' />
        <ChoiceChips name='category' options={categoryOptions} value={category} onChange={setCategory} />
        <ChoiceChips name='district' options={districtOptions} value={district} onChange={setDistrict} />
        <QueueFilters
          name='filters'
          filters={[
            { key: 'offline', label: '线下', on: filters.mode === 'offline', onTap: () => toggle('mode', 'offline') },
            { key: 'online', label: '线上', on: filters.mode === 'online', onTap: () => toggle('mode', 'online') },
            { key: 'free', label: '免费', on: filters.cost === 'free', onTap: () => toggle('cost', 'free') },
            { key: 'subsidised', label: '有补贴', on: filters.cost === 'subsidised', onTap: () => toggle('cost', 'subsidised') },
            { key: 'month', label: '本月开课', on: filters.starts === 'this_month', onTap: () => toggle('starts', 'this_month') },
            { key: 'seats', label: '有名额', on: filters.seats === 'available', onTap: () => toggle('seats', 'available') },
          ]}
        />
        <PagedList
          state={courses}
          emptyText='没有符合条件的课程，换个条件试试'
          loadingText='正在读取课程…'
          renderItem={(course) => (
            <CourseCard
              key={course.id}
              course={course}
              onTap={() => void Taro.navigateTo({ url: pages.training.course.url({ id: course.id }) })}
            />
          )}
        />
      </View>
    </PageShell>
  )
}
