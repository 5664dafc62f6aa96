import { and, eq, inArray, sql } from 'drizzle-orm'
import type { AttendanceStatus, Audience, CourseCategory, CourseStatus, District, SubsidyKind } from '@contract/lines/training'
import { SUBSIDY_AMOUNT_YUAN } from '@contract/lines/training'
import { withDb, type SystemContext } from '../../core/context'
import { timelineEvents } from '../../core/core.tables'
import { grantSubscribeCredits } from '../../core/notify'
import { appendTimelineEvent } from '../../core/timeline'
import { findUserByOpenid } from '../../platform/auth/auth.repository'
import { users } from '../../platform/auth/auth.tables'
import { closeSessionAttendance, settleCourse } from './training.completion'
import { CLAIM_SUBJECT, ENROLLMENT_SUBJECT } from './training.notices'
import { sessionsOf } from './training.repository'
import { chinaYear, quotaOf } from './training.settings'
import {
  trainingAttendance,
  trainingCourses,
  trainingEnrollments,
  trainingSessions,
  trainingSettings,
  trainingSubsidyClaims,
  trainingSubsidyQuotas,
} from './training.tables'

/**
 * The training demo: 33 courses across every category and district, dated around today — some
 * finished (settled, with certificates), one running today (so check-in can be tried), one nearly
 * full, one full with a waitlist, drafts and a cancelled one — filled by demo trainees, with the
 * demo member 李秀英 enrolled, on a waitlist and holding a certificate, and subsidy claims waiting.
 * Safe to run at every start: a course already there is left alone (the one running today is
 * moved back to today when its day has passed and nothing was recorded for it).
 */

const DAY = 24 * 3600_000

interface DemoCourse {
  n: number
  title: string
  category: CourseCategory
  district: District | null
  organiser: string
  teacher: string
  /** Days from today to the first session (negative: in the past). */
  startsInDays: number
  /** China hour of day the sessions start. */
  hour: number
  sessions: number
  gapDays: number
  hours: number
  capacity: number
  /** Seats filled by demo trainees; waitlisted after that. */
  fill: number
  waitlist?: number
  audience?: Audience
  fee?: number
  subsidy?: number
  certificate?: boolean
  status?: CourseStatus
  orgId?: string
  address?: string
  summary: string
}

const venues: Record<District, { address: string; latitude: number; longitude: number }> = {
  haizhou: { address: '海州区朝阳东路 66 号 市职工服务中心 3 楼培训室', latitude: 34.5966, longitude: 119.1788 },
  lianyun: { address: '连云区中华西路 18 号 港口集团职工学校', latitude: 34.7526, longitude: 119.4575 },
  ganyu: { address: '赣榆区青口镇黄海路 9 号 区职工活动中心', latitude: 34.8392, longitude: 119.1732 },
  donghai: { address: '东海县牛山街道晶都大道 25 号 县职工学校', latitude: 34.5422, longitude: 118.7712 },
  guanyun: { address: '灌云县伊山镇振兴路 7 号 县工人文化宫', latitude: 34.2838, longitude: 119.2391 },
  guannan: { address: '灌南县新安镇人民路 50 号 化工园区培训中心', latitude: 34.087, longitude: 119.3156 },
  kaifa: { address: '开发区花果山大道 111 号 新海连职业技能实训基地', latitude: 34.653, longitude: 119.287 },
  xuwei: { address: '徐圩新区港前大道 1 号 石化产业职工实训中心', latitude: 34.552, longitude: 119.566 },
}

