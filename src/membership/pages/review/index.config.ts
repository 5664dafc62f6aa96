export default definePageConfig({ navigationBarTitleText: '入会申请详情', enablePullDownRefresh: true })
