export default definePageConfig({ navigationBarTitleText: '优惠数据看板', enablePullDownRefresh: true })
