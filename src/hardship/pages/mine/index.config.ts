export default definePageConfig({ navigationBarTitleText: '我的困难帮扶', enablePullDownRefresh: true })
