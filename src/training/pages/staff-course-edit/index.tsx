import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  AUDIENCES,
  audienceLabel,
  COURSE_CATEGORIES,
  COURSE_MODES,
  courseCategoryLabel,
  CourseInput,
  courseModeLabel,
  DISTRICTS,
  districtLabel,
  type StaffCourseDetail,
} from '@contract/lines/training'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { checkWith, ChoiceChips, Field, TextArea, TextInput } from '@/components/form'
import { PageShell } from '@/components/page-shell'
import { Section } from '@/components/section'
import { ErrorPanel, LoadingPanel } from '@/components/state-view'
import { useUserDraft } from '@/hooks/useDraft'
import { useSubmission } from '@/hooks/useSubmission'
import { toast } from '@/services/dialogs'
import { createCourse, getStaffCourse, updateCourse } from '../../api'

/** China wall-clock text (2026-12-05 09:00) ⇄ an instant. */
const toInstant = (text: string): string => {
  const match = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/.exec(text.trim())
  return match ? new Date(`${match[1]}T${match[2]}:00+08:00`).toISOString() : text
}
const toChina = (iso: string): string => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')

interface SessionDraft {
  id?: string
  startsAt: string
  endsAt: string
  topic: string
}
interface CourseDraft {
  title: string
  category: CourseInput['category'] | null
  summary: string
  organiser: string
  teacher: string
  mode: CourseInput['mode']
  district: CourseInput['district'] | null
  address: string
  onlineUrl: string
  capacity: string
  enrollDeadline: string
  audience: CourseInput['audience']
  fee: string
  subsidy: string
  completionRule: string
  completionPercent: string
  certificate: boolean
  cancelCutoffHours: string
  sessions: SessionDraft[]
}

const emptyDraft: CourseDraft = {
  title: '',
  category: null,
  summary: '',
  organiser: '',
  teacher: '',
  mode: 'offline',
  district: null,
  address: '',
  onlineUrl: '',
  capacity: '30',
  enrollDeadline: '',
  audience: 'members',
  fee: '0',
  subsidy: '0',
  completionRule: '出勤率达到 80%',
  completionPercent: '80',
  certificate: true,
  cancelCutoffHours: '24',
  sessions: [{ startsAt: '', endsAt: '', topic: '' }],
}

function fromCourse(course: StaffCourseDetail): CourseDraft {
  return {
    title: course.title,
    category: course.category,
    summary: course.summary,
    organiser: course.organiser,
    teacher: course.teacher,
    mode: course.mode,
    district: course.district,
    address: course.address ?? '',
    onlineUrl: course.onlineUrl ?? '',
    capacity: String(course.capacity),
    enrollDeadline: toChina(course.enrollDeadline),
    audience: course.audience,
    fee: String(course.fee),
    subsidy: String(course.subsidy),
    completionRule: course.completionRule,
    completionPercent: String(course.completionPercent),
    certificate: course.certificate,
    cancelCutoffHours: String(course.cancelCutoffHours),
    sessions: course.sessions.map((session) => ({
      id: session.id,
      startsAt: toChina(session.startsAt),
      endsAt: toChina(session.endsAt),
      topic: session.topic ?? '',
    })),
  }
}

function toInput(draft: CourseDraft) {
  const number = (text: string) => (text.trim() === '' ? undefined : Number(text))
  return {
    ...draft,
    category: draft.category ?? undefined,
    district: draft.mode === 'online' ? null : draft.district,
    address: draft.mode === 'online' ? null : draft.address,
    onlineUrl: draft.mode === 'offline' ? null : draft.onlineUrl,
    capacity: number(draft.capacity),
    enrollDeadline: toInstant(draft.enrollDeadline),
    fee: number(draft.fee),
    subsidy: number(draft.subsidy),
    completionPercent: number(draft.completionPercent),
    cancelCutoffHours: number(draft.cancelCutoffHours),
    sessions: draft.sessions.map((session) => ({
      ...(session.id ? { id: session.id } : {}),
      startsAt: toInstant(session.startsAt),
      endsAt: toInstant(session.endsAt),
      topic: session.topic || undefined,
    })),
  }
}

/** 开设 / 修改课程 (staff): a course and its sessions, saved as a draft (or straight onto a published course). */
export default function StaffCourseEditPage() {
  const id = useRouter().params.id || ''
  return (
    <PageShell className='tr-course-edit' requireLogin='请先登录工作人员账号'>
      <CourseForm id={id} />
    </PageShell>
  )
}

