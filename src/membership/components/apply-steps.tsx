import Taro from '@tarojs/taro'
import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import dayjs from 'dayjs'
import {
  EDUCATIONS,
  educationLabel,
  EMPLOYMENT_TYPES,
  employmentTypeLabel,
  ETHNICITIES,
  genderLabel,
  GENDERS,
  HUKOU_TYPES,
  hukouTypeLabel,
  NEW_FORM_EMPLOYMENT,
  POLITICAL_STATUSES,
  politicalStatusLabel,
  type EmploymentType,
} from '@contract/lines/membership'
import { checkIdNumber, idNumberProblemMessage, normaliseIdNumber } from '@contract/rules/id-number'
import { maskIdNumber, maskPhone } from '@contract/rules/mask'
import { ChoiceChips } from '@/components/choice-chips'
import { FormField } from '@/components/form-field'
import { OrgPicker } from '@/components/org-picker'
import { bindWechatPhone } from '@/services/api/membership'
import { toApiError } from '@/services/api-error'
import { isWeapp } from '@/services/session'
import type { ApplicationDraft, FormValues } from '../application-form'
import { OptionSheet } from './option-sheet'
import './apply-steps.css'

export interface StepProps {
  draft: ApplicationDraft
  errors: Record<string, string>
  set: <K extends keyof FormValues>(field: K, value: FormValues[K]) => void
  update: (change: (draft: ApplicationDraft) => ApplicationDraft) => void
}

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }))

/** A box the worker ticks themselves; the whole row is the tap target. */
function ConsentBox({
  checked,
  onChange,
  name,
  children,
}: {
  checked: boolean
  onChange: (next: boolean) => void
  name: string
  children: string
}) {
  return (
    <View
      className={`consent-box ${checked ? 'consent-box-checked' : ''}`}
      data-consent={name}
      role='checkbox'
      aria-checked={checked}
      onClick={() => onChange(!checked)}
    >
      <View className='consent-tick'>{checked ? <Text>✓</Text> : null}</View>
      <Text className='consent-text'>{children}</Text>
    </View>
  )
}

export function ConsentStepView({ draft, errors, set }: StepProps) {
  const { form } = draft
  return (
    <View>
      <View className='card apply-notice'>
        <Text className='apply-notice-title'>入会须知</Text>
        <Text className='apply-notice-text'>
          在连云港市工作、以工资收入为主要生活来源的职工，包括农民工和外卖骑手、快递员、网约车司机、货车司机、家政服务员等新就业形态劳动者，承认《中国工会章程》，都可以申请加入工会。会员可以享受法律援助、困难帮扶、教育培训、会员卡优惠等服务。
        </Text>
        <Text className='apply-notice-title'>个人信息处理规则</Text>
        <Text className='apply-notice-text'>
          收集什么：姓名、性别、民族、身份证号、手机号、工作单位、就业形态、学历、政治面貌、户籍信息，以及您选择的工会。
        </Text>
        <Text className='apply-notice-text'>为什么：只用于核实身份、办理入会、发放电子会员卡和提供会员服务。</Text>
        <Text className='apply-notice-text'>
          谁能看到：您选择的工会和它的上级工会的工作人员。身份证号加密保存，页面上只显示部分号码；工作人员查看完整号码时会留下记录。
        </Text>
        <Text className='apply-notice-text'>您的权利：可以在“我的 → 我的数据”查看、更正您的信息，也可以注销账号、撤回授权。</Text>
      </View>
      <View className='card'>
        <FormField label='请确认' name='consentNotice' error={errors.consentNotice}>
          <ConsentBox name='notice' checked={form.consentNotice} onChange={(next) => set('consentNotice', next)}>
            我已阅读并同意《入会须知》和《个人信息处理规则》
          </ConsentBox>
        </FormField>
        <FormField label='敏感个人信息单独同意' name='consentSensitive' error={errors.consentSensitive}>
          <ConsentBox name='sensitive' checked={form.consentSensitive} onChange={(next) => set('consentSensitive', next)}>
            我同意工会处理我的身份证号（敏感个人信息），用于核实身份和办理入会
          </ConsentBox>
        </FormField>
      </View>
    </View>
  )
}

