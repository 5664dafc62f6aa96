import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { subsidyKindLabel, subsidyWorkflow, type MyClaimList } from '@contract/lines/training'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { PageShell } from '@/components/page-shell'
import { PagedList } from '@/components/queue'
import { StatusTag } from '@/components/status-tag'
import { usePagedApi } from '@/hooks/usePagedApi'
import { formatDate, formatYuan } from '@/services/format'
import { listMyClaims } from '../../api'

const apply = () => void Taro.navigateTo({ url: pages.training.claimApply.path })

/** 我的培训补贴: my claims with where each stands, and what this year's promotions already hold. */
export default function MyClaimsPage() {
  const claims = usePagedApi<MyClaimList>((cursor) => listMyClaims(cursor), [], { refreshOnShow: true })
  return (
    <PageShell className='tr-claims' onRefresh={claims.reload} requireLogin='申请培训补贴需要先登录'>
      <View className='lg-body'>
        <View className='lg-card lg-stack'>
          <Text className='lg-card__title'>产业工人职业培训补贴</Text>
          <Text className='lg-muted'>
            取得中级工、高级工证书补贴 500 元，技师、高级技师 1000 元（同一年多次晋升只补最高一级）；取得与岗位相关的大专及以上学历补贴 500
            元。须为制造业企业一线职工、连续缴纳社保满 12 个月，在取得证书后 6 个月内申请，补贴拨付到所在单位工会。
          </Text>
        </View>
        <PagedList
          state={claims}
          header={(data) =>
            data.skillGrantedThisYear > 0 ? (
              <Text className='lg-muted'>今年技术等级补贴已申领 {formatYuan(data.skillGrantedThisYear)}</Text>
            ) : null
          }
          emptyText='还没有补贴申请'
          emptyAction={
            <Button kind='primary' onClick={apply}>
              申请培训补贴
            </Button>
          }
          loadingText='正在读取申请…'
          renderItem={(item) => (
            <View
              key={item.id}
              className='lg-card lg-stack'
              data-claim={item.id}
              onClick={() => void Taro.navigateTo({ url: pages.training.claim.url({ id: item.id }) })}
            >
              <View className='tr-course__status'>
                <Text className='lg-card__title'>{subsidyKindLabel[item.kind]}</Text>
                <StatusTag status={item.status} workflow={subsidyWorkflow} />
              </View>
              <Text className='lg-muted'>
                {item.claimNo} · {item.certificateName} · 提交于 {formatDate(item.createdAt)}
              </Text>
              <Text>{item.nextStep}</Text>
            </View>
          )}
          footer={
            <Button block onClick={apply}>
              再申请一项
            </Button>
          }
        />
      </View>
    </PageShell>
  )
}
