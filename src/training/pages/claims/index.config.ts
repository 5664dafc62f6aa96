export default definePageConfig({ navigationBarTitleText: '培训补贴', enablePullDownRefresh: true })
