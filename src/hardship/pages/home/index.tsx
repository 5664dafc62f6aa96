import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { campaignDetail, tierLabel } from '@contract/lines/hardship'
import { pages } from '@contract/pages'
import { Button } from '@/components/button'
import { FactList } from '@/components/fact-list'
import { PageShell, usePageRefresh } from '@/components/page-shell'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { formatYuan } from '@/services/format'
import { getHardshipInfo, getHardshipPublicity } from '../../api'
import './index.css'

const go = (url: string) => () => void Taro.navigateTo({ url })

/** 困难帮扶: what the aid is, who qualifies, the figures it is measured by, campaigns open now, and the way in. */
export default function HardshipHomePage() {
  const info = useApi(getHardshipInfo, [])
  usePageRefresh(info.reload)
  return (
    <PageShell className='hs-home' requireLogin='查看困难帮扶需要先登录'>
      <StateView state={info} loadingText='正在读取帮扶政策…'>
        {(data) => (
          <View className='lg-body'>
            {data.campaigns.map((campaign) => (
              <View key={campaign.id} className='lg-card lg-notice' data-campaign={campaign.kind}>
                <Text className='lg-title'>{campaign.name} 正在进行</Text>
                <Text className='lg-muted'>{campaignDetail(campaign)}</Text>
              </View>
            ))}
            <Section title='帮扶什么'>
              <FactList
                facts={[
                  { label: '生活救助', value: `家庭生活困难，每户每年不超过 ${data.settings.livingCapMonths} 个月低保`, wide: true },
                  { label: '医疗救助', value: '本人或家人患大病、重病，按个人自付部分救助', wide: true },
                  {
                    label: '助学',
                    value: `子女上高中、中职、大学；深度困难家庭每个子女每学年 ${formatYuan(data.settings.educationCapDeep)}`,
                    wide: true,
                  },
                  {
                    label: '临时救助',
                    value: `火灾、事故、灾害等突发事件致困，每户最多 ${data.settings.temporaryMaxPerHousehold} 次`,
                    wide: true,
                  },
                ]}
              />
            </Section>
            <Section title='谁可以申请'>
              <Text className='lg-muted'>
                工会会员（含已入会的农民工）。家庭人均月收入低于本市低保（{formatYuan(data.settings.dibaoMonthly)}）为{tierLabel.deep}
                ，低于两倍为
                {tierLabel.relative}；因突发事件致困的为{tierLabel.accident}。一个家庭一份档案，家人再次申请会并入同一档案。
              </Text>
              <Text className='lg-muted'>
                家庭有两套以上住房、经营企业或雇工、子女自费读高收费私立学校或出国、有非工作必需私家车的，不能申请。
              </Text>
            </Section>
            <Section title='怎么办理'>
              <Text className='lg-muted'>
                网上提交 → 所在工会入户核实（{data.settings.deadlines.first_review} 个工作日）→ 公示 {data.settings.deadlines.publicity}{' '}
                个工作日 → 市困难职工帮扶中心审核（{data.settings.deadlines.city_review} 个工作日）→ 资金发放到您的银行卡。
              </Text>
            </Section>
            {data.member ? null : <Text className='lg-notice'>您还不是工会会员，请先申请入会。</Text>}
            <View className='lg-stack hs-gap'>
              <Button
                kind='primary'
                block
                testId='hardship-apply'
                onClick={go(data.member ? pages.hardship.apply.path : pages.membership.apply.path)}
              >
                {data.member ? '申请困难帮扶' : '先申请入会'}
              </Button>
              <Button block onClick={go(pages.hardship.mine.path)}>
                我的申请
              </Button>
              <Button block onClick={go(pages.hardship.file.path)}>
                我的困难档案
              </Button>
            </View>
            {data.member ? <Publicity /> : null}
          </View>
        )}
      </StateView>
    </PageShell>
  )
}

/** The 公示 at the worker's union: masked names only. */
function Publicity() {
  const board = useApi(getHardshipPublicity, [])
  return (
    <Section title='公示中的帮扶申请'>
      <StateView
        state={board}
        isEmpty={(data) => data.entries.length === 0}
        emptyText='本单位目前没有公示中的申请'
        loadingText='正在读取公示…'
      >
        {(data) => (
          <FactList
            facts={data.entries.map((entry) => ({
              label: `${entry.maskedName}（${entry.unitName}）`,
              value: `${entry.aidTypes.join('、')} · 公示至 ${entry.endsOn}`,
              wide: true,
            }))}
          />
        )}
      </StateView>
    </Section>
  )
}
