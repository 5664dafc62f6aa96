import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { CASE_TYPES, caseTypeLabel, LawyerInput, type CaseType, type Lawyer } from '@contract/lines/legal-aid'
import { Button } from '@/components/button'
import { CheckChips, checkWith, Field, TextInput } from '@/components/form'
import { PageShell } from '@/components/page-shell'
import { StateView } from '@/components/state-view'
import { type ApiState, useApi } from '@/hooks/useApi'
import { useUserDraft } from '@/hooks/useDraft'
import { useSession } from '@/hooks/useSession'
import { useSubmission } from '@/hooks/useSubmission'
import { confirm, toast } from '@/services/dialogs'
import { draftKey } from '@/services/drafts'
import { addLawyer, listLawyerRoster, updateLawyer } from '../../api'
import './index.css'

interface LawyerDraft {
  /** The lawyer being corrected; null when adding a new one. */
  editingId: string | null
  name: string
  firm: string
  phone: string
  specialties: CaseType[]
}

const emptyDraft: LawyerDraft = { editingId: null, name: '', firm: '', phone: '', specialties: [] }
const SPECIALTY_OPTIONS = CASE_TYPES.map((type) => ({ value: type, label: caseTypeLabel[type] }))

/**
 * The volunteer lawyers (工会阳光法律援助志愿者) legal staff assign cases to: add one, correct
 * their details, take them off the roster or back on. Lawyers taken off keep their past cases.
 */
export default function LawyerRosterPage() {
  const roster = useApi(() => listLawyerRoster().then((result) => result.lawyers), [])
  return (
    <PageShell className='la-lawyers' onRefresh={roster.reload} requireLogin='管理律师名单需要先登录'>
      <Roster roster={roster} />
    </PageShell>
  )
}

/** The add/correct form above the list of lawyers. */
function Roster({ roster }: { roster: ApiState<Lawyer[]> }) {
  const reload = roster.reload
  const session = useSession()
  const draft = useUserDraft<LawyerDraft>('legal-aid-lawyer', emptyDraft)
  // Kept on the device: a retried "add" never adds the lawyer twice.
  const saving = useSubmission({ storageKey: draftKey('legal-aid-lawyer-key', session.user?.id ?? 'anon') })
  const [formOpen, setFormOpen] = useState(draft.restored && Boolean(draft.value.name || draft.value.firm || draft.value.phone))
  const value = draft.value
  const errors = saving.fieldErrors

  const editLawyer = (lawyer?: Lawyer) => {
    draft.update(
      lawyer
        ? { editingId: lawyer.id, name: lawyer.name, firm: lawyer.firm, phone: lawyer.phone, specialties: lawyer.specialties }
        : emptyDraft,
    )
    saving.setFieldErrors({})
    setFormOpen(true)
  }

  const closeForm = () => {
    draft.discard()
    draft.update(emptyDraft)
    saving.setFieldErrors({})
    setFormOpen(false)
  }

  const set = <K extends Exclude<keyof LawyerDraft, 'editingId'>>(field: K, next: LawyerDraft[K]) => {
    draft.update((current) => ({ ...current, [field]: next }))
    saving.clearFieldError(field)
  }

  const save = async () => {
    const checked = checkWith(LawyerInput, { name: value.name, firm: value.firm, phone: value.phone, specialties: value.specialties })
    if (!checked.ok) return saving.setFieldErrors(checked.errors)
    const editingId = value.editingId
    const result = await saving.submit(
      checked.data,
      (body, key) => (editingId ? updateLawyer(editingId, body, key) : addLawyer(body, key)),
      editingId ?? 'add',
    )
    if (!result.ok) return
    toast(editingId ? '已保存' : '已添加')
    closeForm()
    await reload()
  }

  return (
    <View>
      {formOpen ? (
        <View className='lg-card la-lawyers__form'>
          <Text className='lg-card__title'>{value.editingId ? '修改律师信息' : '添加志愿律师'}</Text>
          <Field label='律师姓名' name='name' error={errors.name}>
            <TextInput value={value.name} maxLength={20} placeholder='例如：周明' onChange={(next) => set('name', next)} />
          </Field>
          <Field label='律师事务所' name='firm' error={errors.firm}>
            <TextInput value={value.firm} maxLength={60} placeholder='例如：江苏港城律师事务所' onChange={(next) => set('firm', next)} />
          </Field>
          <Field label='联系电话' name='phone' error={errors.phone} hint='职工会看到这个号码，用来联系律师'>
            <TextInput value={value.phone} maxLength={20} placeholder='手机号或 0518-85812345' onChange={(next) => set('phone', next)} />
          </Field>
          <Field label='擅长领域' name='specialties' optional error={errors.specialties}>
            <CheckChips
              name='specialties'
              options={SPECIALTY_OPTIONS}
              values={value.specialties}
              onChange={(next) => set('specialties', next)}
            />
          </Field>
          <View className='lg-row'>
            <Button onClick={closeForm}>取消</Button>
            <Button
              kind='primary'
              className='la-lawyers__save'
              testId='lawyer-save'
              busy={saving.busy}
              busyText='保存中…'
              onClick={() => void save()}
            >
              保存
            </Button>
          </View>
        </View>
      ) : (
        <Button kind='primary' block className='la-lawyers__add' testId='lawyer-add' onClick={() => editLawyer()}>
          添加志愿律师
        </Button>
      )}
      <StateView
        state={roster}
        isEmpty={(lawyers) => lawyers.length === 0}
        emptyText='名单里还没有律师。添加后，受理的案件就可以指派给他们。'
        loadingText='正在读取律师名单…'
      >
        {(lawyers) => <LawyerCards lawyers={lawyers} reload={reload} onEdit={editLawyer} />}
      </StateView>
    </View>
  )
}

