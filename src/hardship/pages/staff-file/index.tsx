import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import {
  aidTypeLabel,
  AnnualReviewBody,
  causeLabel,
  closeReasonLabel,
  fileLabelText,
  hardshipFileWorkflow,
  options,
  tierLabel,
  type StaffFileDetail,
} from '@contract/lines/hardship'
import { pages } from '@contract/pages'
import { ActionCard } from '@/components/action-card'
import { FactList } from '@/components/fact-list'
import { ChoiceChips, Field, TextArea, TextInput } from '@/components/form'
import { RecordPage } from '@/components/page-shell'
import { Section } from '@/components/section'
import { Timeline } from '@/components/timeline'
import { useUserDraft } from '@/hooks/useDraft'
import { formatDate, formatDay, formatYuan } from '@/services/format'
import { getStaffHardshipFile, reviewHardshipFile } from '../../api'
import { aidText, ApplicationStatusTag, FileStatusTag, Members } from '../../parts'
import './index.css'

const outcomeText = { keep: '继续帮扶', lift: '脱困', close: '撤档' } as const

/** A household file as staff see it, and its yearly review (年度复核) when due. */
export default function HardshipStaffFilePage() {
  return (
    <RecordPage className='hs-staff-file' requireLogin='查看档案需要先登录' load={getStaffHardshipFile} loadingText='正在读取档案…'>
      {(file, reload) => <FileView file={file} reload={reload} />}
    </RecordPage>
  )
}

function FileView({ file, reload }: { file: StaffFileDetail; reload: () => Promise<void> }) {
  return (
    <View className='lg-body'>
      <View className='lg-card lg-stack'>
        <View className='lg-spread'>
          <Text className='lg-title'>
            {file.headName} · {file.fileNo}
          </Text>
          <FileStatusTag status={file.status} />
        </View>
        <FactList
          facts={[
            { label: '困难类型', value: file.tier ? tierLabel[file.tier] : '—' },
            { label: '类别', value: file.label ? fileLabelText[file.label] : '—' },
            {
              label: '致困原因',
              value:
                [file.mainCause, file.secondaryCause]
                  .filter(Boolean)
                  .map((cause) => causeLabel[cause!])
                  .join('、') || '—',
            },
            { label: '建档单位', value: file.orgName, wide: true },
            { label: '人均月收入', value: file.perCapitaIncome === null ? '（仅经办人员可见）' : formatYuan(file.perCapitaIncome) },
            { label: '下次复核', value: file.nextReviewOn ?? '—' },
          ]}
        />
        {file.reviewBy ? (
          <Text className={`lg-notice ${file.overdue ? 'lg-notice--danger' : ''}`}>
            年度复核期限：{formatDay(file.reviewBy)}
            {file.overdue ? '（已逾期）' : ''}
          </Text>
        ) : null}
        {file.actNote ? <Text className='lg-muted'>{file.actNote}</Text> : null}
      </View>
      {file.canReview ? <Review file={file} reload={reload} /> : null}
      <Section title={`${file.year} 年帮扶台账`}>
        {file.ledger.length ? (
          <FactList
            facts={file.ledger.map((row) => ({
              label: aidTypeLabel[row.type],
              value: `批准 ${formatYuan(row.approved)}，已发放 ${formatYuan(row.paid)}`,
            }))}
          />
        ) : (
          <Text className='lg-muted'>今年还没有获批的帮扶。</Text>
        )}
      </Section>
      <Section title='家庭成员'>
        <Members members={file.members} />
      </Section>
      <Section title='帮扶申请'>
        {file.applications.map((application) => (
          <View
            key={application.id}
            className='lg-spread'
            onClick={() => void Taro.navigateTo({ url: pages.hardship.staffCase.url({ id: application.id }) })}
          >
            <Text className='lg-link'>
              {application.applicationNo} {aidText(application.aidTypes)}
            </Text>
            <ApplicationStatusTag status={application.status} />
          </View>
        ))}
      </Section>
      {file.reviews.length ? (
        <Section title='年度复核记录'>
          <FactList
            facts={file.reviews.map((review) => ({
              label: `${formatDate(review.reviewedAt)} · ${review.reviewerName}`,
              value: `${outcomeText[review.outcome]}${review.closeReason ? `（${closeReasonLabel[review.closeReason]}）` : ''}${review.perCapitaIncome !== null ? `，人均 ${formatYuan(review.perCapitaIncome)}` : ''}${review.circumstances ? `：${review.circumstances}` : ''}`,
              wide: true,
            }))}
          />
        </Section>
      ) : null}
      <Section title='档案记录'>
        <Timeline events={file.timeline} workflow={hardshipFileWorkflow} />
      </Section>
    </View>
  )
}

