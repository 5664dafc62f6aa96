import { Button, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { buttonClass } from '@/components/button'
import { answerPrivacy, openPrivacyGuide, PRIVACY_AGREE_BUTTON_ID, privacyQuestionOpen, subscribePrivacy } from '@/services/privacy'
import './index.css'

/**
 * Asks for agreement to the privacy guide when WeChat needs it (see services/privacy.ts). Lives
 * in every page's shell, so whichever page the user is on can answer.
 */
export function PrivacySheet() {
  const [open, setOpen] = useState(privacyQuestionOpen)
  useEffect(() => subscribePrivacy(setOpen), [])
  if (!open) return null
  return (
    <View className='lg-privacy'>
      <View className='lg-privacy__sheet' role='dialog' aria-modal>
        <Text className='lg-privacy__title'>个人信息保护提示</Text>
        <Text className='lg-privacy__body'>
          为办理您选择的服务，连·工惠需要使用您授权的信息（例如手机号、照片或文件）。请阅读
          <Text className='lg-privacy__link' onClick={openPrivacyGuide}>
            《连·工惠隐私保护指引》
          </Text>
          ，同意后继续；不同意也可以继续浏览，但无法使用这项功能。
        </Text>
        <View className='lg-privacy__actions'>
          <Button className={buttonClass('default', { className: 'lg-privacy__button' })} onClick={() => answerPrivacy(false)}>
            不同意
          </Button>
          <Button
            id={PRIVACY_AGREE_BUTTON_ID}
            className={buttonClass('primary', { className: 'lg-privacy__button' })}
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => answerPrivacy(true)}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  )
}
PrivacySheet.displayName = 'PrivacySheet'
