import { render } from '@testing-library/react'
import { defineWorkflow } from '@contract/kit/workflow'
import type { TimelineEvent } from '@contract/timeline'
import { timelineEventFixture as event } from '@fixtures/legal-aid'
import { Timeline } from './index'

const workflow = defineWorkflow({
  subject: 'thing',
  noun: '事项',
  statuses: {
    submitted: { label: '待受理', open: true },
    accepted: { label: '已受理', open: true },
    closed: { label: '已办结', open: false },
  },
  actions: {
    accept: { label: '受理', from: ['submitted'], to: 'accepted', by: 'staff' },
    reassign: { label: '更换律师', from: ['accepted'], by: 'staff' },
    note: { label: '进展', from: ['submitted', 'accepted'], by: 'staff' },
    close: { label: '办结', from: ['accepted'], to: 'closed', by: 'staff' },
  },
})

function shown(events: TimelineEvent[]) {
  const { container } = render(<Timeline events={events} workflow={workflow} />)
  return Array.from(container.querySelectorAll('.lg-timeline__item')).map((item) => ({
    title: item.querySelector('.lg-timeline__title')?.textContent,
    current: item.getAttribute('data-current') === 'true',
    internal: item.getAttribute('data-internal') === 'true',
  }))
}

describe('Timeline', () => {
  it('shows the history oldest first, whatever order it came in, and marks the current step', () => {
    const steps = shown([
      event({ at: '2026-11-22T08:00:00Z', fromStatus: 'accepted', toStatus: 'closed', action: 'close' }),
      event({ at: '2026-11-20T08:00:00Z', fromStatus: null, toStatus: 'submitted' }),
      event({ at: '2026-11-21T08:00:00Z', fromStatus: 'submitted', toStatus: 'accepted', action: 'accept' }),
    ])
    expect(steps.map((step) => step.title)).toEqual(['待受理', '已受理', '已办结'])
    expect(steps.map((step) => step.current)).toEqual([false, false, true])
  })

  it('names a step that kept the status by its action, and marks internal notes', () => {
    const steps = shown([
      event({ at: '2026-11-20T08:00:00Z', toStatus: 'submitted' }),
      event({ at: '2026-11-21T08:00:00Z', fromStatus: 'submitted', toStatus: 'accepted', action: 'accept' }),
      event({ at: '2026-11-21T09:00:00Z', fromStatus: 'accepted', toStatus: 'accepted', action: 'reassign', note: '改由周律师承办' }),
      event({ at: '2026-11-21T10:00:00Z', fromStatus: 'accepted', toStatus: 'accepted', action: 'note', internal: true }),
      event({ at: '2026-11-21T11:00:00Z', fromStatus: 'accepted', toStatus: 'accepted', action: null }),
    ])
    expect(steps.map((step) => step.title)).toEqual(['待受理', '已受理', '更换律师', '进展', '补充记录'])
    expect(steps.map((step) => step.internal)).toEqual([false, false, false, true, false])
  })

  it('keeps the order of steps made at the same moment', () => {
    const at = '2026-11-21T08:00:00Z'
    const steps = shown([
      event({ at, toStatus: 'submitted' }),
      event({ at, fromStatus: 'submitted', toStatus: 'accepted', action: 'accept' }),
    ])
    expect(steps.map((step) => step.title)).toEqual(['待受理', '已受理'])
  })
})
