import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { applicationStatusLabel, type MyMembership } from '@contract/lines/membership'
import { PageShell } from '@/components/page-shell'
import { EmptyPanel, ErrorPanel, LoadingPanel, StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { useDraft } from '@/hooks/useDraft'
import { useSession } from '@/hooks/useSession'
import { getMyMembership, resubmitApplication, submitApplication } from '@/services/api/membership'
import { requestSubscription } from '@/services/subscribe'
import { toApiError } from '@/services/api-error'
import { newIdempotencyKey } from '@/services/request'
import { ensureSession, isWeapp } from '@/services/session'
import { readStored, removeStored } from '@/services/storage'
import {
  applicationDraftKey,
  draftFromApplication,
  emptyForm,
  newDraft,
  readyToSubmit,
  stepErrors,
  stepOfFields,
  STEPS,
  type ApplicationDraft,
  type FormValues,
} from '../../application-form'
import {
  ConfirmStepView,
  ConsentStepView,
  IdentityStepView,
  PhoneStepView,
  UnionStepView,
  WorkStepView,
  type StepProps,
} from '../../components/apply-steps'
import './index.css'

/**
 * 入会申请: one screen a step, each checked as it is left. Everything typed is kept on the device
 * until the server has the application, so leaving, reloading or killing the app loses nothing.
 */
export default function ApplyPage() {
  const session = useSession()
  const userId = session.user?.id
  const [loginFailed, setLoginFailed] = useState(false)

  useEffect(() => {
    if (!userId && isWeapp) ensureSession().catch(() => setLoginFailed(true))
  }, [userId])

  const mine = useApi(getMyMembership, [userId], { enabled: Boolean(userId), refreshOnShow: false })

  if (!userId) {
    return (
      <PageShell className='apply'>
        {isWeapp && !loginFailed ? <LoadingPanel text='正在登录…' /> : <ErrorPanel message='请先登录，再申请入会' code='UNAUTHENTICATED' />}
      </PageShell>
    )
  }

  return (
    <PageShell className='apply'>
      <StateView state={mine} loadingText='正在读取您的入会情况…'>
        {(data) => <ApplyOrExplain userId={userId} data={data} />}
      </StateView>
    </PageShell>
  )
}

function ApplyOrExplain({ userId, data }: { userId: string; data: MyMembership }) {
  const application = data.application
  // A waiting application is edited only when the status page asked for it (?edit=1): from the
  // home grid the worker is told it is already in, not dropped into a form.
  const editWaiting = useRouter().params.edit === '1' && application?.status === 'submitted'
  const correcting = application?.status === 'rejected' ? 'rejected' : editWaiting ? 'waiting' : null
  const alreadySubmitted = Boolean(application && !correcting)
  useEffect(() => {
    // The server has it (perhaps the answer to the first try was lost): a new-application draft
    // has done its job. Corrections of a waiting application stay until sent or decided.
    const stored = readStored<ApplicationDraft>(applicationDraftKey(userId))
    const stillCorrectable = application?.status === 'submitted' && stored?.mode === 'resubmit'
    if (alreadySubmitted && !stillCorrectable) removeStored(applicationDraftKey(userId))
  }, [alreadySubmitted, application?.status, userId])
  const goToStatus = () => void Taro.redirectTo({ url: '/membership/pages/status/index' })
  if (application && alreadySubmitted) {
    return (
      <EmptyPanel
        text={`您已提交过入会申请（${applicationStatusLabel[application.status]}），不需要重复填写。`}
        action={
          <View className='btn btn-primary' onClick={goToStatus}>
            查看我的入会申请
          </View>
        }
      />
    )
  }
  const expected = application && correcting ? draftFromApplication(application) : newDraft()
  return (
    <ApplyForm key={`${userId}-${expected.mode}`} storageKey={applicationDraftKey(userId)} expected={expected} correcting={correcting} />
  )
}

function ApplyForm({
  storageKey,
  expected,
  correcting,
}: {
  storageKey: string
  expected: ApplicationDraft
  /** Correcting a rejected application (sent back for review) or a waiting one (changed in place). */
  correcting: 'rejected' | 'waiting' | null
}) {
  const { value: stored, update: updateDraft, discard, restored } = useDraft<ApplicationDraft>(storageKey, expected)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [submitError, setSubmitError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  // A draft from another situation (a new form, but now correcting a rejected one) starts over.
  const stale = stored.mode !== expected.mode || stored.applicationId !== expected.applicationId
  useEffect(() => {
    if (stale) updateDraft(expected)
  }, [stale, updateDraft, expected])

  const value: ApplicationDraft = { ...stored, form: { ...emptyForm, ...stored.form } }
  const step = Math.min(Math.max(value.step, 0), STEPS.length - 1)

  const update = useCallback(
    (change: (current: ApplicationDraft) => ApplicationDraft) =>
      updateDraft((current) => ({ ...change(current), idempotencyKey: newIdempotencyKey() })),
    [updateDraft],
  )
  const set = useCallback(
    <K extends keyof FormValues>(field: K, fieldValue: FormValues[K]) => {
      update((current) => ({ ...current, form: { ...emptyForm, ...current.form, [field]: fieldValue } }))
      const errorKey = field === 'org' ? 'orgId' : field
      setErrors((current) => {
        if (!(errorKey in current)) return current
        const next = { ...current }
        delete next[errorKey]
        return next
      })
    },
    [update],
  )
  const goTo = (next: number) => {
    updateDraft((current) => ({ ...current, step: next }))
    setSubmitError(null)
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
  }

  const next = () => {
    const found = stepErrors(value, step)
    setErrors(found)
    if (Object.keys(found).length > 0) {
      void Taro.showToast({ title: '请按提示修改标红的内容', icon: 'none' })
      return
    }
    goTo(step + 1)
  }

  const submit = async () => {
    if (busy) return
    const ready = readyToSubmit(value)
    if (!ready.ok) {
      setErrors(ready.errors)
      goTo(ready.step)
      return
    }
    setBusy(true)
    setSubmitError(null)
    try {
      // Asked from the tap itself, as WeChat requires; the answer never blocks the submission.
      const subscribeAccepted = await requestSubscription('membership')
      if (ready.submit.kind === 'new') await submitApplication({ ...ready.submit.body, subscribeAccepted }, value.idempotencyKey)
      else await resubmitApplication(ready.submit.id, { ...ready.submit.body, subscribeAccepted }, value.idempotencyKey)
      // Only now, with the server's answer in hand, is the draft no longer needed.
      discard()
      void Taro.redirectTo({ url: '/membership/pages/status/index' })
    } catch (caught) {
      const error = toApiError(caught)
      const fieldStep = stepOfFields(error.fields)
      if (fieldStep !== undefined) {
        setErrors(error.fields)
        goTo(fieldStep)
      }
      setSubmitError(error.message)
      if (error.code === 'IDEMPOTENCY_KEY_REUSED') update((current) => current)
    } finally {
      setBusy(false)
    }
  }

  const props: StepProps = { draft: value, errors, set, update }
  const current = STEPS[step]!
  return (
    <View className='apply-body' data-step={current.key}>
      <View className='apply-progress'>
        <Text className='apply-step-title'>
          {correcting ? '修改入会申请 · ' : ''}
          {current.title}
        </Text>
        <Text className='muted'>
          第 {step + 1} 步，共 {STEPS.length} 步
        </Text>
        <View className='apply-progress-bar'>
          <View className='apply-progress-fill' style={{ width: `${((step + 1) / STEPS.length) * 100}%` }} />
        </View>
        {restored && step > 0 ? <Text className='muted'>已恢复您上次填写的内容</Text> : null}
      </View>

      {current.key === 'consent' ? <ConsentStepView {...props} /> : null}
      {current.key === 'identity' ? <IdentityStepView {...props} /> : null}
      {current.key === 'phone' ? <PhoneStepView {...props} /> : null}
      {current.key === 'work' ? <WorkStepView {...props} /> : null}
      {current.key === 'union' ? <UnionStepView {...props} /> : null}
      {current.key === 'confirm' ? <ConfirmStepView {...props} goTo={goTo} /> : null}

      {submitError ? (
        <View className='apply-submit-error' role='alert'>
          <Text>{submitError}</Text>
        </View>
      ) : null}

      <View className='apply-actions'>
        {step > 0 ? (
          <View className='btn apply-back' data-testid='apply-back' onClick={() => goTo(step - 1)}>
            上一步
          </View>
        ) : null}
        {current.key === 'confirm' ? (
          <View
            className={`btn btn-primary apply-primary ${busy ? 'btn-busy' : ''}`}
            data-testid='apply-submit'
            onClick={() => void submit()}
          >
            {busy ? '正在提交…' : correcting === 'waiting' ? '保存修改' : correcting === 'rejected' ? '重新提交申请' : '提交申请'}
          </View>
        ) : (
          <View className='btn btn-primary apply-primary' data-testid='apply-next' onClick={next}>
            下一步
          </View>
        )}
      </View>
      <Text className='muted apply-saved-note'>填写的内容会自动保存在本机，退出后再进来也不会丢失。</Text>
    </View>
  )
}
