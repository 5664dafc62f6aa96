import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback, useEffect, useState } from 'react'
import { applicationStatusLabel, membershipWorkflow, type MyMembership } from '@contract/lines/membership'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { StepHeader, StepNav } from '@/components/form'
import { PageShell } from '@/components/page-shell'
import { EmptyPanel, StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { useDraft } from '@/hooks/useDraft'
import { useSession } from '@/hooks/useSession'
import { useSubmission } from '@/hooks/useSubmission'
import { toast } from '@/services/dialogs'
import { readStored, removeStored } from '@/services/storage'
import { keepSubscription, requestSubscription } from '@/services/subscribe'
import { getMyMembership, resubmitApplication, submitApplication } from '../../api'
import {
  applicationDraftKey,
  applicationKeyStorage,
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
  return (
    <PageShell className='mb-apply' requireLogin='请先登录，再申请入会'>
      <Application />
    </PageShell>
  )
}

function Application() {
  const session = useSession()
  const userId = session.user?.id ?? 'anon'
  const mine = useApi(getMyMembership, [userId], { refreshOnShow: false })
  return (
    <StateView state={mine} loadingText='正在读取您的入会情况…'>
      {(data) => <ApplyOrExplain userId={userId} data={data} />}
    </StateView>
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
    const stored = readStored<{ v: ApplicationDraft }>(applicationDraftKey(userId))?.v
    const stillCorrectable = application?.status === 'submitted' && stored?.mode === 'resubmit'
    if (alreadySubmitted && !stillCorrectable) removeStored(applicationDraftKey(userId))
  }, [alreadySubmitted, application?.status, userId])
  if (application && alreadySubmitted) {
    return (
      <EmptyPanel
        text={`您已提交过入会申请（${applicationStatusLabel[application.status]}），不需要重复填写。`}
        action={
          <Button kind='primary' onClick={() => void Taro.redirectTo({ url: pages.membership.status.path })}>
            查看我的入会申请
          </Button>
        }
      />
    )
  }
  const expected = application && correcting ? draftFromApplication(application) : newDraft()
  return <ApplyForm key={`${userId}-${expected.mode}`} userId={userId} expected={expected} correcting={correcting} />
}

function ApplyForm({
  userId,
  expected,
  correcting,
}: {
  userId: string
  expected: ApplicationDraft
  /** Correcting a rejected application (sent back for review) or a waiting one (changed in place). */
  correcting: 'rejected' | 'waiting' | null
}) {
  const { value: stored, update, discard, restored } = useDraft<ApplicationDraft>(applicationDraftKey(userId), expected)
  // The key is kept beside the draft: a retry after a lost answer (even after a restart) is recognised.
  const submission = useSubmission({ storageKey: applicationKeyStorage(userId), report: 'none' })
  const errors = submission.fieldErrors

  // A draft from another situation (a new form, but now correcting a rejected one) starts over.
  const stale = stored.mode !== expected.mode || stored.applicationId !== expected.applicationId
  useEffect(() => {
    if (stale) update(expected)
  }, [stale, update, expected])

  const value: ApplicationDraft = { ...stored, form: { ...emptyForm, ...stored.form } }
  const step = Math.min(Math.max(value.step, 0), STEPS.length - 1)
  // "It came back" is news on the step the person returns to, not on every step after it.
  const [restoredStep] = useState(() => (restored && step > 0 ? step : undefined))

  const { clearFieldError } = submission
  const set = useCallback(
    <K extends keyof FormValues>(field: K, fieldValue: FormValues[K]) => {
      update((current) => ({ ...current, form: { ...emptyForm, ...current.form, [field]: fieldValue } }))
      clearFieldError(field === 'org' ? 'orgId' : field)
    },
    [update, clearFieldError],
  )
  const goTo = (next: number) => {
    update((current) => ({ ...current, step: next }))
    void Taro.pageScrollTo({ scrollTop: 0, duration: 0 }).catch(() => undefined)
  }

  const next = () => {
    const found = stepErrors(value, step)
    submission.setFieldErrors(found)
    if (Object.keys(found).length > 0) return toast('请按提示修改标红的内容')
    goTo(step + 1)
  }

  const submit = async () => {
    const ready = readyToSubmit(value)
    if (!ready.ok) {
      submission.setFieldErrors(ready.errors)
      return goTo(ready.step)
    }
    // Asked from the tap itself, as WeChat requires; the answer never blocks the submission.
    const accepted = await requestSubscription('membership')
    const { submit: body } = ready
    const result = await submission.submit(body, (request, key) =>
      request.kind === 'new' ? submitApplication(request.body, key) : resubmitApplication(request.id, request.body, key),
    )
    if (!result.ok) {
      const fieldStep = result.error ? stepOfFields(result.error.fields) : undefined
      if (fieldStep !== undefined) goTo(fieldStep)
      return
    }
    // Only now, with the server's answer in hand, is the draft no longer needed.
    discard()
    await keepSubscription(membershipWorkflow.subject, result.value.id, accepted)
    void Taro.redirectTo({ url: pages.membership.status.path })
  }

  const props: StepProps = { draft: value, errors, set, update }
  const current = STEPS[step]!
  return (
    <View className='mb-apply__body' data-step={current.key}>
      <StepHeader
        steps={STEPS}
        index={step}
        prefix={correcting ? '修改入会申请 · ' : undefined}
        note={step === restoredStep ? '已恢复您上次填写的内容' : undefined}
      />

      {current.key === 'consent' ? <ConsentStepView {...props} /> : null}
      {current.key === 'identity' ? <IdentityStepView {...props} /> : null}
      {current.key === 'phone' ? <PhoneStepView {...props} /> : null}
      {current.key === 'work' ? <WorkStepView {...props} /> : null}
      {current.key === 'union' ? <UnionStepView {...props} /> : null}
      {current.key === 'confirm' ? <ConfirmStepView {...props} goTo={goTo} /> : null}

      {submission.error && submission.error.code !== 'WRONG_STATUS' ? (
        <View className='lg-notice lg-notice--danger mb-apply__submit-error' role='alert'>
          <Text>{submission.error.message}</Text>
        </View>
      ) : null}

      <StepNav
        index={step}
        total={STEPS.length}
        onBack={() => goTo(step - 1)}
        onNext={next}
        onSubmit={() => void submit()}
        busy={submission.busy}
        submitLabel={correcting === 'waiting' ? '保存修改' : correcting === 'rejected' ? '重新提交申请' : '提交申请'}
      />
      <Text className='lg-muted mb-apply__saved-note'>填写的内容会自动保存在本机，退出后再进来也不会丢失。</Text>
    </View>
  )
}