/** What the number tells us, once all 18 characters are in: birth date and gender, or what is wrong. */
function IdNumberHint({ value }: { value: string }) {
  const normalised = normaliseIdNumber(value)
  if (normalised.length < 18) return <Text className='muted'>18 位，最后一位可以是 X。出生日期和性别会从号码中自动读出。</Text>
  const check = checkIdNumber(normalised)
  if (!check.ok) return <Text className='form-field-error'>{idNumberProblemMessage[check.problem]}</Text>
  return (
    <Text className='apply-derived' data-testid='id-derived'>
      出生日期 {dayjs(check.birthDate).format('YYYY年M月D日')} · {genderLabel[check.gender]}（由身份证号得出）
    </Text>
  )
}

export function IdentityStepView({ draft, errors, set, update }: StepProps) {
  const { form } = draft
  const [sheetOpen, setSheetOpen] = useState(false)
  const keepId = draft.mode === 'resubmit' && draft.keepIdNumber
  const onIdInput = (value: string) => {
    set('idNumber', value)
    // Fill the gender from the number when not chosen yet; a different choice is still cross-checked.
    const check = checkIdNumber(value)
    if (check.ok && !form.gender) set('gender', check.gender)
  }
  return (
    <View className='card'>
      <FormField label='姓名' name='name' error={errors.name} hint='与身份证上的姓名一致'>
        <Input
          className='form-input apply-name'
          value={form.name}
          maxlength={30}
          placeholder='请输入姓名'
          onInput={(event) => set('name', event.detail.value)}
        />
      </FormField>
      <FormField label='身份证号' name='idNumber' error={errors.idNumber} hint={keepId ? null : <IdNumberHint value={form.idNumber} />}>
        {keepId ? (
          <View className='apply-kept-id'>
            <Text>已登记：{draft.idNumberMaskedOnFile}</Text>
            <Text className='apply-link' onClick={() => update((current) => ({ ...current, keepIdNumber: false }))}>
              重新填写
            </Text>
          </View>
        ) : (
          <Input
            className='form-input apply-id-number'
            type='idcard'
            value={form.idNumber}
            maxlength={18}
            placeholder='请输入 18 位身份证号'
            onInput={(event) => onIdInput(event.detail.value)}
          />
        )}
      </FormField>
      <FormField label='性别' name='gender' error={errors.gender}>
        <ChoiceChips name='gender' options={options(GENDERS, genderLabel)} value={form.gender} onChange={(value) => set('gender', value)} />
      </FormField>
      <FormField label='民族' name='ethnicity' error={errors.ethnicity}>
        <View className='form-input apply-select' data-testid='ethnicity-select' onClick={() => setSheetOpen(true)}>
          <Text className={form.ethnicity ? '' : 'muted'}>{form.ethnicity || '请选择民族'}</Text>
          <Text className='list-row-arrow'>›</Text>
        </View>
      </FormField>
      <OptionSheet
        title='选择民族'
        options={ETHNICITIES}
        value={form.ethnicity}
        open={sheetOpen}
        onClose={() => setSheetOpen(false)}
        onChoose={(value) => {
          set('ethnicity', value)
          setSheetOpen(false)
        }}
      />
    </View>
  )
}

