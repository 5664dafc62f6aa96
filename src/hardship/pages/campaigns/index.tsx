import { Text, View } from '@tarojs/components'
import { CampaignInput, campaignDetail, campaignKindLabel, options, type Campaign, type CampaignKind } from '@contract/lines/hardship'
import { ActionCard } from '@/components/action-card'
import { ChoiceChips, Field, TextInput } from '@/components/form'
import { PageShell, usePageRefresh } from '@/components/page-shell'
import { Section } from '@/components/section'
import { StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { useUserDraft } from '@/hooks/useDraft'
import { createHardshipCampaign, listHardshipCampaigns, setHardshipCampaign } from '../../api'
import './index.css'

const statusText: Record<Campaign['status'], string> = { draft: '未开始', open: '进行中', closed: '已结束' }

/** 送温暖 and 金秋助学: windows with a budget and a quota that the centre opens and closes. */
export default function HardshipCampaignsPage() {
  const list = useApi(listHardshipCampaigns, [])
  usePageRefresh(list.reload)
  return (
    <PageShell className='hs-campaigns' requireLogin='管理帮扶活动需要先登录'>
      <View className='lg-body'>
        <StateView state={list} isEmpty={(data) => data.campaigns.length === 0} emptyText='还没有帮扶活动' loadingText='正在读取活动…'>
          {(data) => (
            <View className='lg-stack'>
              {data.campaigns.map((campaign) => (
                <View key={campaign.id} className='lg-card lg-stack' data-campaign={campaign.id}>
                  <Text className='lg-title'>
                    {campaign.name}（{campaignKindLabel[campaign.kind]} · {statusText[campaign.status]}）
                  </Text>
                  <Text className='lg-muted'>
                    {campaign.opensOn} 至 {campaign.closesOn} · 名额 {campaign.taken}/{campaign.quota} · 预算 {campaign.committed}/
                    {campaign.budget} 元
                  </Text>
                  {campaign.openNow ? <Text className='lg-muted'>{campaignDetail(campaign)}</Text> : null}
                  {campaign.status !== 'closed' ? (
                    <ActionCard
                      action={campaign.status === 'draft' ? 'open' : 'close'}
                      submitLabel={campaign.status === 'draft' ? '开始活动' : '结束活动'}
                      kind={campaign.status === 'draft' ? 'primary' : 'danger'}
                      body={{}}
                      send={(body: Record<string, never>, key) =>
                        setHardshipCampaign(campaign.id, campaign.status === 'draft' ? 'open' : 'close')(body, key)
                      }
                      confirm={
                        campaign.status === 'open'
                          ? {
                              title: '结束活动',
                              content: `结束“${campaign.name}”后不再计入新的申请，确定吗？`,
                              confirmText: '结束',
                              danger: true,
                            }
                          : undefined
                      }
                      reload={list.reload}
                      successText={campaign.status === 'draft' ? '活动已开始，首页会显示' : '活动已结束'}
                    />
                  ) : null}
                </View>
              ))}
            </View>
          )}
        </StateView>
        <NewCampaign reload={list.reload} />
      </View>
    </PageShell>
  )
}

interface CampaignDraft {
  kind: CampaignKind | ''
  name: string
  opensOn: string
  closesOn: string
  budget: string
  quota: string
}

function NewCampaign({ reload }: { reload: () => Promise<void> }) {
  const draft = useUserDraft<CampaignDraft>('hardship-campaign', { kind: '', name: '', opensOn: '', closesOn: '', budget: '', quota: '' })
  const value = draft.value
  const set = (field: keyof CampaignDraft, next: string) => draft.update((current) => ({ ...current, [field]: next }))
  const num = (text: string) => (text.trim() === '' ? undefined : Number(text))
  return (
    <Section title='新建活动'>
      <ActionCard
        action='create'
        submitLabel='保存活动'
        body={{
          kind: value.kind || undefined,
          name: value.name,
          opensOn: value.opensOn,
          closesOn: value.closesOn,
          budget: num(value.budget),
          quota: num(value.quota),
        }}
        schema={CampaignInput}
        send={createHardshipCampaign}
        reload={reload}
        onDone={() => draft.discard()}
        successText='已保存，开始活动后计入申请'
      >
        {(fields) => (
          <View>
            <Field name='kind' label='活动类型' error={fields.errors.kind}>
              <ChoiceChips name='kind' options={options.campaignKinds} value={value.kind} onChange={(kind) => set('kind', kind)} />
            </Field>
            {(
              [
                ['name', '活动名称', '例如 2027年送温暖'],
                ['opensOn', '开始日期', '例如 2027-01-05'],
                ['closesOn', '截止日期', '例如 2027-02-10'],
                ['budget', '预算（元）', '例如 500000'],
                ['quota', '名额', '例如 200'],
              ] as const
            ).map(([field, label, placeholder]) => (
              <Field key={field} name={field} label={label} error={fields.errors[field]}>
                <TextInput
                  value={value[field]}
                  placeholder={placeholder}
                  maxLength={40}
                  type={field === 'budget' || field === 'quota' ? 'digit' : 'text'}
                  onChange={(next) => {
                    set(field, next)
                    fields.clear(field)
                  }}
                />
              </Field>
            ))}
          </View>
        )}
      </ActionCard>
    </Section>
  )
}
