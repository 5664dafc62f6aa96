export default definePageConfig({ navigationBarTitleText: '困难帮扶统计', enablePullDownRefresh: true })
