export default defineAppConfig({
  // Main package: only the tab pages. Each service line is one subpackage holding its worker and staff
  // pages, loaded when first opened. contract/pages.ts names every page; a test holds the two together.
  pages: ['pages/home/index', 'pages/mine/index'],
  subPackages: [
    {
      root: 'account',
      pages: ['pages/login/index', 'pages/settings/index', 'pages/messages/index', 'pages/my-data/index', 'pages/staff-invite/index'],
    },
    {
      // The staff workbench: its hub (entries from every line) and the cross-line tools.
      root: 'workbench',
      pages: ['pages/index/index', 'pages/card-verify/index', 'pages/invites/index', 'pages/staff/index'],
    },
    {
      // 会员入会 and the electronic member card; reviewers' queue and review.
      root: 'membership',
      pages: ['pages/status/index', 'pages/apply/index', 'pages/card/index', 'pages/review-queue/index', 'pages/review/index'],
    },
    {
      // 法律援助: apply, my cases, one case; legal staff's queue, case and lawyer roster.
      root: 'legal-aid',
      pages: [
        'pages/apply/index',
        'pages/cases/index',
        'pages/case/index',
        'pages/staff-queue/index',
        'pages/staff-case/index',
        'pages/lawyers/index',
      ],
    },
    {
      // 教育培训: catalogue, a course, my courses, check-in, certificates (and their public check),
      // subsidy claims; staff's courses, a course's roster, a session's check-in, claims, the dashboard.
      root: 'training',
      pages: [
        'pages/home/index',
        'pages/course/index',
        'pages/mine/index',
        'pages/check-in/index',
        'pages/certificates/index',
        'pages/certificate/index',
        'pages/verify/index',
        'pages/claims/index',
        'pages/claim-apply/index',
        'pages/claim/index',
        'pages/staff-courses/index',
        'pages/staff-course/index',
        'pages/staff-course-edit/index',
        'pages/staff-session/index',
        'pages/staff-claims/index',
        'pages/staff-claim/index',
        'pages/staff-stats/index',
      ],
    },
  ],
  window: {
    navigationBarTitleText: '连·工惠',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f7',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    color: '#5c6370',
    selectedColor: '#c8161d',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      { pagePath: 'pages/home/index', text: '首页', iconPath: 'assets/tab/home.png', selectedIconPath: 'assets/tab/home-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tab/mine.png', selectedIconPath: 'assets/tab/mine-active.png' },
    ],
  },
  // Personal data is asked for only at the step that needs it; WeChat's privacy guide declares it.
  __usePrivacyCheck__: true,
  lazyCodeLoading: 'requiredComponents',
})
