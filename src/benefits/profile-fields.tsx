import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import {
  DISTRICTS,
  districtLabel,
  MERCHANT_CATEGORIES,
  merchantCategoryLabel,
  type District,
  type MerchantCategory,
  type MerchantProfileInput,
} from '@contract/lines/benefits'
import { Button } from '@/components/button'
import { CheckChips, ChoiceChips, Field, TextArea, TextInput } from '@/components/form'
import { toast } from '@/services/dialogs'
import { whereAmI } from '@/services/location'

/** A shop's public profile as typed: what the application and staff's corrections both edit. */
export interface ProfileDraft {
  name: string
  category: MerchantCategory | ''
  district: District | ''
  address: string
  lat: string
  lng: string
  phone: string
  days: string[]
  opens: string
  closes: string
  cardPayPercent: string
  description: string
}

export const emptyProfile: ProfileDraft = {
  name: '',
  category: '',
  district: '',
  address: '',
  lat: '',
  lng: '',
  phone: '',
  days: ['1', '2', '3', '4', '5', '6', '7'],
  opens: '09:00',
  closes: '21:00',
  cardPayPercent: '',
  description: '',
}

/** The profile part of a request body from the draft; blanks become undefined so the contract names them. */
export function profileBody(value: ProfileDraft): Record<keyof Omit<MerchantProfileInput, 'cardDiscountNote'>, unknown> {
  return {
    name: value.name,
    category: value.category || undefined,
    district: value.district || undefined,
    address: value.address,
    lat: value.lat ? Number(value.lat) : undefined,
    lng: value.lng ? Number(value.lng) : undefined,
    phone: value.phone,
    hours: { days: value.days.map(Number), opens: value.opens, closes: value.closes },
    description: value.description.trim() || undefined,
    cardPayPercent: value.cardPayPercent ? Number(value.cardPayPercent) : null,
  }
}

const weekdays = ['一', '二', '三', '四', '五', '六', '日'].map((name, index) => ({ value: String(index + 1), label: `周${name}` }))

type TextField = 'name' | 'address' | 'lat' | 'lng' | 'phone' | 'opens' | 'closes' | 'cardPayPercent'

export interface ProfileFieldsProps<D extends ProfileDraft> {
  value: D
  errors: Record<string, string>
  /** Sets one field (and clears its error). */
  set<K extends keyof D>(field: K, next: D[K]): void
  /** Sets several at once (a place picked on the map). */
  merge(change: (current: D) => D): void
}

/** Name, category, district, place (picked on the map in WeChat), phone, hours, standing card discount, description. */
export function ProfileFields<D extends ProfileDraft>({ value, errors, set, merge }: ProfileFieldsProps<D>) {
  const pick = async () => {
    try {
      const place = await Taro.chooseLocation({})
      merge((current) => ({
        ...current,
        lat: place.latitude.toFixed(6),
        lng: place.longitude.toFixed(6),
        address: current.address || place.address,
      }))
    } catch {
      toast('未选择位置，可直接填写经纬度')
    }
  }
  // A browser has no map picker: standing in the shop, the applicant takes where the phone is.
  const [locating, setLocating] = useState(false)
  const fillFromHere = async () => {
    setLocating(true)
    try {
      const here = await whereAmI()
      merge((current) => ({ ...current, lat: here.latitude.toFixed(6), lng: here.longitude.toFixed(6) }))
      toast('已填入当前位置，请确认您正在店里')
    } catch {
      toast('未能获取位置：请允许浏览器使用位置，或直接填写经纬度')
    } finally {
      setLocating(false)
    }
  }
  const text = (
    name: TextField,
    label: string,
    options: { maxLength: number; placeholder?: string; type?: 'text' | 'digit' | 'number'; hint?: string; optional?: boolean },
  ) => (
    <Field
      name={name}
      label={label}
      hint={options.hint}
      error={errors[name] ?? (name === 'opens' || name === 'closes' ? errors[`hours.${name}`] : undefined)}
      optional={options.optional}
    >
      <TextInput
        value={value[name]}
        type={options.type}
        placeholder={options.placeholder}
        maxLength={options.maxLength}
        onChange={(next) => set(name, next as D[TextField])}
      />
    </Field>
  )
  return (
    <View className='lg-stack'>
      {text('name', '店铺名称', { maxLength: 30 })}
      <Field label='类别' name='category' error={errors.category}>
        <ChoiceChips
          name='category'
          value={value.category || undefined}
          onChange={(next) => set('category', next as D['category'])}
          options={MERCHANT_CATEGORIES.map((entry) => ({ value: entry, label: merchantCategoryLabel[entry] }))}
        />
      </Field>
      <Field label='所在区县' name='district' error={errors.district}>
        <ChoiceChips
          name='district'
          value={value.district || undefined}
          onChange={(next) => set('district', next as D['district'])}
          options={DISTRICTS.map((entry) => ({ value: entry, label: districtLabel[entry] }))}
        />
      </Field>
      {text('address', '详细地址', { maxLength: 80 })}
      {process.env.TARO_ENV === 'weapp' ? (
        <Button onClick={() => void pick()}>在地图上选择位置</Button>
      ) : (
        <Button onClick={() => void fillFromHere()} busy={locating} busyText='正在获取位置…' testId='use-current-location'>
          在店里？使用当前位置
        </Button>
      )}
      {text('lat', '纬度', {
        maxLength: 12,
        type: 'digit',
        hint:
          process.env.TARO_ENV === 'weapp'
            ? '在地图上选择后自动填写，也可手动填写，如 34.5967'
            : '在店里时点上面的按钮自动填写，也可手动填写，如 34.5967',
      })}
      {text('lng', '经度', { maxLength: 12, type: 'digit', placeholder: '如 119.1793' })}
      {text('phone', '店铺电话', { maxLength: 14, placeholder: '如 0518-85812345' })}
      <Field label='营业日' name='hours.days' error={errors['hours.days']}>
        <CheckChips name='days' values={value.days} onChange={(next) => set('days', next as D['days'])} options={weekdays} />
      </Field>
      {text('opens', '开门时间', { maxLength: 5, placeholder: '09:00' })}
      {text('closes', '打烊时间', { maxLength: 5, placeholder: '21:00', hint: '早于开门时间表示营业到次日，如 18:00 开门、02:00 打烊' })}
      {text('cardPayPercent', '会员卡折扣（选填）', {
        maxLength: 2,
        type: 'number',
        optional: true,
        hint: '凭电子会员卡的常设折扣，如 88 表示 8.8 折',
      })}
      <Field label='店铺介绍' name='description' optional error={errors.description}>
        <TextArea value={value.description} onChange={(next) => set('description', next as D['description'])} maxLength={300} />
      </Field>
    </View>
  )
}
