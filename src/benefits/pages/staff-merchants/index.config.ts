export default definePageConfig({ navigationBarTitleText: '加盟商户', enablePullDownRefresh: true })
