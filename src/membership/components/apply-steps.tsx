import { Button, Text, View } from '@tarojs/components'
import { useState } from 'react'
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
import { buttonClass } from '@/components/button'
import { FactList, type Fact } from '@/components/fact-list'
import { ChoiceChips, ConsentBox, Field, TextInput } from '@/components/form'
import { OptionSheet } from '@/components/option-sheet'
import { OrgPicker } from '@/components/org-picker'
import { bindWechatPhone } from '@/services/api/account'
import { toApiError } from '@/services/api-error'
import { toast } from '@/services/dialogs'
import { formatDate } from '@/services/format'
import { isWeapp } from '@/services/session'
import type { ApplicationDraft, FormValues } from '../application-form'

export interface StepProps {
  draft: ApplicationDraft
  errors: Record<string, string>
  set: <K extends keyof FormValues>(field: K, value: FormValues[K]) => void
  update: (change: (draft: ApplicationDraft) => ApplicationDraft) => void
}

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }))

export function ConsentStepView({ draft, errors, set }: StepProps) {
  const { form } = draft
  return (
    <View>
      <View className='lg-card mb-apply__notice'>
        <Text className='mb-apply__notice-title'>入会须知</Text>
        <Text className='mb-apply__notice-text'>
          在连云港市工作、以工资收入为主要生活来源的职工，包括农民工和外卖骑手、快递员、网约车司机、货车司机、家政服务员等新就业形态劳动者，承认《中国工会章程》，都可以申请加入工会。会员可以享受法律援助、困难帮扶、教育培训、会员卡优惠等服务。
        </Text>
        <Text className='mb-apply__notice-title'>个人信息处理规则</Text>
        <Text className='mb-apply__notice-text'>
          收集什么：姓名、性别、民族、身份证号、手机号、工作单位、就业形态、学历、政治面貌、户籍信息，以及您选择的工会。
        </Text>
        <Text className='mb-apply__notice-text'>为什么：只用于核实身份、办理入会、发放电子会员卡和提供会员服务。</Text>
        <Text className='mb-apply__notice-text'>
          谁能看到：您选择的工会和它的上级工会的工作人员。身份证号加密保存，页面上只显示部分号码；工作人员查看完整号码时会留下记录。
        </Text>
        <Text className='mb-apply__notice-text'>您的权利：可以在“我的 → 我的数据”查看、更正您的信息，也可以注销账号、撤回授权。</Text>
      </View>
      <View className='lg-card'>
        <Field label='请确认' name='consentNotice' error={errors.consentNotice}>
          <ConsentBox name='notice' checked={form.consentNotice} onChange={(next) => set('consentNotice', next)}>
            我已阅读并同意《入会须知》和《个人信息处理规则》
          </ConsentBox>
        </Field>
        <Field label='敏感个人信息单独同意' name='consentSensitive' error={errors.consentSensitive}>
          <ConsentBox name='sensitive' checked={form.consentSensitive} onChange={(next) => set('consentSensitive', next)}>
            我同意工会处理我的身份证号（敏感个人信息），用于核实身份和办理入会
          </ConsentBox>
        </Field>
      </View>
    </View>
  )
}

/**
 * What the number tells us, once all 18 characters are in: birth date and gender, or what is wrong
 * (unless the field's own error already says so: one message per field).
 */