const demoCourses: DemoCourse[] = [
  // Running today: check-in can be tried at any hour of the day (see `todaySession`).
  {
    n: 1,
    title: '电工上岗证（低压）培训班',
    category: 'skills',
    district: 'haizhou',
    organiser: '市总工会劳动和经济工作部',
    teacher: '高建华 高级技师',
    startsInDays: -1,
    hour: 9,
    sessions: 3,
    gapDays: 1,
    hours: 3,
    capacity: 40,
    fill: 24,
    fee: 1200,
    subsidy: 1200,
    summary: '低压电工作业特种作业操作证考前培训：电工基础、安全用电、触电急救、实操练习。结业后统一报名参加应急管理部门考试。',
  },
  // Nearly full.
  {
    n: 2,
    title: '焊工（中级）技能提升班',
    category: 'skills',
    district: 'lianyun',
    organiser: '连云港港口集团工会',
    teacher: '李国强 技师',
    startsInDays: 9,
    hour: 14,
    sessions: 6,
    gapDays: 2,
    hours: 3,
    capacity: 40,
    fill: 39,
    fee: 1800,
    subsidy: 1500,
    orgId: 'lyg-lianyun-port',
    summary: '手工电弧焊、二氧化碳气体保护焊中级工实操训练，考核合格可申报中级工证书，并可申领技术等级提升补贴。',
  },
  // Full, with a waitlist.
  {
    n: 3,
    title: '养老护理员（初级）培训',
    category: 'skills',
    district: 'haizhou',
    organiser: '海州区总工会',
    teacher: '陈静 主管护师',
    startsInDays: 6,
    hour: 9,
    sessions: 5,
    gapDays: 1,
    hours: 4,
    capacity: 30,
    fill: 30,
    waitlist: 6,
    audience: 'all_workers',
    fee: 0,
    subsidy: 0,
    orgId: 'lyg-haizhou',
    summary: '面向有意从事养老护理的职工：生活照料、基础护理、康复护理和沟通技巧，理论加实训。',
  },
  {
    n: 4,
    title: '数控车床操作工培训',
    category: 'skills',
    district: 'kaifa',
    organiser: '开发区总工会',
    teacher: '王海涛 高级技师',
    startsInDays: 14,
    hour: 19,
    sessions: 8,
    gapDays: 2,
    hours: 2,
    capacity: 35,
    fill: 20,
    fee: 2000,
    subsidy: 1600,
    orgId: 'lyg-kaifa',
    summary: '数控车床编程与操作、刀具选择、零件加工工艺，晚间班，适合在岗职工。',
  },
  {
    n: 5,
    title: '叉车司机上岗培训',
    category: 'skills',
    district: 'kaifa',
    organiser: '开发区快递物流行业联合工会',
    teacher: '赵勇',
    startsInDays: 20,
    hour: 9,
    sessions: 2,
    gapDays: 1,
    hours: 6,
    capacity: 25,
    fill: 8,
    fee: 600,
    subsidy: 600,
    orgId: 'lyg-kaifa-logistics',
    summary: '场（厂）内专用机动车辆（叉车）作业人员考前培训，含实操。',
  },
  {
    n: 6,
    title: '茶艺师技能培训',
    category: 'skills',
    district: 'donghai',
    organiser: '东海县总工会',
    teacher: '孙雅琴 茶艺技师',
    startsInDays: 25,
    hour: 14,
    sessions: 4,
    gapDays: 7,
    hours: 3,
    capacity: 30,
    fill: 12,
    audience: 'all_workers',
    summary: '茶叶知识、冲泡技艺与茶席设计，适合服务行业职工和茶艺爱好者。',
  },
  {
    n: 7,
    title: '电子商务直播运营实训',
    category: 'skills',
    district: 'ganyu',
    organiser: '赣榆区海头镇电商行业联合工会',
    teacher: '刘晓峰',
    startsInDays: 4,
    hour: 19,
    sessions: 4,
    gapDays: 1,
    hours: 2,
    capacity: 50,
    fill: 31,
    audience: 'all_workers',
    orgId: 'lyg-ganyu-ecommerce',
    summary: '海鲜电商直播选品、话术、短视频剪辑与店铺运营，手把手实操。',
  },
  {
    n: 8,
    title: '育婴员（中级）培训',
    category: 'skills',
    district: 'guanyun',
    organiser: '灌云县总工会',
    teacher: '周丽',
    startsInDays: 30,
    hour: 9,
    sessions: 6,
    gapDays: 2,
    hours: 3,
    capacity: 30,
    fill: 5,
    fee: 1500,
    subsidy: 1200,
    summary: '婴幼儿生活照料、保健与早期发展，考核合格颁发育婴员中级证书。',
  },
  {
    n: 9,
    title: '工业机器人操作与运维',
    category: 'skills',
    district: 'xuwei',
    organiser: '徐圩新区石化产业联合工会',
    teacher: '黄志明 工程师',
    startsInDays: 35,
    hour: 14,
    sessions: 5,
    gapDays: 2,
    hours: 3,
    capacity: 24,
    fill: 10,
    fee: 2400,
    subsidy: 2000,
    orgId: 'lyg-xuwei-petrochem',
    summary: '工业机器人示教编程、日常维护与故障排查，面向石化、装备制造一线职工。',
  },
  {
    n: 10,
    title: '汽车维修工技能提升班',
    category: 'skills',
    district: 'guannan',
    organiser: '灌南县总工会',
    teacher: '许强 技师',
    startsInDays: -40,
    hour: 9,
    sessions: 4,
    gapDays: 2,
    hours: 3,
    capacity: 30,
    fill: 26,
    fee: 1000,
    subsidy: 800,
    summary: '发动机、底盘、电气系统检修与新能源汽车基础。',
  },
  {
    n: 11,
    title: '成人高考（高起专）辅导班',
    category: 'education',
    district: 'haizhou',
    organiser: '市总工会劳动和经济工作部',
    teacher: '市开放大学教师团队',
    startsInDays: 12,
    hour: 19,
    sessions: 10,
    gapDays: 3,
    hours: 2,
    capacity: 60,
    fill: 33,
    fee: 800,
    subsidy: 800,
    certificate: false,
    summary: '语文、数学、英语三门统考科目辅导，晚间上课。取得大专学历后可申领学历教育补贴。',
  },
  {
    n: 12,
    title: '自学考试本科辅导（工商管理）',
    category: 'education',
    district: 'lianyun',
    organiser: '连云区总工会',
    teacher: '江海大学继续教育学院',
    startsInDays: 18,
    hour: 14,
    sessions: 8,
    gapDays: 7,
    hours: 3,
    capacity: 40,
    fill: 15,
    certificate: false,
    summary: '管理学原理、经济法概论、市场营销学等课程串讲与历年真题。',
  },
  {
    n: 13,
    title: '开放大学新生入学指导',
    category: 'education',
    district: null,
    organiser: '市总工会劳动和经济工作部',
    teacher: '市开放大学',
    startsInDays: 3,
    hour: 19,
    sessions: 1,
    gapDays: 1,
    hours: 2,
    capacity: 200,
    fill: 64,
    audience: 'all_workers',
    certificate: false,
    summary: '线上直播：开放大学学习方式、选课与学分、学费与工会学历提升补贴申领流程。',
  },
  {
    n: 14,
    title: '安全生产法规与事故预防',
    category: 'safety',
    district: 'guannan',
    organiser: '灌南县化工园区企业联合工会',
    teacher: '应急管理局讲师团',
    startsInDays: 7,
    hour: 9,
    sessions: 2,
    gapDays: 1,
    hours: 3,
    capacity: 80,
    fill: 41,
    audience: 'all_workers',
    orgId: 'lyg-guannan-chemical',
    summary: '《安全生产法》要点、岗位风险辨识、典型事故案例与隐患排查。',
  },
  {
    n: 15,
    title: '有限空间作业安全培训',
    category: 'safety',
    district: 'xuwei',
    organiser: '徐圩新区总工会',
    teacher: '邵军',
    startsInDays: 16,
    hour: 14,
    sessions: 1,
    gapDays: 1,
    hours: 4,
    capacity: 60,
    fill: 18,
    audience: 'all_workers',
    summary: '有限空间辨识、通风检测、个体防护与应急救援演练。',
  },
  {
    n: 16,
    title: '消防安全与应急疏散演练',
    category: 'safety',
    district: 'haizhou',
    organiser: '连云港市第一人民医院工会',
    teacher: '市消防救援支队',
    startsInDays: 2,
    hour: 14,
    sessions: 1,
    gapDays: 1,
    hours: 2,
    capacity: 100,
    fill: 47,
    orgId: 'lyg-haizhou-hospital1',
    summary: '灭火器使用、初起火灾扑救、病区疏散演练。',
  },
  {
    n: 17,
    title: '港口作业安全规范',
    category: 'safety',
    district: 'lianyun',
    organiser: '连云港港口集团工会',
    teacher: '港口集团安监部',
    startsInDays: -20,
    hour: 9,
    sessions: 2,
    gapDays: 1,
    hours: 3,
    capacity: 60,
    fill: 52,
    orgId: 'lyg-lianyun-port',
    summary: '装卸作业、机械操作与高处作业安全规范，近年事故案例警示。',
  },
  {
    n: 18,
    title: '危险化学品安全管理',
    category: 'safety',
    district: 'guannan',
    organiser: '灌南县总工会',
    teacher: '化工园区安环部',
    startsInDays: 45,
    hour: 9,
    sessions: 2,
    gapDays: 1,
    hours: 3,
    capacity: 50,
    fill: 3,
    summary: '危化品储存、运输与使用安全，应急处置。',
  },
  {
    n: 19,
    title: '新生代农民工城市融入讲座',
    category: 'young_migrant',
    district: 'haizhou',
    organiser: '海州区新就业形态劳动者联合工会',
    teacher: '市社科联讲师',
    startsInDays: 5,
    hour: 19,
    sessions: 1,
    gapDays: 1,
    hours: 2,
    capacity: 80,
    fill: 22,
    audience: 'all_workers',
    certificate: false,
    orgId: 'lyg-haizhou-pool',
    summary: '社保、公积金、子女入学、积分落户政策讲解，现场答疑。',
  },
  {
    n: 20,
    title: '劳动合同与权益保护',
    category: 'young_migrant',
    district: 'ganyu',
    organiser: '赣榆区总工会',
    teacher: '工会法律援助志愿律师',
    startsInDays: 10,
    hour: 19,
    sessions: 1,
    gapDays: 1,
    hours: 2,
    capacity: 60,
    fill: 14,
    audience: 'all_workers',
    certificate: false,
    summary: '怎样签劳动合同、试用期、加班费、工伤与欠薪维权，案例说法。',
  },
  {
    n: 21,
    title: '外卖骑手交通安全与职业发展',
    category: 'young_migrant',
    district: 'kaifa',
    organiser: '开发区新就业形态劳动者联合工会',
    teacher: '交警支队宣传科',
    startsInDays: -10,
    hour: 15,
    sessions: 1,
    gapDays: 1,
    hours: 2,
    capacity: 80,
    fill: 60,
    audience: 'all_workers',
    orgId: 'lyg-kaifa-pool',
    summary: '电动车安全骑行、事故处理与职业伤害保障，骑手职业发展通道。',
  },
  {
    n: 22,
    title: '职场沟通与礼仪',
    category: 'young_migrant',
    district: 'donghai',
    organiser: '东海县水晶行业联合工会',
    teacher: '王蕾',
    startsInDays: 22,
    hour: 19,
    sessions: 2,
    gapDays: 7,
    hours: 2,
    capacity: 40,
    fill: 9,
    audience: 'all_workers',
    orgId: 'lyg-donghai-crystal',
    summary: '职场沟通、服务礼仪与客户接待，适合水晶电商与门店职工。',
  },
  {
    n: 23,
    title: '职工书屋·《平凡的世界》读书分享会',
    category: 'reading',
    district: 'haizhou',
    organiser: '市总工会职工书屋',
    teacher: '市作协会员 张明',
    startsInDays: 8,
    hour: 19,
    sessions: 1,
    gapDays: 1,
    hours: 2,
    capacity: 40,
    fill: 17,
    audience: 'all_workers',
    certificate: false,
    summary: '共读路遥《平凡的世界》，分享阅读感悟，现场赠书。',
  },
  {
    n: 24,
    title: '职工书屋·亲子共读',
    category: 'reading',
    district: 'lianyun',
    organiser: '连云区总工会',
    teacher: '区图书馆阅读推广人',
    startsInDays: 13,
    hour: 10,
    sessions: 1,
    gapDays: 1,
    hours: 2,
    capacity: 30,
    fill: 20,
    certificate: false,
    summary: '职工带孩子一起读绘本、做手工，周末上午。',
  },
  {
    n: 25,
    title: '劳模工匠读书会',
    category: 'reading',
    district: 'guanyun',
    organiser: '灌云县总工会',
    teacher: '县劳模协会',
    startsInDays: -5,
    hour: 14,
    sessions: 1,
    gapDays: 1,
    hours: 2,
    capacity: 30,
    fill: 21,
    certificate: false,
    summary: '劳模工匠分享读书与成长故事，共读《大国工匠》。',
  },
  {
    n: 26,
    title: '网上课程·Excel 办公实用技巧',
    category: 'online',
    district: null,
    organiser: '工会网上学院',
    teacher: '刘颖',
    startsInDays: 1,
    hour: 20,
    sessions: 4,
    gapDays: 2,
    hours: 1,
    capacity: 500,
    fill: 88,
    audience: 'all_workers',
    summary: '线上直播：表格整理、常用函数、数据透视表与图表，课后可回看。',
  },
  {
    n: 27,
    title: '网上课程·职工心理健康与压力调适',
    category: 'online',
    district: null,
    organiser: '工会网上学院',
    teacher: '国家二级心理咨询师 吴敏',
    startsInDays: 11,
    hour: 20,
    sessions: 2,
    gapDays: 7,
    hours: 1,
    capacity: 300,
    fill: 40,
    audience: 'all_workers',
    certificate: false,
    summary: '线上直播：识别压力与情绪、睡眠与放松训练、如何求助。',
  },
  {
    n: 28,
    title: '网上课程·普通话水平提升',
    category: 'online',
    district: null,
    organiser: '工会网上学院',
    teacher: '国家级普通话测试员',
    startsInDays: 19,
    hour: 20,
    sessions: 6,
    gapDays: 2,
    hours: 1,
    capacity: 200,
    fill: 26,
    summary: '声母韵母声调纠音、朗读与命题说话训练，为普通话等级测试做准备。',
  },
  {
    n: 29,
    title: '网上课程·短视频拍摄入门',
    category: 'online',
    district: null,
    organiser: '工会网上学院',
    teacher: '连云港融媒体中心',
    startsInDays: -30,
    hour: 20,
    sessions: 3,
    gapDays: 2,
    hours: 1,
    capacity: 300,
    fill: 70,
    audience: 'all_workers',
    summary: '手机拍摄构图、剪辑与字幕，讲好身边劳动者故事。',
  },
  {
    n: 30,
    title: '网上课程·工会会员权益知多少',
    category: 'online',
    district: null,
    organiser: '市总工会宣传教育和网络工作部',
    teacher: '市总工会讲师团',
    startsInDays: 27,
    hour: 20,
    sessions: 1,
    gapDays: 1,
    hours: 1,
    capacity: 1000,
    fill: 12,
    certificate: false,
    summary: '线上直播：会员服务卡、困难帮扶、法律援助、疗休养等会员权益一次讲清。',
  },
  {
    n: 31,
    title: '西式面点师（初级）培训',
    category: 'skills',
    district: 'haizhou',
    organiser: '海州区商贸流通行业联合工会',
    teacher: '何师傅',
    startsInDays: 40,
    hour: 14,
    sessions: 5,
    gapDays: 2,
    hours: 3,
    capacity: 25,
    fill: 0,
    status: 'draft',
    orgId: 'lyg-haizhou-retail',
    summary: '面包、蛋糕与中西点心制作基础，考核合格颁发初级证书。',
  },
  {
    n: 32,
    title: '家政服务员（中级）培训',
    category: 'skills',
    district: 'ganyu',
    organiser: '赣榆区总工会',
    teacher: '家政服务协会',
    startsInDays: 15,
    hour: 9,
    sessions: 4,
    gapDays: 1,
    hours: 3,
    capacity: 30,
    fill: 6,
    status: 'cancelled',
    summary: '家庭保洁、烹饪、衣物洗涤与照护技能。因场地维修暂停，择期另行开班。',
  },
  {
    n: 33,
    title: '港口机械司机技能比武集训',
    category: 'skills',
    district: 'lianyun',
    organiser: '连云港港口集团工会',
    teacher: '港口集团技能大师工作室',
    startsInDays: 28,
    hour: 9,
    sessions: 3,
    gapDays: 2,
    hours: 4,
    capacity: 20,
    fill: 0,
    status: 'draft',
    orgId: 'lyg-lianyun-port',
    summary: '门机、桥吊司机操作技能集训，为市职工技能竞赛选拔做准备。',
  },
]

