export default definePageConfig({ navigationBarTitleText: '培训数据看板', enablePullDownRefresh: true })