export function PhoneStepView({ draft, errors, set, update }: StepProps) {
  const { form } = draft
  const [verifying, setVerifying] = useState(false)
  const onPhoneCode = async (code: string | undefined) => {
    if (!code) {
      void Taro.showToast({ title: '未获取到手机号，可以直接填写', icon: 'none' })
      return
    }
    setVerifying(true)
    try {
      const result = await bindWechatPhone(code)
      update((current) => ({
        ...current,
        form: {
          ...current.form,
          phoneSource: 'wechat',
          verifiedPhoneMasked: result.phoneMasked,
          phoneShared: result.sharedWithOtherAccount,
        },
      }))
    } catch (error) {
      void Taro.showToast({ title: toApiError(error).message, icon: 'none' })
    } finally {
      setVerifying(false)
    }
  }
  return (
    <View className='card'>
      {isWeapp ? (
        <FormField label='微信手机号快捷验证' name='phoneSource' hint='推荐：由微信验证您本人的手机号，不用手动输入'>
          {form.phoneSource === 'wechat' && form.verifiedPhoneMasked ? (
            <View className='apply-verified'>
              <Text>已验证：{form.verifiedPhoneMasked} ✓</Text>
              {form.phoneShared ? (
                <Text className='muted'>该号码也绑定在其他账号上。已通过微信验证，可以继续办理，工会工作人员会看到这一情况。</Text>
              ) : null}
              <Text className='apply-link' onClick={() => set('phoneSource', 'typed')}>
                改为手动填写
              </Text>
            </View>
          ) : (
            <Button
              className='btn btn-primary apply-wechat-phone'
              openType='getPhoneNumber'
              loading={verifying}
              onGetPhoneNumber={(event) => void onPhoneCode(event.detail.code)}
            >
              微信手机号快捷验证
            </Button>
          )}
        </FormField>
      ) : null}
      {form.phoneSource === 'typed' ? (
        <FormField
          label={isWeapp ? '或手动填写手机号' : '手机号'}
          name='phone'
          error={errors.phone}
          hint={
            isWeapp
              ? '如果该号码已被其他账号使用，请用上面的微信验证'
              : '审核时工会可能会打电话与您核实。在微信小程序中可以一键验证手机号。'
          }
        >
          <Input
            className='form-input apply-phone'
            type='number'
            value={form.phone}
            maxlength={11}
            placeholder='请输入 11 位手机号'
            onInput={(event) => set('phone', event.detail.value)}
          />
        </FormField>
      ) : errors.phone ? (
        <Text className='form-field-error'>{errors.phone}</Text>
      ) : null}
    </View>
  )
}

const UNIT_EMPLOYMENT = EMPLOYMENT_TYPES.filter((type) => !NEW_FORM_EMPLOYMENT.has(type))
const NEW_FORM = EMPLOYMENT_TYPES.filter((type) => NEW_FORM_EMPLOYMENT.has(type))

export function WorkStepView({ draft, errors, set }: StepProps) {
  const { form } = draft
  const employment = (values: EmploymentType[]) => values.map((value) => ({ value, label: employmentTypeLabel[value] }))
  return (
    <View className='card'>
      <FormField label='工作单位' name='employer' error={errors.employer} hint='外卖、快递、网约车等请填写平台或站点名称'>
        <Input
          className='form-input apply-employer'
          value={form.employer}
          maxlength={60}
          placeholder='例如：连云港市第一人民医院'
          onInput={(event) => set('employer', event.detail.value)}
        />
      </FormField>
      <FormField label='就业形态' name='employmentType' error={errors.employmentType}>
        <Text className='muted'>单位用工</Text>
        <ChoiceChips
          name='employment-unit'
          options={employment(UNIT_EMPLOYMENT)}
          value={form.employmentType}
          onChange={(value) => set('employmentType', value)}
        />
        <Text className='muted'>新就业形态</Text>
        <ChoiceChips
          name='employment-new'
          options={employment(NEW_FORM)}
          value={form.employmentType}
          onChange={(value) => set('employmentType', value)}
        />
      </FormField>
      <FormField label='是否农民工' name='migrantWorker' error={errors.migrantWorker} hint='户籍在农村、在城镇务工的职工'>
        <ChoiceChips
          name='migrant'
          options={[
            { value: true, label: '是' },
            { value: false, label: '否' },
          ]}
          value={form.migrantWorker}
          onChange={(value) => set('migrantWorker', value)}
        />
      </FormField>
      <FormField label='学历' name='education' error={errors.education}>
        <ChoiceChips
          name='education'
          options={options(EDUCATIONS, educationLabel)}
          value={form.education}
          onChange={(value) => set('education', value)}
        />
      </FormField>
      <FormField label='政治面貌' name='politicalStatus' error={errors.politicalStatus}>
        <ChoiceChips
          name='political'
          options={options(POLITICAL_STATUSES, politicalStatusLabel)}
          value={form.politicalStatus}
          onChange={(value) => set('politicalStatus', value)}
        />
      </FormField>
      <FormField label='户籍类型' name='hukouType' error={errors.hukouType}>
        <ChoiceChips
          name='hukou'
          options={options(HUKOU_TYPES, hukouTypeLabel)}
          value={form.hukouType}
          onChange={(value) => set('hukouType', value)}
        />
      </FormField>
      <FormField label='户籍所在地' name='hukouPlace' error={errors.hukouPlace} optional>
        <Input
          className='form-input'
          value={form.hukouPlace}
          maxlength={60}
          placeholder='例如：江苏省连云港市东海县'
          onInput={(event) => set('hukouPlace', event.detail.value)}
        />
      </FormField>
    </View>
  )
}

