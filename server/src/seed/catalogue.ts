import type { ServiceLine } from '@contract/catalogue'
import type { ServiceLineDefinition } from '../core/service-line'

/**
 * The home grid: every service line the platform plans, in grid order. A tile opens when a line in
 * the registry brings an entry with the same key (with its pages); until then it shows 即将开放.
 */
export const plannedTiles: Array<Pick<ServiceLine, 'key' | 'name' | 'summary' | 'glyph' | 'color'>> = [
  {
    key: 'membership',
    name: '入会',
    summary: '在线申请加入工会',
    glyph: '入',
    color: '#d4380d',
  },
  {
    key: 'legal_aid',
    name: '法律援助',
    summary: '劳动争议免费法律帮助',
    glyph: '法',
    color: '#1d4ed8',
  },
  {
    key: 'hardship',
    name: '困难帮扶',
    summary: '生活、医疗、助学救助',
    glyph: '帮',
    color: '#b45309',
  },
  {
    key: 'training',
    name: '教育培训',
    summary: '技能培训与学历提升',
    glyph: '学',
    color: '#047857',
  },
  {
    key: 'benefits',
    name: '会员卡·优惠',
    summary: '电子会员卡与商户优惠',
    glyph: '惠',
    color: '#be123c',
  },
  {
    key: 'mutual_aid',
    name: '互助保障',
    summary: '职工重大疾病互助',
    glyph: '保',
    color: '#7c3aed',
  },
  {
    key: 'recuperation',
    name: '疗休养',
    summary: '一线职工疗休养报名',
    glyph: '休',
    color: '#0e7490',
  },
  {
    key: 'rest_stations',
    name: '爱心驿站',
    summary: '户外劳动者休息点',
    glyph: '驿',
    color: '#c2410c',
  },
  {
    key: 'competitions',
    name: '技能竞赛',
    summary: '职工技能大赛报名',
    glyph: '赛',
    color: '#4d7c0f',
  },
  {
    key: 'jobs',
    name: '春送岗位',
    summary: '招聘会与就业岗位',
    glyph: '岗',
    color: '#0369a1',
  },
  {
    key: 'scholarships',
    name: '秋送助学',
    summary: '困难职工子女助学',
    glyph: '助',
    color: '#a16207',
  },
  {
    key: 'counselling',
    name: '心理驿站',
    summary: '心理咨询预约',
    glyph: '心',
    color: '#db2777',
  },
  {
    key: 'reading',
    name: '职工书屋',
    summary: '好书共读',
    glyph: '书',
    color: '#57534e',
  },
  {
    key: 'social',
    name: '缘定港城',
    summary: '职工交友联谊',
    glyph: '缘',
    color: '#e11d48',
  },
  {
    key: 'news',
    name: '工会动态',
    summary: '政策与活动资讯',
    glyph: '讯',
    color: '#475569',
  },
  {
    key: 'targets',
    name: '三年目标',
    summary: '行动计划进展',
    glyph: '标',
    color: '#991b1b',
  },
]

/** The grid as it is: planned tiles, opened by the lines that have landed; a line's tile not planned goes last. */
export function serviceCatalogue(lines: ReadonlyArray<Pick<ServiceLineDefinition, 'catalogue'>>): ServiceLine[] {
  const entries = new Map(lines.flatMap((line) => line.catalogue).map((entry) => [entry.key, entry]))
  const planned: ServiceLine[] = plannedTiles.map((tile) => {
    const entry = entries.get(tile.key)
    return entry ? { ...tile, ...entry, status: 'open' } : { ...tile, status: 'coming_soon', entryPath: null, myPath: null, myLabel: null }
  })
  const unplanned: ServiceLine[] = [...entries.values()]
    .filter((entry) => !plannedTiles.some((tile) => tile.key === entry.key))
    .map((entry) => ({ ...entry, status: 'open' }))
  return [...planned, ...unplanned]
}

export const seedNotices: Array<{ title: string; body: string; publishedAt: string }> = [
  {
    title: '连·工惠职工服务平台上线试运行',
    body: '会员入会、法律援助、困难帮扶、教育培训等服务将陆续在手机上办理。欢迎广大职工使用并提出意见建议。',
    publishedAt: '2026-11-20T09:00:00+08:00',
  },
  {
    title: '职工维权服务热线 12351',
    body: '遇到欠薪、工伤、劳动合同等问题，可拨打 12351 或在“法律援助”中在线申请，工会法律援助志愿者将为您免费提供帮助。',
    publishedAt: '2026-11-18T09:00:00+08:00',
  },
  {
    title: '新就业形态劳动者入会指南',
    body: '外卖骑手、快递员、网约车司机、货车司机、家政服务员等，所在单位没有工会的，可按居住或工作所在县区加入新就业形态劳动者联合工会。',
    publishedAt: '2026-11-15T09:00:00+08:00',
  },
]