/** Ids that stay the same across starts: the course's number in the list. */
const courseIdOf = (n: number) => `00000000-0000-4000-8000-0000000b${String(n).padStart(4, '0')}`

const familyNames =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
const givenNames = [
  '建国',
  '秀兰',
  '志强',
  '海燕',
  '明',
  '丽',
  '伟',
  '静',
  '军',
  '敏',
  '磊',
  '芳',
  '勇',
  '娟',
  '涛',
  '霞',
  '强',
  '艳',
  '杰',
  '红',
  '斌',
  '玲',
  '超',
  '萍',
  '鹏',
  '婷',
  '浩',
  '雪',
  '飞',
  '梅',
]
const employers = [
  '连云港港口集团',
  '江苏新海石化',
  '海州区某物业公司',
  '开发区某医药企业',
  '东海县某水晶加工厂',
  '灌云县某纺织厂',
  '赣榆区某金属制品厂',
  '某外卖配送站点',
  '某快递网点',
  '灌南县某化工企业',
]

/** A China wall-clock time `days` from today at `hour`. */
function chinaAt(now: Date, days: number, hour: number, minute = 0): Date {
  const china = new Date(now.getTime() + 8 * 3600_000)
  return new Date(Date.UTC(china.getUTCFullYear(), china.getUTCMonth(), china.getUTCDate() + days, hour, minute) - 8 * 3600_000)
}

