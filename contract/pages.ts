/**
 * Every page of the mini-program, typed: the server builds deep links from these (in-app messages,
 * subscribe-message targets, catalogue and workbench entries) and the pages navigate with them, so
 * a link can never name a page that does not exist. A test checks each one against src/app.config.ts.
 */
export interface PageRef<P extends Record<string, string> = Record<never, string>> {
  /** `/legal-aid/pages/case/index`: the route, as `navigateTo` and the H5 router take it. */
  readonly path: string
  /** The route with its query, e.g. `/legal-aid/pages/case/index?id=…`. */
  url(...params: keyof P extends never ? [] : [P]): string
}

function page<P extends Record<string, string> = Record<never, string>>(route: string): PageRef<P> {
  const path = `/${route}`
  return {
    path,
    url: (...params: unknown[]) => {
      const query = params[0] as Record<string, string> | undefined
      const entries = Object.entries(query ?? {}).filter(([, value]) => value !== undefined && value !== '')
      return entries.length ? `${path}?${entries.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&')}` : path
    },
  }
}

export const pages = {
  // Tab pages (main package).
  home: page('pages/home/index'),
  mine: page('pages/mine/index'),
  // Platform subpackages.
  account: {
    login: page<{ redirect: string }>('account/pages/login/index'),
    settings: page('account/pages/settings/index'),
    messages: page('account/pages/messages/index'),
    myData: page('account/pages/my-data/index'),
    staffInvite: page('account/pages/staff-invite/index'),
    /** Where a link to a page that does not exist lands. */
    notFound: page('account/pages/not-found/index'),
  },
  workbench: {
    home: page('workbench/pages/index/index'),
    cardVerify: page('workbench/pages/card-verify/index'),
    invites: page('workbench/pages/invites/index'),
    staff: page('workbench/pages/staff/index'),
  },
  // Service lines: one subpackage each, worker pages and staff pages.
  membership: {
    status: page('membership/pages/status/index'),
    apply: page<{ edit: '1' }>('membership/pages/apply/index'),
    card: page('membership/pages/card/index'),
    reviewQueue: page('membership/pages/review-queue/index'),
    review: page<{ id: string }>('membership/pages/review/index'),
  },
  legalAid: {
    apply: page('legal-aid/pages/apply/index'),
    cases: page('legal-aid/pages/cases/index'),
    case: page<{ id: string }>('legal-aid/pages/case/index'),
    staffQueue: page('legal-aid/pages/staff-queue/index'),
    staffCase: page<{ id: string }>('legal-aid/pages/staff-case/index'),
    lawyers: page('legal-aid/pages/lawyers/index'),
  },
  benefits: {
    merchants: page<{ category: string }>('benefits/pages/merchants/index'),
    merchant: page<{ id: string }>('benefits/pages/merchant/index'),
    coupons: page<{ tab: string }>('benefits/pages/coupons/index'),
    coupon: page<{ id: string }>('benefits/pages/coupon/index'),
    apply: page('benefits/pages/apply/index'),
    desk: page('benefits/pages/desk/index'),
    staffMerchants: page('benefits/pages/staff-merchants/index'),
    staffMerchant: page<{ id: string }>('benefits/pages/staff-merchant/index'),
    staffOffers: page<{ merchantId: string }>('benefits/pages/staff-offers/index'),
    staffSettlement: page('benefits/pages/staff-settlement/index'),
    staffStats: page('benefits/pages/staff-stats/index'),
  },
  hardship: {
    home: page('hardship/pages/home/index'),
    apply: page('hardship/pages/apply/index'),
    mine: page('hardship/pages/mine/index'),
    application: page<{ id: string }>('hardship/pages/application/index'),
    file: page('hardship/pages/file/index'),
    staffQueue: page('hardship/pages/staff-queue/index'),
    staffCase: page<{ id: string }>('hardship/pages/staff-case/index'),
    staffFiles: page('hardship/pages/staff-files/index'),
    staffFile: page<{ id: string }>('hardship/pages/staff-file/index'),
    stats: page('hardship/pages/stats/index'),
    campaigns: page('hardship/pages/campaigns/index'),
  },
  training: {
    home: page('training/pages/home/index'),
    course: page<{ id: string }>('training/pages/course/index'),
    mine: page('training/pages/mine/index'),
    checkIn: page<{ sessionId: string }>('training/pages/check-in/index'),
    certificates: page('training/pages/certificates/index'),
    certificate: page<{ id: string }>('training/pages/certificate/index'),
    verify: page<{ code: string }>('training/pages/verify/index'),
    claims: page('training/pages/claims/index'),
    claimApply: page('training/pages/claim-apply/index'),
    claim: page<{ id: string }>('training/pages/claim/index'),
    staffCourses: page('training/pages/staff-courses/index'),
    staffCourse: page<{ id: string }>('training/pages/staff-course/index'),
    staffCourseEdit: page<{ id: string }>('training/pages/staff-course-edit/index'),
    staffSession: page<{ id: string }>('training/pages/staff-session/index'),
    staffClaims: page('training/pages/staff-claims/index'),
    staffClaim: page<{ id: string }>('training/pages/staff-claim/index'),
    staffStats: page('training/pages/staff-stats/index'),
  },
} as const

/** Every page reference, for the test that holds them against the app's configuration. */
export function allPages(): PageRef<Record<string, string>>[] {
  const found: PageRef<Record<string, string>>[] = []
  const walk = (node: unknown) => {
    if (node && typeof node === 'object' && 'path' in node && 'url' in node) found.push(node as PageRef<Record<string, string>>)
    else if (node && typeof node === 'object') Object.values(node).forEach(walk)
  }
  walk(pages)
  return found
}
