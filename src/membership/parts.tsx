import { membershipWorkflow, type ApplicationStatus } from '@contract/lines/membership'
import { StatusTag, type StatusTone } from '@/components/status-tag'

/** Waiting for a reviewer, in, or sent back (the worker may correct and resubmit). */
const applicationTones: Record<ApplicationStatus, StatusTone> = {
  submitted: 'waiting',
  approved: 'success',
  rejected: 'ended',
  withdrawn: 'ended',
}

export function ApplicationStatusTag({ status, className }: { status: ApplicationStatus; className?: string }) {
  return <StatusTag status={status} workflow={membershipWorkflow} tones={applicationTones} className={className} />
}
