export default definePageConfig({ navigationBarTitleText: '帮扶申请办理', enablePullDownRefresh: true })
