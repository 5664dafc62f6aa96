import { Text, View } from '@tarojs/components'
import type { ServiceLine } from '@contract/catalogue'
import './index.css'

export interface ServiceGridProps {
  services: ServiceLine[]
  onOpen: (service: ServiceLine) => void
}

/** The home grid of service lines; a line not yet open is greyed and labelled 即将开放. */
export function ServiceGrid({ services, onOpen }: ServiceGridProps) {
  return (
    <View className='lg-grid'>
      {services.map((service) => {
        const open = service.status === 'open'
        return (
          <View
            key={service.key}
            className={`lg-grid__tile ${open ? '' : 'lg-grid__tile--soon'}`}
            data-service={service.key}
            aria-disabled={!open}
            onClick={() => onOpen(service)}
          >
            <View className='lg-grid__glyph' style={{ background: open ? service.color : '#9aa0a8' }}>
              <Text>{service.glyph}</Text>
            </View>
            <Text className='lg-grid__name'>{service.name}</Text>
            {open ? null : <Text className='lg-grid__soon'>即将开放</Text>}
            {open && service.badge ? <Text className='lg-grid__badge'>{service.badge.text}</Text> : null}
          </View>
        )
      })}
    </View>
  )
}
ServiceGrid.displayName = 'ServiceGrid'

/**
 * What the lines have open right now (a campaign taking applications), one line each under the
 * grid with its detail; a tap opens the badge's page, or the tile's.
 */
export function TileBadges({ services, onOpen }: { services: ServiceLine[]; onOpen: (service: ServiceLine, path: string) => void }) {
  const open = services.filter((service) => service.status === 'open' && service.badge)
  if (open.length === 0) return null
  return (
    <View className='lg-grid-badges'>
      {open.map((service) => (
        <View
          key={service.key}
          className='lg-grid-badges__item'
          data-badge={service.key}
          onClick={() => onOpen(service, service.badge?.path ?? service.entryPath ?? '')}
        >
          <Text className='lg-grid-badges__tag' style={{ background: service.color }}>
            {service.badge?.text}
          </Text>
          <Text className='lg-grid-badges__detail'>
            {service.name}：{service.badge?.detail}
          </Text>
          <Text className='lg-grid-badges__go'>›</Text>
        </View>
      ))}
    </View>
  )
}
TileBadges.displayName = 'TileBadges'
