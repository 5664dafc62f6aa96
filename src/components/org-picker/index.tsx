import { Input, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { Org, OrgKind } from '@contract/orgs'
import { StateView } from '@/components/state-view'
import { useApi } from '@/hooks/useApi'
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
  const [query, setQuery] = useState('')
  const parent = trail.at(-1)

  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), 300)
    return () => clearTimeout(timer)
  }, [typed])

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
    <View className='org-picker'>
      <Input
        className='form-input org-picker-search'
        value={typed}
        placeholder='搜索工会名称，如：医院、快递、海州'
        maxlength={40}
        confirmType='search'
        onInput={(event) => setTyped(event.detail.value)}
      />
      {query ? (
        <Text className='muted org-picker-where'>“{query}”的搜索结果</Text>
      ) : (
        <View className='org-picker-trail'>
          <Text className='org-picker-crumb' onClick={() => setTrail([])}>
            全部
          </Text>
          {trail.map((org, index) => (
            <Text key={org.id} className='org-picker-crumb' onClick={() => setTrail(trail.slice(0, index + 1))}>
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
          <View className='org-picker-list'>
            {list.map((org) => {
              const choosable = canChoose(org)
              const drillable = DRILLABLE.has(org.kind) && !query
              const chosen = value?.id === org.id
              return (
                <View
                  key={org.id}
                  className={`org-picker-row ${chosen ? 'org-picker-row-chosen' : ''}`}
                  data-org={org.id}
                  onClick={() => (choosable ? onChange(org) : drillable ? open(org) : undefined)}
                >
                  <View className='org-picker-text'>
                    <Text className='org-picker-name'>{org.name}</Text>
                    {query && org.pathNames.length > 0 ? <Text className='muted'>{org.pathNames.join(' › ')}</Text> : null}
                    {kindTag[org.kind] ? (
                      <Text className={`tag org-picker-kind org-picker-kind-${org.kind}`}>{kindTag[org.kind]}</Text>
                    ) : null}
                  </View>
                  {chosen ? (
                    <Text className='org-picker-check'>✓ 已选</Text>
                  ) : choosable && drillable ? (
                    <Text
                      className='org-picker-open'
                      onClick={(event) => {
                        event.stopPropagation()
                        open(org)
                      }}
                    >
                      下级 ›
                    </Text>
                  ) : drillable ? (
                    <Text className='list-row-arrow'>›</Text>
                  ) : choosable ? (
                    <Text className='org-picker-choose'>选择</Text>
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