function IdNumberHint({ value, error }: { value: string; error?: string }) {
  const normalised = normaliseIdNumber(value)
  const general = <Text className='lg-muted'>18 位，最后一位可以是 X。出生日期和性别会从号码中自动读出。</Text>
  if (normalised.length < 18) return general
  const check = checkIdNumber(normalised)
  if (!check.ok) return error ? general : <Text className='mb-apply__id-problem'>{idNumberProblemMessage[check.problem]}</Text>
  return (
    <Text className='mb-apply__derived' data-testid='id-derived'>
      出生日期 {formatDate(check.birthDate)} · {genderLabel[check.gender]}（由身份证号得出）
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
    <View className='lg-card'>
      <Field label='姓名' name='name' error={errors.name} hint='与身份证上的姓名一致'>
        <TextInput
          className='mb-apply__name'
          value={form.name}
          maxLength={30}
          placeholder='请输入姓名'
          onChange={(value) => set('name', value)}
        />
      </Field>
      <Field
        label='身份证号'
        name='idNumber'
        error={errors.idNumber}
        hint={keepId ? null : <IdNumberHint value={form.idNumber} error={errors.idNumber} />}
      >
        {keepId ? (
          <View className='mb-apply__kept-id'>
            <Text>已登记：{draft.idNumberMaskedOnFile}</Text>
            <Text className='lg-link' onClick={() => update((current) => ({ ...current, keepIdNumber: false }))}>
              重新填写
            </Text>
          </View>
        ) : (
          <TextInput
            className='mb-apply__id-number'
            type='idcard'
            value={form.idNumber}
            maxLength={18}
            placeholder='请输入 18 位身份证号'
            onChange={onIdInput}
          />
        )}
      </Field>
      <Field label='性别' name='gender' error={errors.gender}>
        <ChoiceChips name='gender' options={options(GENDERS, genderLabel)} value={form.gender} onChange={(value) => set('gender', value)} />
      </Field>
      <Field label='民族' name='ethnicity' error={errors.ethnicity}>
        <View className='lg-input mb-apply__select' data-testid='ethnicity-select' onClick={() => setSheetOpen(true)}>
          <Text className={form.ethnicity ? '' : 'lg-muted'}>{form.ethnicity || '请选择民族'}</Text>
          <Text className='lg-list-row__arrow'>›</Text>
        </View>
      </Field>
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
      return toast('未获取到手机号，可以直接填写')
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
      toast(toApiError(error).message)
    } finally {
      setVerifying(false)
    }
  }
  return (
    <View className='lg-card'>
      {isWeapp ? (
        <Field label='微信手机号快捷验证' name='phoneSource' hint='推荐：由微信验证您本人的手机号，不用手动输入'>
          {form.phoneSource === 'wechat' && form.verifiedPhoneMasked ? (
            <View className='mb-apply__verified'>
              <Text>已验证：{form.verifiedPhoneMasked} ✓</Text>
              {form.phoneShared ? (
                <Text className='lg-muted'>该号码也绑定在其他账号上。已通过微信验证，可以继续办理，工会工作人员会看到这一情况。</Text>
              ) : null}
              <Text className='lg-link' onClick={() => set('phoneSource', 'typed')}>
                改为手动填写
              </Text>
            </View>
          ) : (
            <Button
              className={buttonClass('primary', { busy: verifying })}
              openType='getPhoneNumber'
              loading={verifying}
              onGetPhoneNumber={(event) => void onPhoneCode(event.detail.code)}
            >
              微信手机号快捷验证
            </Button>
          )}
        </Field>
      ) : null}
      {form.phoneSource === 'typed' ? (
        <Field
          label={isWeapp ? '或手动填写手机号' : '手机号'}
          name='phone'
          error={errors.phone}
          hint={
            isWeapp
              ? '如果该号码已被其他账号使用，请用上面的微信验证'
              : '审核时工会可能会打电话与您核实。在微信小程序中可以一键验证手机号。'
          }
        >
          <TextInput
            className='mb-apply__phone'
            type='number'
            value={form.phone}
            maxLength={11}
            placeholder='请输入 11 位手机号'
            onChange={(value) => set('phone', value)}
          />
        </Field>
      ) : errors.phone ? (
        <Text className='lg-field__error'>{errors.phone}</Text>
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
    <View className='lg-card'>
      <Field label='工作单位' name='employer' error={errors.employer} hint='外卖、快递、网约车等请填写平台或站点名称'>
        <TextInput
          className='mb-apply__employer'
          value={form.employer}
          maxLength={60}
          placeholder='例如：连云港市第一人民医院'
          onChange={(value) => set('employer', value)}
        />
      </Field>
      <Field label='就业形态' name='employmentType' error={errors.employmentType}>
        <Text className='lg-muted'>单位用工</Text>
        <ChoiceChips
          name='employment-unit'
          options={employment(UNIT_EMPLOYMENT)}
          value={form.employmentType}
          onChange={(value) => set('employmentType', value)}
        />
        <Text className='lg-muted'>新就业形态</Text>
        <ChoiceChips
          name='employment-new'
          options={employment(NEW_FORM)}
          value={form.employmentType}
          onChange={(value) => set('employmentType', value)}
        />
      </Field>
      <Field label='是否农民工' name='migrantWorker' error={errors.migrantWorker} hint='户籍在农村、在城镇务工的职工'>
        <ChoiceChips
          name='migrant'
          options={[
            { value: true, label: '是' },
            { value: false, label: '否' },
          ]}
          value={form.migrantWorker}
          onChange={(value) => set('migrantWorker', value)}
        />
      </Field>
      <Field label='学历' name='education' error={errors.education}>
        <ChoiceChips
          name='education'
          options={options(EDUCATIONS, educationLabel)}
          value={form.education}
          onChange={(value) => set('education', value)}
        />
      </Field>
      <Field label='政治面貌' name='politicalStatus' error={errors.politicalStatus}>
        <ChoiceChips
          name='political'
          options={options(POLITICAL_STATUSES, politicalStatusLabel)}
          value={form.politicalStatus}
          onChange={(value) => set('politicalStatus', value)}
        />
      </Field>
      <Field label='户籍类型' name='hukouType' error={errors.hukouType}>
        <ChoiceChips
          name='hukou'
          options={options(HUKOU_TYPES, hukouTypeLabel)}
          value={form.hukouType}
          onChange={(value) => set('hukouType', value)}
        />
      </Field>
      <Field label='户籍所在地' name='hukouPlace' error={errors.hukouPlace} optional>
        <TextInput
          value={form.hukouPlace}
          maxLength={60}
          placeholder='例如：江苏省连云港市东海县'
          onChange={(value) => set('hukouPlace', value)}
        />
      </Field>
    </View>
  )
}

export function UnionStepView({ draft, errors, set }: StepProps) {
  const { form } = draft
  const newForm = form.employmentType !== '' && NEW_FORM_EMPLOYMENT.has(form.employmentType)
  return (
    <View>
      <View className={`lg-card mb-apply__union-help ${newForm ? 'mb-apply__union-help--strong' : ''}`}>
        <Text className='mb-apply__notice-title'>选哪个工会？</Text>
        <Text className='mb-apply__notice-text'>单位有工会的，请选择您单位的工会（可以搜索单位名称）。</Text>
        <Text className='mb-apply__notice-text'>
          {newForm ? '您是新就业形态劳动者：' : ''}
          外卖骑手、快递员、网约车司机、货车司机、家政服务员，或者单位还没有工会的，请选择您居住或工作所在县区的“新就业形态劳动者联合工会”（在每个县区的第一项）。
        </Text>
      </View>
      <View className='lg-card'>
        {form.org ? (
          <View className='mb-apply__chosen-org' data-testid='chosen-org'>
            <Text className='lg-muted'>已选择</Text>
            <Text className='mb-apply__chosen-name'>{form.org.name}</Text>
            {form.org.pathNames.length ? <Text className='lg-muted'>{form.org.pathNames.join(' › ')}</Text> : null}
          </View>
        ) : null}
        <Field label={form.org ? '更换工会' : '查找工会'} name='orgId' error={errors.orgId}>
          <OrgPicker value={form.org} onChange={(org) => set('org', { id: org.id, name: org.name, pathNames: org.pathNames })} />
        </Field>
      </View>
    </View>
  )
}

export function ConfirmStepView({ draft, goTo }: StepProps & { goTo: (step: number) => void }) {
  const { form } = draft
  const keepId = draft.mode === 'resubmit' && draft.keepIdNumber
  const label = <T extends string>(labels: Record<T, string>, value: T | '') => (value ? labels[value] : '')
  const section = (title: string, step: number, facts: Fact[]) => (
    <View className='mb-apply__summary-section'>
      <View className='mb-apply__summary-head'>
        <Text className='mb-apply__notice-title'>{title}</Text>
        <Text className='lg-link' onClick={() => goTo(step)}>
          修改
        </Text>
      </View>
      <FactList facts={facts} />
    </View>
  )
  return (
    <View className='lg-card mb-apply__summary' data-testid='apply-summary'>
      {section('身份信息', 1, [
        { label: '姓名', value: form.name },
        { label: '身份证号', value: keepId ? (draft.idNumberMaskedOnFile ?? '') : maskIdNumber(form.idNumber) },
        { label: '性别', value: label(genderLabel, form.gender) },
        { label: '民族', value: form.ethnicity },
      ])}
      {section('联系电话', 2, [
        {
          label: '手机号',
          value: form.phoneSource === 'wechat' ? `${form.verifiedPhoneMasked ?? ''}（微信已验证）` : maskPhone(form.phone),
        },
      ])}
      {section('工作信息', 3, [
        { label: '工作单位', value: form.employer },
        { label: '就业形态', value: label(employmentTypeLabel, form.employmentType) },
        { label: '是否农民工', value: form.migrantWorker === null ? '' : form.migrantWorker ? '是' : '否' },
        { label: '学历', value: label(educationLabel, form.education) },
        { label: '政治面貌', value: label(politicalStatusLabel, form.politicalStatus) },
        { label: '户籍', value: [label(hukouTypeLabel, form.hukouType), form.hukouPlace].filter(Boolean).join(' · ') },
      ])}
      {section('加入的工会', 4, [{ label: '工会', value: form.org?.name ?? '' }])}
    </View>
  )
}
