/** How long a union usually takes to review an application, as the worker is told (working days). */
export const MEMBERSHIP_DECISION_WITHIN_DAYS = 5
