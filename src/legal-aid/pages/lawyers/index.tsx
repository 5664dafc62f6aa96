import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { CASE_TYPES, LawyerInput, caseTypeLabel, type CaseType, type Lawyer } from '@contract/lines/legal-aid'
import { fieldErrors } from '@contract/fields'
import { FormField } from '@/components/form-field'
import { PageShell } from '@/components/page-shell'
import { StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { useDraft } from '@/hooks/useDraft'
import { useSession } from '@/hooks/useSession'
import { toApiError } from '@/services/api-error'
import { addLawyer, listLawyerRoster, updateLawyer } from '@/services/api/legal-aid'
import { draftKey } from '@/services/drafts'
import { newIdempotencyKey } from '@/services/request'
import '@/legal-aid/shared/shared.css'
import './index.css'

interface LawyerDraft {
  /** The lawyer being corrected; null when adding a new one. */
  editingId: string | null
  name: string
  firm: string
  phone: string
  specialties: CaseType[]
  /** Kept with the draft so a retried "add" never adds the lawyer twice. */
  key: string
}

const emptyDraft = (): LawyerDraft => ({ editingId: null, name: '', firm: '', phone: '', specialties: [], key: newIdempotencyKey() })

/**
 * The volunteer lawyers (工会阳光法律援助志愿者) legal staff assign cases to: add one, correct
 * their details, take them off the roster or back on. Lawyers taken off keep their past cases.
 */
export default function LawyerRosterPage() {
  const session = useSession()
  const roster = useApi(() => listLawyerRoster().then((result) => result.lawyers), [])
  const draft = useDraft<LawyerDraft>(draftKey('legal-aid-lawyer', session.user?.id ?? 'anon'), emptyDraft())
  const [formOpen, setFormOpen] = useState(draft.restored && Boolean(draft.value.name || draft.value.firm || draft.value.phone))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState<string | null>(null)
  const value = draft.value

  const openForm = (lawyer?: Lawyer) => {
    draft.update(
      lawyer
        ? {
            editingId: lawyer.id,
            name: lawyer.name,
            firm: lawyer.firm,
            phone: lawyer.phone,
            specialties: lawyer.specialties,
            key: newIdempotencyKey(),
          }
        : emptyDraft(),
    )
    setErrors({})
    setFormOpen(true)
  }

  const closeForm = () => {
    draft.discard()
    draft.update(emptyDraft())
    setErrors({})
    setFormOpen(false)
  }

  const toggleSpecialty = (type: CaseType) =>
    draft.update((current) => ({
      ...current,
      specialties: current.specialties.includes(type)
        ? current.specialties.filter((item) => item !== type)
        : [...current.specialties, type],
    }))

  const save = async () => {
    const body = { name: value.name, firm: value.firm, phone: value.phone, specialties: value.specialties }
    const checked = LawyerInput.safeParse(body)
    if (!checked.success) {
      setErrors(fieldErrors(checked.error))
      return
    }
    setBusy('save')
    try {
      if (value.editingId) await updateLawyer(value.editingId, checked.data)
      else await addLawyer(checked.data, value.key)
      void Taro.showToast({ title: value.editingId ? '已保存' : '已添加', icon: 'success' })
      closeForm()
      await roster.reload()
    } catch (caught) {
      const error = toApiError(caught)
      setErrors(error.fields)
      void Taro.showToast({ title: error.message, icon: 'none' })
    } finally {
      setBusy(null)
    }
  }

  const setActive = async (lawyer: Lawyer, active: boolean) => {
    if (!active) {
      const { confirm } = await Taro.showModal({
        title: `停用${lawyer.name}律师？`,
        content: '停用后不再出现在指派名单中；已指派给这位律师的案件不受影响。',
        confirmText: '停用',
      })
      if (!confirm) return
    }
    setBusy(lawyer.id)
    try {
      const { id: _id, active: _active, ...details } = lawyer
      await updateLawyer(lawyer.id, { ...details, active })
      await roster.reload()
    } catch (caught) {
      void Taro.showToast({ title: toApiError(caught).message, icon: 'none' })
    } finally {
      setBusy(null)
    }
  }

  const text = (field: 'name' | 'firm' | 'phone') => (event: { detail: { value: string } }) => {
    const next = event.detail.value
    draft.update((current) => ({ ...current, [field]: next }))
  }

  return (
    <PageShell className='roster-page'>
      {formOpen ? (
        <View className='card roster-form'>
          <Text className='section-title roster-form-title'>{value.editingId ? '修改律师信息' : '添加志愿律师'}</Text>
          <FormField label='律师姓名' name='name' error={errors.name}>
            <Input className='form-input' value={value.name} maxlength={20} placeholder='例如：周明' onInput={text('name')} />
          </FormField>
          <FormField label='律师事务所' name='firm' error={errors.firm}>
            <Input className='form-input' value={value.firm} maxlength={60} placeholder='例如：江苏港城律师事务所' onInput={text('firm')} />
          </FormField>
          <FormField label='联系电话' name='phone' error={errors.phone} hint='职工会看到这个号码，用来联系律师'>
            <Input
              className='form-input'
              type='text'
              value={value.phone}
              maxlength={20}
              placeholder='手机号或 0518-85812345'
              onInput={text('phone')}
            />
          </FormField>
          <FormField label='擅长领域' name='specialties' optional error={errors.specialties}>
            <View className='chips'>
              {CASE_TYPES.map((type) => (
                <View
                  key={type}
                  className={`chip ${value.specialties.includes(type) ? 'chip-on' : ''}`}
                  data-specialty={type}
                  onClick={() => toggleSpecialty(type)}
                >
                  {caseTypeLabel[type]}
                </View>
              ))}
            </View>
          </FormField>
          <View className='roster-actions'>
            <View className='btn' onClick={closeForm}>
              取消
            </View>
            <View className='btn btn-primary roster-save' onClick={() => void (busy ? undefined : save())}>
              {busy === 'save' ? '保存中…' : '保存'}
            </View>
          </View>
        </View>
      ) : (
        <View className='btn btn-primary btn-block roster-add' onClick={() => openForm()}>
          添加志愿律师
        </View>
      )}

      <StateView
        state={roster}
        isEmpty={(lawyers) => lawyers.length === 0}
        emptyText='名单里还没有律师。添加后，受理的案件就可以指派给他们。'
        loadingText='正在读取律师名单…'
      >
        {(lawyers) => (
          <View>
            {lawyers.map((lawyer) => (
              <View key={lawyer.id} className={`card roster-item ${lawyer.active ? '' : 'roster-item-inactive'}`} data-lawyer={lawyer.id}>
                <View className='roster-head'>
                  <Text className='roster-name'>{lawyer.name}</Text>
                  {lawyer.active ? null : <Text className='tag'>已停用</Text>}
                </View>
                <Text className='muted'>
                  {lawyer.firm} · {lawyer.phone}
                </Text>
                {lawyer.specialties.length ? (
                  <Text className='muted'>擅长：{lawyer.specialties.map((type) => caseTypeLabel[type]).join('、')}</Text>
                ) : null}
                <View className='roster-actions'>
                  <View className='btn' onClick={() => openForm(lawyer)}>
                    修改
                  </View>
                  <View className='btn' onClick={() => void setActive(lawyer, !lawyer.active)}>
                    {busy === lawyer.id ? '处理中…' : lawyer.active ? '停用' : '恢复'}
                  </View>
                </View>
              </View>
            ))}
          </View>
        )}
      </StateView>
    </PageShell>
  )
}
