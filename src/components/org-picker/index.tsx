import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { Org, OrgKind } from '@contract/orgs'
import { pressable } from '@/components/button/pressable'
import { TextInput } from '@/components/form'
import { StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
import { useDebounced } from '@/hooks/useDebounced'
import { listOrgs } from '@/services/api/core'
import './index.css'

export interface ChosenOrg {
  id: string
  name: string
  pathNames: string[]
}

export interface OrgPickerProps {
  value: ChosenOrg | null
  onChange: (org: Org) => void
  /** Which orgs may be chosen; the others can only be opened. Default: the unions people join. */
  canChoose?: (org: Org) => boolean
}

const DRILLABLE: ReadonlySet<OrgKind> = new Set(['city', 'district'])
const joinable = (org: Org) => org.kind === 'grassroots' || org.kind === 'pool'

const kindTag: Partial<Record<OrgKind, string>> = {
  pool: '新就业形态·零散就业',
  district: '县区总工会',
  city: '市总工会',
}

/**
 * Finds a union in the organisation tree: by name, or city → district → union. Holding-pool
 * unions (新就业形态联合工会) come first under each district, marked, for workers whose workplace
 * has no union of its own.
 */
export function OrgPicker({ value, onChange, canChoose = joinable }: OrgPickerProps) {
  const [trail, setTrail] = useState<Org[]>([])
  const [typed, setTyped] = useState('')
  const query = useDebounced(typed.trim())
  const parent = trail.at(-1)

  const orgs = useApi(() => listOrgs(query ? { q: query } : { parentId: parent?.id }).then((result) => result.orgs), [query, parent?.id], {
    refreshOnShow: false,
  })

  // One city at the top that cannot itself be chosen: open it straight away.
  useEffect(() => {
    const list = orgs.data
    const only = list?.[0]
    if (!query && trail.length === 0 && list?.length === 1 && only && DRILLABLE.has(only.kind) && !canChoose(only)) setTrail([only])
  }, [orgs.data, query, trail.length, canChoose])

  const open = (org: Org) => setTrail((current) => [...current, org])

  return (
    <View className='lg-orgs'>
      <TextInput
        className='lg-orgs__search'
        value={typed}
        placeholder='搜索工会名称，如：医院、快递、海州'
        maxLength={40}
        confirmType='search'
        onChange={setTyped}
      />
      {query ? (
        <Text className='lg-muted lg-orgs__where'>“{query}”的搜索结果</Text>
      ) : (
        <View className='lg-orgs__trail'>
          <Text className='lg-orgs__crumb' {...pressable()} onClick={() => setTrail([])}>
            全部
          </Text>
          {trail.map((org, index) => (
            <Text key={org.id} className='lg-orgs__crumb' {...pressable()} onClick={() => setTrail(trail.slice(0, index + 1))}>
              › {org.name}
            </Text>
          ))}
        </View>
      )}
      <StateView
        state={orgs}
        isEmpty={(list) => list.length === 0}
        emptyText={query ? '没有找到名称相符的工会，换个关键词试试' : '这里没有下级工会'}
        loadingText='正在读取工会…'
      >
        {(list) => (
          <View className='lg-orgs__list'>
            {list.map((org) => {
              const choosable = canChoose(org)
              const drillable = DRILLABLE.has(org.kind) && !query
              const chosen = value?.id === org.id
              return (
                <View
                  key={org.id}
                  className={`lg-orgs__row ${chosen ? 'lg-orgs__row--chosen' : ''}`}
                  data-org={org.id}
                  role='button'
                  {...pressable()}
                  onClick={() => (choosable ? onChange(org) : drillable ? open(org) : undefined)}
                >
                  <View className='lg-orgs__text'>
                    <Text className='lg-orgs__name'>{org.name}</Text>
                    {query && org.pathNames.length > 0 ? <Text className='lg-muted'>{org.pathNames.join(' › ')}</Text> : null}
                    {kindTag[org.kind] ? (
                      <Text className={`lg-tag lg-orgs__kind lg-orgs__kind--${org.kind}`}>{kindTag[org.kind]}</Text>
                    ) : null}
                  </View>
                  {chosen ? (
                    <Text className='lg-orgs__check'>✓ 已选</Text>
                  ) : choosable && drillable ? (
                    <Text
                      className='lg-orgs__open'
                      {...pressable('button')}
                      onClick={(event) => {
                        event.stopPropagation()
                        open(org)
                      }}
                    >
                      下级 ›
                    </Text>
                  ) : drillable ? (
                    <Text className='lg-list-row__arrow'>›</Text>
                  ) : choosable ? (
                    <Text className='lg-orgs__choose'>选择</Text>
                  ) : null}
                </View>
              )
            })}
          </View>
        )}
      </StateView>
    </View>
  )
}
OrgPicker.displayName = 'OrgPicker'
