export default definePageConfig({ navigationBarTitleText: '商户收银台', enablePullDownRefresh: true })
