export default definePageConfig({ navigationBarTitleText: '课程信息' })