/** The session running today: started an hour ago, ends in three — whenever the demo starts. */
function todaySession(now: Date): { startsAt: Date; endsAt: Date } {
  const startsAt = new Date(Math.floor((now.getTime() - 3600_000) / 600_000) * 600_000)
  return { startsAt, endsAt: new Date(startsAt.getTime() + 4 * 3600_000) }
}

function sessionTimes(course: DemoCourse, now: Date): Array<{ startsAt: Date; endsAt: Date }> {
  return Array.from({ length: course.sessions }, (_, index) => {
    if (course.n === 1 && index === 1) return todaySession(now)
    const startsAt = chinaAt(now, course.startsInDays + index * course.gapDays, course.hour)
    return { startsAt, endsAt: new Date(startsAt.getTime() + course.hours * 3600_000) }
  })
}

/** Demo trainees: users of their own (not members), enough to fill the largest demo course. */
async function demoTrainees(context: SystemContext, count: number) {
  const openids = Array.from({ length: count }, (_, index) => `demo-trainee-${String(index + 1).padStart(3, '0')}`)
  const names = openids.map((_, index) => `${familyNames[index % familyNames.length]}${givenNames[(index * 7) % givenNames.length]}`)
  await context.db
    .insert(users)
    .values(openids.map((openid, index) => ({ openid, nickname: names[index]! })))
    .onConflictDoNothing()
  const rows = await context.db.select({ id: users.id, openid: users.openid }).from(users).where(inArray(users.openid, openids))
  return openids.flatMap((openid, index) => {
    const row = rows.find((candidate) => candidate.openid === openid)
    return row ? [{ userId: row.id, name: names[index]!, unit: employers[index % employers.length]! }] : []
  })
}

