export default definePageConfig({ navigationBarTitleText: '我的法律援助案件', enablePullDownRefresh: true })
