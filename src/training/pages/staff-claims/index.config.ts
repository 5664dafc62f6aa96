export default definePageConfig({ navigationBarTitleText: '培训补贴审核', enablePullDownRefresh: true })
