/** How long a union usually takes to review an application, as the worker is told (working days). */
export { MEMBERSHIP_DECISION_WITHIN_DAYS } from '@contract/lines/membership'
