export default definePageConfig({ navigationBarTitleText: '申请培训补贴' })
