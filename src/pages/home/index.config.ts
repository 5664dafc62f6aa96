export default definePageConfig({
  navigationBarTitleText: '连·工惠',
  enablePullDownRefresh: true,
})
