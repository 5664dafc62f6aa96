export default definePageConfig({ navigationBarTitleText: '办理法律援助案件', enablePullDownRefresh: true })
