export default definePageConfig({ navigationBarTitleText: '档案与年度复核', enablePullDownRefresh: true })
