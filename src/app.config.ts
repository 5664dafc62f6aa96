export default defineAppConfig({
  // Main package: only the tab pages. Each service line is one subpackage holding its worker and staff
  // pages, loaded when first opened. contract/pages.ts names every page; a test holds the two together.
  pages: ['pages/home/index', 'pages/mine/index'],
  subPackages: [
    {
      root: 'account',
      pages: [
        'pages/login/index',
        'pages/settings/index',
        'pages/messages/index',
        'pages/my-data/index',
        'pages/staff-invite/index',
        'pages/not-found/index',
      ],
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
      // 会员卡·优惠: merchants near me, my coupons, applying as a merchant; the merchant desk; union staff's pages.
      root: 'benefits',
      pages: [
        'pages/merchants/index',
        'pages/merchant/index',
        'pages/coupons/index',
        'pages/coupon/index',
        'pages/apply/index',
        'pages/desk/index',
        'pages/staff-merchants/index',
        'pages/staff-merchant/index',
        'pages/staff-offers/index',
        'pages/staff-settlement/index',
        'pages/staff-stats/index',
      ],
    },
    {
      // 困难帮扶: the aid and who qualifies, apply, my applications, one application, my file; staff's
      // queues, the case, the files and their yearly review, the dashboard, the campaigns.
      root: 'hardship',
      pages: [
        'pages/home/index',
        'pages/apply/index',
        'pages/mine/index',
        'pages/application/index',
        'pages/file/index',
        'pages/staff-queue/index',
        'pages/staff-case/index',
        'pages/staff-files/index',
        'pages/staff-file/index',
        'pages/stats/index',
        'pages/campaigns/index',
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
    // WeChat's own bar; in a browser (H5) Taro draws it only when asked: the title and a way back.
    navigationStyle: 'default',
    navigationBarBackgroundColor: '#c8161d',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f5f6f7',
    backgroundTextStyle: 'dark',
  },
  tabBar: {
    // In a browser the app draws the tab bar itself (components/tab-bar), from this same list: it
    // grows with care mode and is part of the page's first frame. WeChat draws its own.
    custom: process.env.TARO_ENV === 'h5',
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
  // The merchants page asks where the member is (nearest first), only when they tap for it; a
  // merchant picks its shop on the map when applying.
  requiredPrivateInfos: ['getLocation', 'chooseLocation'],
  permission: { 'scope.userLocation': { desc: '用于查找离您最近的合作商户' } },
  lazyCodeLoading: 'requiredComponents',
})