interface ReviewDraft {
  outcome: 'keep' | 'lift' | 'close' | ''
  householdIncome: string
  householdSize: string
  circumstances: string
  tier: string
  tierReason: string
  monthsAboveDibao: string
  closeReason: string
}

function Review({ file, reload }: { file: StaffFileDetail; reload: () => Promise<void> }) {
  const draft = useUserDraft<ReviewDraft>(`hardship-review-${file.id}`, {
    outcome: '',
    householdIncome: '',
    householdSize: String(file.members.length || ''),
    circumstances: '',
    tier: file.tier ?? '',
    tierReason: '',
    monthsAboveDibao: '',
    closeReason: '',
  })
  const value = draft.value
  const num = (text: string) => (text.trim() === '' ? undefined : Number(text))
  const income = num(value.householdIncome)
  const size = num(value.householdSize)
  const perCapita = income !== undefined && size ? income / size : undefined
  const body =
    value.outcome === 'close'
      ? { outcome: 'close', closeReason: value.closeReason || undefined, circumstances: value.circumstances }
      : value.outcome === 'lift'
        ? {
            outcome: 'lift',
            householdIncome: income,
            householdSize: size,
            circumstances: value.circumstances,
            monthsAboveDibao: num(value.monthsAboveDibao),
          }
        : {
            outcome: value.outcome || undefined,
            householdIncome: income,
            householdSize: size,
            circumstances: value.circumstances,
            tier: value.tier || undefined,
            tierReason: value.tierReason || undefined,
          }
  return (
    <Section title='年度复核'>
      <ActionCard
        action='annual-review'
        submitLabel='提交复核结论'
        body={body}
        schema={AnnualReviewBody}
        send={reviewHardshipFile(file.id)}
        confirm={
          value.outcome === 'keep'
            ? undefined
            : { title: '复核结论', content: `确定${value.outcome === 'lift' ? '认定脱困' : '撤档'}吗？`, confirmText: '确定', danger: true }
        }
        reload={reload}
        onDone={() => draft.discard()}
        successText='复核已完成'
      >
        {(fields) => {
          const set = (field: keyof ReviewDraft, next: string, name = field) => {
            draft.update((current) => ({ ...current, [field]: next }))
            fields.clear(name)
          }
          const text = (field: keyof ReviewDraft, label: string, long = false) => (
            <Field name={field} label={label} error={fields.errors[field]}>
              {long ? (
                <TextArea value={value[field]} maxLength={1000} onChange={(next) => set(field, next)} />
              ) : (
                <TextInput value={value[field]} type='digit' maxLength={10} onChange={(next) => set(field, next)} />
              )}
            </Field>
          )
          return (
            <View>
              <Field name='outcome' label='复核结论' error={fields.errors.outcome}>
                <ChoiceChips
                  name='outcome'
                  options={[
                    { value: 'keep', label: '继续帮扶' },
                    { value: 'lift', label: '脱困' },
                    { value: 'close', label: '撤档' },
                  ]}
                  value={value.outcome}
                  onChange={(outcome) => set('outcome', outcome)}
                />
              </Field>
              {value.outcome !== 'close' ? (
                <View>
                  {text('householdIncome', '家庭月收入合计（元）')}
                  {text('householdSize', '家庭人口')}
                  {perCapita !== undefined ? (
                    <Text className='lg-muted'>
                      人均月收入 {formatYuan(Math.round(perCapita * 100) / 100)}，本市低保 {formatYuan(file.dibaoMonthly)}
                    </Text>
                  ) : null}
                </View>
              ) : null}
              {value.outcome === 'keep' ? (
                <View>
                  <Field name='tier' label='困难类型' error={fields.errors.tier}>
                    <ChoiceChips name='tier' options={options.tiers} value={value.tier} onChange={(tier) => set('tier', tier)} />
                  </Field>
                  {value.tier !== file.tier ? text('tierReason', '调整类型的理由', true) : null}
                </View>
              ) : null}
              {value.outcome === 'lift' ? text('monthsAboveDibao', `连续高于低保的月数（满 ${file.liftMonths} 个月可脱困）`) : null}
              {value.outcome === 'close' ? (
                <Field name='closeReason' label='撤档原因' error={fields.errors.closeReason}>
                  <ChoiceChips
                    name='closeReason'
                    options={options.closeReasons}
                    value={value.closeReason}
                    onChange={(reason) => set('closeReason', reason)}
                  />
                </Field>
              ) : null}
              {text('circumstances', '家庭现状', true)}
            </View>
          )
        }}
      </ActionCard>
    </Section>
  )
}
