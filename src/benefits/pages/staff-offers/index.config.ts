export default definePageConfig({ navigationBarTitleText: '优惠与活动' })