function LawyerCards({ lawyers, reload, onEdit }: { lawyers: Lawyer[]; reload: () => Promise<void>; onEdit: (lawyer: Lawyer) => void }) {
  const toggling = useSubmission({ reload })
  const [busyId, setBusyId] = useState<string | null>(null)

  const setActive = async (lawyer: Lawyer, active: boolean) => {
    if (!active) {
      const sure = await confirm({
        title: `停用${lawyer.name}律师？`,
        content: '停用后不再出现在指派名单中；已指派给这位律师的案件不受影响。',
        confirmText: '停用',
        danger: true,
      })
      if (!sure) return
    }
    setBusyId(lawyer.id)
    const { id: _id, active: _active, ...details } = lawyer
    const result = await toggling.submit({ ...details, active }, (body, key) => updateLawyer(lawyer.id, body, key), `active-${lawyer.id}`)
    setBusyId(null)
    if (result.ok) await reload()
  }

  return (
    <View>
      {lawyers.map((lawyer) => (
        <View
          key={lawyer.id}
          className={`lg-card lg-stack la-lawyers__item ${lawyer.active ? '' : 'la-lawyers__item--inactive'}`}
          data-lawyer={lawyer.id}
        >
          <View className='la-lawyers__head'>
            <Text className='lg-title'>{lawyer.name}</Text>
            {lawyer.active ? null : <Text className='lg-tag lg-tag--neutral'>已停用</Text>}
          </View>
          <Text className='lg-muted'>
            {lawyer.firm} · {lawyer.phone}
          </Text>
          {lawyer.specialties.length ? (
            <Text className='lg-muted'>擅长：{lawyer.specialties.map((type) => caseTypeLabel[type]).join('、')}</Text>
          ) : null}
          <View className='la-lawyers__actions'>
            <Button onClick={() => onEdit(lawyer)}>修改</Button>
            <Button busy={busyId === lawyer.id} busyText='处理中…' onClick={() => void setActive(lawyer, !lawyer.active)}>
              {lawyer.active ? '停用' : '恢复'}
            </Button>
          </View>
        </View>
      ))}
    </View>
  )
}
