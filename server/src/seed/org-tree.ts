import type { OrgKind } from '@contract/orgs'

export interface OrgSeed {
  id: string
  name: string
  kind: OrgKind
  children?: OrgSeed[]
}

/**
 * The Lianyungang union organisation tree: the city federation, its county and district
 * federations, and under each a holding-pool union for new-form and scattered workers
 * (新就业形态/零散就业) plus a few grassroots unions as demo data.
 */
export const lianyungangOrgTree: OrgSeed = {
  id: 'lyg',
  name: '连云港市总工会',
  kind: 'city',
  children: [
    {
      id: 'lyg-haizhou',
      name: '海州区总工会',
      kind: 'district',
      children: [
        { id: 'lyg-haizhou-pool', name: '海州区新就业形态劳动者联合工会', kind: 'pool' },
        { id: 'lyg-haizhou-hospital1', name: '连云港市第一人民医院工会', kind: 'grassroots' },
        { id: 'lyg-haizhou-sanitation', name: '海州区环境卫生管理处工会', kind: 'grassroots' },
        { id: 'lyg-haizhou-retail', name: '海州区商贸流通行业联合工会', kind: 'grassroots' },
      ],
    },
    {
      id: 'lyg-lianyun',
      name: '连云区总工会',
      kind: 'district',
      children: [
        { id: 'lyg-lianyun-pool', name: '连云区新就业形态劳动者联合工会', kind: 'pool' },
        { id: 'lyg-lianyun-port', name: '连云港港口集团工会', kind: 'grassroots' },
        { id: 'lyg-lianyun-fishery', name: '连云区渔业行业联合工会', kind: 'grassroots' },
      ],
    },
    {
      id: 'lyg-ganyu',
      name: '赣榆区总工会',
      kind: 'district',
      children: [
        { id: 'lyg-ganyu-pool', name: '赣榆区新就业形态劳动者联合工会', kind: 'pool' },
        { id: 'lyg-ganyu-ecommerce', name: '赣榆区海头镇电商行业联合工会', kind: 'grassroots' },
        { id: 'lyg-ganyu-steel', name: '赣榆区金属制品企业联合工会', kind: 'grassroots' },
      ],
    },
    {
      id: 'lyg-donghai',
      name: '东海县总工会',
      kind: 'district',
      children: [
        { id: 'lyg-donghai-pool', name: '东海县新就业形态劳动者联合工会', kind: 'pool' },
        { id: 'lyg-donghai-crystal', name: '东海县水晶行业联合工会', kind: 'grassroots' },
      ],
    },
    {
      id: 'lyg-guanyun',
      name: '灌云县总工会',
      kind: 'district',
      children: [
        { id: 'lyg-guanyun-pool', name: '灌云县新就业形态劳动者联合工会', kind: 'pool' },
        { id: 'lyg-guanyun-textile', name: '灌云县纺织服装企业联合工会', kind: 'grassroots' },
      ],
    },
    {
      id: 'lyg-guannan',
      name: '灌南县总工会',
      kind: 'district',
      children: [
        { id: 'lyg-guannan-pool', name: '灌南县新就业形态劳动者联合工会', kind: 'pool' },
        { id: 'lyg-guannan-chemical', name: '灌南县化工园区企业联合工会', kind: 'grassroots' },
      ],
    },
    {
      id: 'lyg-kaifa',
      name: '连云港经济技术开发区总工会',
      kind: 'district',
      children: [
        { id: 'lyg-kaifa-pool', name: '开发区新就业形态劳动者联合工会', kind: 'pool' },
        { id: 'lyg-kaifa-pharma', name: '开发区生物医药企业联合工会', kind: 'grassroots' },
        { id: 'lyg-kaifa-logistics', name: '开发区快递物流行业联合工会', kind: 'grassroots' },
      ],
    },
    {
      id: 'lyg-xuwei',
      name: '徐圩新区总工会',
      kind: 'district',
      children: [
        { id: 'lyg-xuwei-pool', name: '徐圩新区新就业形态劳动者联合工会', kind: 'pool' },
        { id: 'lyg-xuwei-petrochem', name: '徐圩新区石化产业联合工会', kind: 'grassroots' },
      ],
    },
  ],
}
