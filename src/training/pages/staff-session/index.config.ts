export default definePageConfig({ navigationBarTitleText: '签到考勤', enablePullDownRefresh: true })
