export default definePageConfig({ navigationBarTitleText: '志愿律师名单', enablePullDownRefresh: true })
