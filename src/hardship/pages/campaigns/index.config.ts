export default definePageConfig({ navigationBarTitleText: '送温暖·金秋助学', enablePullDownRefresh: true })
