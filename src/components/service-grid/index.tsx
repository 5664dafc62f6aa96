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
          </View>
        )
      })}
    </View>
  )
}
ServiceGrid.displayName = 'ServiceGrid'