/** Attendance for a past session: most on time, some late, a few missing (recorded absent after). */
function demoArrival(index: number, sessionIndex: number): AttendanceStatus | null {
  const roll = (index * 31 + sessionIndex * 17) % 20
  if (roll === 0 || roll === 7) return null
  if (roll === 3 || roll === 11) return 'late'
  return 'present'
}

export async function seedTrainingDemo(context: SystemContext): Promise<void> {
  const { db, now } = context
  await db.insert(trainingSettings).values({ id: 'default' }).onConflictDoNothing()
  const staff = await findUserByOpenid(db, 'demo-training')
  const member = await findUserByOpenid(db, 'demo-member')
  const worker = await findUserByOpenid(db, 'demo-worker')
  const existing = await db
    .select({ id: trainingCourses.id })
    .from(trainingCourses)
    .where(
      inArray(
        trainingCourses.id,
        demoCourses.map((course) => courseIdOf(course.n)),
      ),
    )
  const trainees = await demoTrainees(context, 90)

  for (const demo of demoCourses) {
    const id = courseIdOf(demo.n)
    if (existing.some((row) => row.id === id)) continue
    await db.transaction(async (tx) => {
      const txContext = withDb(context, tx)
      const times = sessionTimes(demo, now)
      const status = demo.status ?? 'published'
      const venue = demo.district ? venues[demo.district] : null
      const fee = demo.fee ?? 0
      const createdAt = new Date(Math.min(now.getTime(), times[0]!.startsAt.getTime()) - 14 * DAY)
      await tx.insert(trainingCourses).values({
        id,
        orgId: demo.orgId ?? 'lyg',
        status,
        title: demo.title,
        category: demo.category,
        summary: demo.summary,
        organiser: demo.organiser,
        teacher: demo.teacher,
        mode: demo.category === 'online' || !venue ? 'online' : 'offline',
        district: demo.district,
        address: venue?.address ?? null,
        latitude: venue?.latitude ?? null,
        longitude: venue?.longitude ?? null,
        onlineUrl: venue ? null : 'https://live.example.cn/lyg-union/course',
        capacity: demo.capacity,
        enrollDeadline: new Date(times[0]!.startsAt.getTime() - 2 * 3600_000),
        audience: demo.audience ?? 'members',
        feeFen: fee * 100,
        subsidyFen: Math.min(demo.subsidy ?? fee, fee) * 100,
        completionRule: demo.sessions > 1 ? `出勤率达到 80%（${Math.ceil(demo.sessions * 0.8)} 次课及以上）` : '按时参加并签到',
        certificate: demo.certificate ?? true,
        firstSessionAt: times[0]!.startsAt,
        lastSessionEndsAt: times.at(-1)!.endsAt,
        sessionCount: times.length,
        cancelReason: status === 'cancelled' ? '培训场地维修，本期暂停，择期另行开班' : null,
        createdBy: staff?.id ?? null,
        createdAt,
        updatedAt: createdAt,
        publishedAt: status === 'published' ? createdAt : null,
      })
      await tx
        .insert(trainingSessions)
        .values(times.map((time, index) => ({ courseId: id, ...time, topic: demo.sessions > 1 ? `第 ${index + 1} 讲` : null })))
      await appendTimelineEvent(tx, {
        subjectType: 'training_course',
        subjectId: id,
        actorId: staff?.id ?? null,
        actorRole: 'training_staff',
        fromStatus: null,
        toStatus: 'draft',
        action: 'create',
        at: createdAt,
      })
      if (status === 'draft') return

      // The demo people: the member in a few courses, the (non-member) worker in an open one.
      const people: Array<{ userId: string; name: string; unit: string; member: boolean }> = []
      if (member && [1, 3, 7, 10, 16, 29].includes(demo.n))
        people.push({ userId: member.id, name: '李秀英', unit: '连云港市第一人民医院工会', member: true })
      if (worker && [13, 26].includes(demo.n))
        people.push({ userId: worker.id, name: '王小明', unit: '美团外卖（海州站点）', member: false })
      const total = demo.fill + (demo.waitlist ?? 0)
      // The member waits third in line on the full course (3); elsewhere the demo people hold seats.
      const others = trainees.slice(0, Math.max(0, total - people.length)).map((trainee) => ({ ...trainee, member: false }))
      const ordered = demo.n === 3 ? [...others.slice(0, demo.fill + 2), ...people, ...others.slice(demo.fill + 2)] : [...people, ...others]
      const all = ordered.slice(0, total)
      const finished = times.at(-1)!.endsAt.getTime() <= now.getTime()
      const seated = status === 'cancelled' ? 0 : demo.fill
      const rows = all.map((person, index) => ({
        courseId: id,
        userId: person.userId,
        status: status === 'cancelled' ? ('course_cancelled' as const) : index < seated ? ('enrolled' as const) : ('waitlisted' as const),
        traineeName: person.name,
        traineeUnit: person.unit,
        member: person.member,
        seatedAt: index < seated ? new Date(createdAt.getTime() + (index + 1) * 3600_000) : null,
        endedAt: status === 'cancelled' ? createdAt : null,
        createdAt: new Date(createdAt.getTime() + (index + 1) * 3600_000),
        updatedAt: new Date(createdAt.getTime() + (index + 1) * 3600_000),
      }))
      if (rows.length === 0) return
      const inserted = await tx.insert(trainingEnrollments).values(rows).returning()
      const waitlisted = inserted.filter((row) => row.status === 'waitlisted').length
      await tx
        .update(trainingCourses)
        .set({ seatsTaken: status === 'cancelled' ? 0 : Math.min(seated, inserted.length), waitlistCount: waitlisted })
        .where(eq(trainingCourses.id, id))
      // One statement for the course's enrollments: the demo starts with the server, on a busy machine too.
      await tx.insert(timelineEvents).values(
        inserted.map((row) => ({
          subjectType: ENROLLMENT_SUBJECT,
          subjectId: row.id,
          actorId: row.userId,
          actorRole: 'applicant',
          fromStatus: null,
          toStatus: row.status === 'course_cancelled' ? 'enrolled' : row.status,
          action: row.status === 'waitlisted' ? 'waitlist' : 'enroll',
          note: null,
          visibility: 'public' as const,
          createdAt: row.createdAt,
        })),
      )
      for (const person of people) {
        const mine = inserted.find((row) => row.userId === person.userId)
        if (mine)
          await grantSubscribeCredits(tx, { userId: person.userId, subject: { type: ENROLLMENT_SUBJECT, id: mine.id }, accepted: 0, now })
      }

      // What happened at the sessions already over: arrivals, then the job's work (absences, completion).
      const sessions = await sessionsOf(tx, [id])
      const past = sessions.filter((session) => session.startsAt.getTime() < now.getTime())
      const seatedRows = inserted.filter((row) => row.status === 'enrolled')
      const arrivals = past.flatMap((session, sessionIndex) =>
        seatedRows.flatMap((row, index) => {
          // Today's session: a few have checked in already, so the roster has something to show.
          if (session.endsAt.getTime() > now.getTime() && index % 3 !== 0) return []
          const arrival =
            row.userId === member?.id && session.endsAt.getTime() > now.getTime() ? null : demoArrival(index + 1, sessionIndex)
          return arrival
            ? [
                {
                  sessionId: session.id,
                  enrollmentId: row.id,
                  status: arrival,
                  method: index % 4 === 0 ? ('card' as const) : ('code' as const),
                  checkedInAt: new Date(session.startsAt.getTime() + (arrival === 'late' ? 20 : -5) * 60_000),
                  updatedAt: session.startsAt,
                },
              ]
            : []
        }),
      )
      if (arrivals.length) await tx.insert(trainingAttendance).values(arrivals)
      for (const session of past.filter((item) => item.endsAt.getTime() <= now.getTime())) await closeSessionAttendance(txContext, session)
      if (finished) await settleCourse(txContext, id)
    })
  }
  await redateTodayCourse(context)
  await seedClaims(context, member?.id)
}

