export default definePageConfig({ navigationBarTitleText: '工作人员名单', enablePullDownRefresh: true })
