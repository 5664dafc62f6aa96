import { DashboardPage } from '@/components/stats-board'
import { trainingStats } from '../../api'

/** 培训数据看板: trainees this year against the plan, by category and district, fill and attendance. */
export default function TrainingStatsPage() {
  return <DashboardPage className='tr-stats' load={trainingStats} />
}
