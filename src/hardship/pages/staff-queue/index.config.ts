export default definePageConfig({ navigationBarTitleText: '困难帮扶审核', enablePullDownRefresh: true })