/**
 * A persistent demo database started on a later day: the course meant to run today is moved back
 * to today (its sessions keep their spacing), unless someone recorded attendance for it.
 */
async function redateTodayCourse(context: SystemContext): Promise<void> {
  const { db, now } = context
  const id = courseIdOf(1)
  const sessions = await sessionsOf(db, [id])
  const today = sessions[1]
  if (!today || today.endsAt.getTime() > now.getTime()) return
  const [recorded] = await db
    .select({ value: sql<number>`count(*)::int` })
    .from(trainingAttendance)
    .where(
      and(
        inArray(
          trainingAttendance.sessionId,
          sessions.map((session) => session.id),
        ),
        eq(trainingAttendance.method, 'code'),
        sql`${trainingAttendance.updatedAt} > ${today.endsAt}`,
      ),
    )
  if (Number(recorded?.value ?? 0) > 0) return
  const shift = todaySession(now).startsAt.getTime() - today.startsAt.getTime()
  await db.transaction(async (tx) => {
    for (const session of sessions) {
      await tx
        .update(trainingSessions)
        .set({
          startsAt: new Date(session.startsAt.getTime() + shift),
          endsAt: new Date(session.endsAt.getTime() + shift),
          attendanceClosedAt: null,
        })
        .where(eq(trainingSessions.id, session.id))
    }
    await tx.delete(trainingAttendance).where(
      inArray(
        trainingAttendance.sessionId,
        sessions.slice(1).map((session) => session.id),
      ),
    )
    const moved = await sessionsOf(tx, [id])
    await tx
      .update(trainingCourses)
      .set({
        firstSessionAt: moved[0]!.startsAt,
        lastSessionEndsAt: moved.at(-1)!.endsAt,
        enrollDeadline: new Date(moved[0]!.startsAt.getTime() - 2 * 3600_000),
        settledAt: null,
      })
      .where(eq(trainingCourses.id, id))
  })
}

