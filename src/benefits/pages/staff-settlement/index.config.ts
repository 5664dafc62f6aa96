export default definePageConfig({ navigationBarTitleText: '代金券结算', enablePullDownRefresh: true })
