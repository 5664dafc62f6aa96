import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { districtLabel, merchantCategoryLabel, merchantWorkflow, type MerchantTab, type StaffMerchantList } from '@contract/lines/benefits'
import { pages } from '@contract/pages'
import { ChoiceChips, TextInput } from '@/components/form'
import { PageShell } from '@/components/page-shell'
import { PagedList } from '@/components/queue'
import { useDebounced } from '@/hooks/useDebounced'
import { usePagedApi } from '@/hooks/usePagedApi'
import { formatDate } from '@/services/format'
import { listStaffMerchants } from '../../api'
import '../benefits.css'

const TABS: Array<{ value: MerchantTab; label: string }> = [
  { value: 'waiting', label: '待处理' },
  { value: 'active', label: '合作中' },
  { value: 'signed', label: '已签约' },
  { value: 'suspended', label: '已暂停' },
  { value: 'all', label: '全部' },
]

/** 加盟商户: applications to review and sign, merchants live, suspended or removed. */
export default function StaffMerchantsPage() {
  const [tab, setTab] = useState<MerchantTab>('waiting')
  const [q, setQ] = useState('')
  const search = useDebounced(q, 400)
  const list = usePagedApi<StaffMerchantList>((cursor) => listStaffMerchants({ tab, q: search.trim() || undefined, cursor }), [tab, search])
  const counts = list.data?.counts
  return (
    <PageShell className='bn-staff-merchants' onRefresh={list.reload} requireLogin='请先登录'>
      <View className='lg-body'>
        <ChoiceChips
          name='tab'
          value={tab}
          onChange={setTab}
          options={TABS.map((entry) => ({ value: entry.value, label: counts ? `${entry.label} ${counts[entry.value]}` : entry.label }))}
        />
        <TextInput value={q} onChange={setQ} placeholder='搜索店名或信用代码' maxLength={30} confirmType='search' />
        <PagedList
          state={list}
          emptyText='没有符合条件的商户'
          loadingText='正在读取商户…'
          renderItem={(item) => (
            <View
              key={item.id}
              className='lg-card lg-stack'
              data-merchant={item.id}
              onClick={() => void Taro.navigateTo({ url: pages.benefits.staffMerchant.url({ id: item.id }) })}
            >
              <View className='bn-row'>
                <Text className='lg-tag'>{merchantWorkflow.statusLabel[item.status]}</Text>
                <Text className='lg-card__title'>{item.name}</Text>
              </View>
              <Text className='lg-muted'>
                {merchantCategoryLabel[item.category]} · {districtLabel[item.district]} · 联系人 {item.contactName} · {item.liveOffers}{' '}
                个优惠在架
                {item.contractEndsOn ? ` · 协议至 ${formatDate(item.contractEndsOn)}` : ''}
              </Text>
            </View>
          )}
        />
      </View>
    </PageShell>
  )
}