interface DemoClaim {
  id: string
  kind: SubsidyKind
  status: 'submitted' | 'approved' | 'paid'
  certificateName: string
  certificateNo: string
  daysAgo: number
}

const demoClaims: DemoClaim[] = [
  {
    id: '00000000-0000-4000-8000-0000000c0001',
    kind: 'intermediate',
    status: 'paid',
    certificateName: '电工（中级）职业技能等级证书',
    certificateNo: 'S2026320700A1',
    daysAgo: 60,
  },
  {
    id: '00000000-0000-4000-8000-0000000c0002',
    kind: 'technician',
    status: 'submitted',
    certificateName: '电工（技师）职业技能等级证书',
    certificateNo: 'S2026320700B2',
    daysAgo: 10,
  },
]

/** The demo member's claims: one paid earlier this year, a higher one waiting (the highest-only rule shows). */
async function seedClaims(context: SystemContext, memberId: string | undefined): Promise<void> {
  const { db, now } = context
  const year = chinaYear(now)
  await quotaOf(db, year)
  if (!memberId) return
  const existing = await db
    .select({ id: trainingSubsidyClaims.id })
    .from(trainingSubsidyClaims)
    .where(
      inArray(
        trainingSubsidyClaims.id,
        demoClaims.map((claim) => claim.id),
      ),
    )
  for (const claim of demoClaims.filter((item) => !existing.some((row) => row.id === item.id))) {
    await db.transaction(async (tx) => {
      const createdAt = new Date(now.getTime() - claim.daysAgo * DAY)
      const certificateDate = new Date(createdAt.getTime() - 10 * DAY)
      const china = new Date(certificateDate.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
      const rule = SUBSIDY_AMOUNT_YUAN[claim.kind] * 100
      const granted = claim.status !== 'submitted'
      // The highest-only rule: a technician's certificate in the year of the paid 中级工 one is paid the difference.
      const earlier = await tx
        .select({ fen: trainingSubsidyClaims.approvedAmountFen })
        .from(trainingSubsidyClaims)
        .where(
          and(
            eq(trainingSubsidyClaims.applicantId, memberId),
            eq(trainingSubsidyClaims.certificateYear, Number(china.slice(0, 4))),
            inArray(trainingSubsidyClaims.status, ['approved', 'paid']),
          ),
        )
      const payable = Math.max(0, rule - earlier.reduce((sum, row) => sum + (row.fen ?? 0), 0))
      const decidedAt = new Date(createdAt.getTime() + 3 * DAY)
      const quotaYear = chinaYear(decidedAt)
      await tx.insert(trainingSubsidyClaims).values({
        id: claim.id,
        applicantId: memberId,
        kind: claim.kind,
        status: claim.status,
        certificateName: claim.certificateName,
        certificateNo: claim.certificateNo,
        certificateDate: china,
        certificateYear: Number(china.slice(0, 4)),
        employer: '连云港市第一人民医院',
        socialInsuranceMonths: 96,
        unitOrgId: 'lyg-haizhou-hospital1',
        applicantName: '李秀英',
        ruleAmountFen: rule,
        payableFen: payable,
        approvedAmountFen: granted ? payable : null,
        quotaYear: granted ? quotaYear : null,
        paymentReference: claim.status === 'paid' ? 'LYGZGH-2026-0417' : null,
        createdAt,
        updatedAt: createdAt,
        decidedAt: granted ? decidedAt : null,
        paidAt: claim.status === 'paid' ? new Date(createdAt.getTime() + 8 * DAY) : null,
      })
      await appendTimelineEvent(tx, {
        subjectType: CLAIM_SUBJECT,
        subjectId: claim.id,
        actorId: memberId,
        actorRole: 'applicant',
        fromStatus: null,
        toStatus: 'submitted',
        action: 'submit',
        at: createdAt,
      })
      if (granted && quotaYear === year) {
        await tx
          .update(trainingSubsidyQuotas)
          .set({ used: sql`${trainingSubsidyQuotas.used} + 1` })
          .where(eq(trainingSubsidyQuotas.year, year))
      }
      await grantSubscribeCredits(tx, { userId: memberId, subject: { type: CLAIM_SUBJECT, id: claim.id }, accepted: 0, now })
    })
  }
}
