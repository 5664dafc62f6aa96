export default definePageConfig({ navigationBarTitleText: '商户加盟申请', enablePullDownRefresh: true })