function CourseForm({ id }: { id: string }) {
  const draft = useUserDraft<CourseDraft>(`training-course-${id || 'new'}`, emptyDraft)
  const submission = useSubmission()
  const [version, setVersion] = useState<string>()
  const [loadError, setLoadError] = useState<string>()
  const errors = submission.fieldErrors
  const value = draft.value

  useEffect(() => {
    if (!id) return
    getStaffCourse(id).then(
      (course) => {
        setVersion(course.updatedAt)
        if (!draft.restored) draft.update(fromCourse(course))
      },
      (failure: Error) => setLoadError(failure.message),
    )
    // Loaded once for the course being edited.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id])

  const set = <K extends keyof CourseDraft>(field: K, next: CourseDraft[K]) => {
    draft.update((current) => ({ ...current, [field]: next }))
    submission.clearFieldError(field)
  }
  const setSession = (index: number, field: keyof SessionDraft, next: string) =>
    draft.update((current) => ({
      ...current,
      sessions: current.sessions.map((session, at) => (at === index ? { ...session, [field]: next } : session)),
    }))

  const save = async () => {
    const checked = checkWith(CourseInput, toInput(value))
    if (!checked.ok) {
      submission.setFieldErrors(checked.errors)
      return toast('请按提示修改标红的内容')
    }
    const result = await submission.submit(checked.data, (body, key) =>
      id ? updateCourse(id, version ?? '', body) : createCourse(body, key),
    )
    if (!result.ok) return
    draft.discard()
    toast(id ? '已保存' : '已存为草稿')
    void Taro.redirectTo({ url: pages.training.staffCourse.url({ id: result.value.id }) })
  }

  if (loadError) return <ErrorPanel message={loadError} />
  if (id && !version) return <LoadingPanel text='正在读取课程…' />

  const text = (
    name: 'title' | 'organiser' | 'teacher' | 'address' | 'onlineUrl' | 'completionRule',
    label: string,
    maxLength: number,
    placeholder?: string,
  ) => (
    <Field name={name} label={label} error={errors[name]}>
      <TextInput value={value[name]} onChange={(next) => set(name, next)} maxLength={maxLength} placeholder={placeholder} />
    </Field>
  )
  const number = (name: 'capacity' | 'fee' | 'subsidy' | 'completionPercent' | 'cancelCutoffHours', label: string, maxLength: number) => (
    <Field name={name} label={label} error={errors[name]}>
      <TextInput type='digit' value={value[name]} onChange={(next) => set(name, next)} maxLength={maxLength} />
    </Field>
  )

  return (
    <View className='lg-body'>
      {draft.restored ? <Text className='lg-notice'>已恢复您上次没保存的内容</Text> : null}
      <Section title='课程'>
        {text('title', '课程名称', 60)}
        <Field name='category' label='类别' error={errors.category}>
          <ChoiceChips
            name='category'
            options={COURSE_CATEGORIES.map((key) => ({ value: key, label: courseCategoryLabel[key] }))}
            value={value.category}
            onChange={(next) => set('category', next)}
          />
        </Field>
        <Field name='summary' label='课程介绍' error={errors.summary}>
          <TextArea value={value.summary} onChange={(next) => set('summary', next)} maxLength={1000} />
        </Field>
        {text('organiser', '主办单位', 60)}
        {text('teacher', '授课老师', 60)}
      </Section>
      <Section title='地点'>
        <ChoiceChips
          name='mode'
          options={COURSE_MODES.map((key) => ({ value: key, label: courseModeLabel[key] }))}
          value={value.mode}
          onChange={(next) => set('mode', next)}
        />
        {value.mode === 'offline' ? (
          <>
            <Field name='district' label='区县' error={errors.district}>
              <ChoiceChips
                name='district'
                options={DISTRICTS.map((key) => ({ value: key, label: districtLabel[key] }))}
                value={value.district}
                onChange={(next) => set('district', next)}
              />
            </Field>
            {text('address', '上课地点', 120)}
          </>
        ) : (
          text('onlineUrl', '线上课程链接', 300, 'https://')
        )}
      </Section>
      <Section title='报名'>
        {number('capacity', '招生人数', 4)}
        <Field name='enrollDeadline' label='报名截止' error={errors.enrollDeadline} hint='如 2026-12-20 18:00'>
          <TextInput value={value.enrollDeadline} onChange={(next) => set('enrollDeadline', next)} maxLength={16} />
        </Field>
        <ChoiceChips
          name='audience'
          options={AUDIENCES.map((key) => ({ value: key, label: audienceLabel[key] }))}
          value={value.audience}
          onChange={(next) => set('audience', next)}
        />
        {number('fee', '培训费用（元）', 7)}
        {number('subsidy', '补贴金额（元）', 7)}
        {number('cancelCutoffHours', '开课前多少小时停止取消', 3)}
      </Section>
      <Section title='结业'>
        {text('completionRule', '结业要求', 200)}
        {number('completionPercent', '结业出勤率（%）', 3)}
        <ChoiceChips
          name='certificate'
          options={[
            { value: true, label: '颁发结业证书' },
            { value: false, label: '不颁发证书' },
          ]}
          value={value.certificate}
          onChange={(next) => set('certificate', next)}
        />
      </Section>
      <Section title='上课时间'>
        {errors.sessions ? <Text className='lg-notice lg-notice--danger'>{errors.sessions}</Text> : null}
        {value.sessions.map((session, index) => (
          <View key={session.id ?? `new-${index}`} className='lg-card lg-stack' data-session-index={index}>
            <Field
              name={`sessions.${index}.startsAt`}
              label={`第 ${index + 1} 次 开始`}
              error={errors[`sessions.${index}.startsAt`]}
              hint='如 2026-12-21 09:00'
            >
              <TextInput value={session.startsAt} onChange={(next) => setSession(index, 'startsAt', next)} maxLength={16} />
            </Field>
            <Field name={`sessions.${index}.endsAt`} label='下课' error={errors[`sessions.${index}.endsAt`]}>
              <TextInput value={session.endsAt} onChange={(next) => setSession(index, 'endsAt', next)} maxLength={16} />
            </Field>
            <Field name={`sessions.${index}.topic`} label='本次内容' optional>
              <TextInput value={session.topic} onChange={(next) => setSession(index, 'topic', next)} maxLength={60} />
            </Field>
            {value.sessions.length > 1 ? (
              <Text
                className='lg-link'
                onClick={() =>
                  set(
                    'sessions',
                    value.sessions.filter((_, at) => at !== index),
                  )
                }
              >
                删除这次课
              </Text>
            ) : null}
          </View>
        ))}
        <Button block onClick={() => set('sessions', [...value.sessions, { startsAt: '', endsAt: '', topic: '' }])}>
          添加一次课
        </Button>
      </Section>
      <Button kind='primary' block busy={submission.busy} busyText='正在保存…' onClick={() => void save()}>
        {id ? '保存修改' : '存为草稿'}
      </Button>
    </View>
  )
}