export function UnionStepView({ draft, errors, set }: StepProps) {
  const { form } = draft
  const newForm = form.employmentType !== '' && NEW_FORM_EMPLOYMENT.has(form.employmentType)
  return (
    <View>
      <View className={`card apply-union-help ${newForm ? 'apply-union-help-strong' : ''}`}>
        <Text className='apply-notice-title'>选哪个工会？</Text>
        <Text className='apply-notice-text'>单位有工会的，请选择您单位的工会（可以搜索单位名称）。</Text>
        <Text className='apply-notice-text'>
          {newForm ? '您是新就业形态劳动者：' : ''}
          外卖骑手、快递员、网约车司机、货车司机、家政服务员，或者单位还没有工会的，请选择您居住或工作所在县区的“新就业形态劳动者联合工会”（在每个县区的第一项）。
        </Text>
      </View>
      <View className='card'>
        {form.org ? (
          <View className='apply-chosen-org' data-testid='chosen-org'>
            <Text className='muted'>已选择</Text>
            <Text className='apply-chosen-name'>{form.org.name}</Text>
            {form.org.pathNames.length ? <Text className='muted'>{form.org.pathNames.join(' › ')}</Text> : null}
          </View>
        ) : null}
        <FormField label={form.org ? '更换工会' : '查找工会'} name='orgId' error={errors.orgId}>
          <OrgPicker value={form.org} onChange={(org) => set('org', { id: org.id, name: org.name, pathNames: org.pathNames })} />
        </FormField>
      </View>
    </View>
  )
}

function SummaryRow({ label, value }: { label: string; value: string }) {
  return (
    <View className='apply-summary-row'>
      <Text className='muted apply-summary-label'>{label}</Text>
      <Text className='apply-summary-value'>{value}</Text>
    </View>
  )
}

export function ConfirmStepView({ draft, goTo }: StepProps & { goTo: (step: number) => void }) {
  const { form } = draft
  const keepId = draft.mode === 'resubmit' && draft.keepIdNumber
  const section = (title: string, step: number) => (
    <View className='apply-summary-head'>
      <Text className='apply-notice-title'>{title}</Text>
      <Text className='apply-link' onClick={() => goTo(step)}>
        修改
      </Text>
    </View>
  )
  const label = <T extends string>(labels: Record<T, string>, value: T | '') => (value ? labels[value] : '')
  return (
    <View className='card apply-summary' data-testid='apply-summary'>
      {section('身份信息', 1)}
      <SummaryRow label='姓名' value={form.name} />
      <SummaryRow label='身份证号' value={keepId ? (draft.idNumberMaskedOnFile ?? '') : maskIdNumber(form.idNumber)} />
      <SummaryRow label='性别' value={label(genderLabel, form.gender)} />
      <SummaryRow label='民族' value={form.ethnicity} />
      {section('联系电话', 2)}
      <SummaryRow
        label='手机号'
        value={form.phoneSource === 'wechat' ? `${form.verifiedPhoneMasked ?? ''}（微信已验证）` : maskPhone(form.phone)}
      />
      {section('工作信息', 3)}
      <SummaryRow label='工作单位' value={form.employer} />
      <SummaryRow label='就业形态' value={label(employmentTypeLabel, form.employmentType)} />
      <SummaryRow label='是否农民工' value={form.migrantWorker === null ? '' : form.migrantWorker ? '是' : '否'} />
      <SummaryRow label='学历' value={label(educationLabel, form.education)} />
      <SummaryRow label='政治面貌' value={label(politicalStatusLabel, form.politicalStatus)} />
      <SummaryRow label='户籍' value={[label(hukouTypeLabel, form.hukouType), form.hukouPlace].filter(Boolean).join(' · ')} />
      {section('加入的工会', 4)}
      <SummaryRow label='工会' value={form.org?.name ?? ''} />
    </View>
  )
}
