import { DashboardPage } from '@/components/stats-board'
import { getHardshipStats } from '../../api'
import './index.css'

/** 困难帮扶统计: files by tier and label, applications, money paid, the year's 解困脱困率 against the plan's 20 %. */
export default function HardshipStatsPage() {
  return <DashboardPage className='hs-stats' load={getHardshipStats} />
}
