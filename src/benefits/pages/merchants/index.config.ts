export default definePageConfig({ navigationBarTitleText: '合作商户优惠', enablePullDownRefresh: true })
