export default definePageConfig({ navigationBarTitleText: '入会', enablePullDownRefresh: true })
