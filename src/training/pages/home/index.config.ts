export default definePageConfig({ navigationBarTitleText: '教育培训', enablePullDownRefresh: true, onReachBottomDistance: 80 })
