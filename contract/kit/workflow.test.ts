import { defineWorkflow, openStatuses } from './workflow'

describe('defineWorkflow', () => {
  const statuses = {
    draft: { label: '草稿', open: true },
    sent: { label: '已提交', open: true },
    done: { label: '已办结', open: false },
  }
  const flow = defineWorkflow({
    subject: 'thing',
    noun: '事项',
    statuses,
    actions: {
      send: { label: '提交', from: ['draft'], to: 'sent', by: 'applicant' },
      finish: { label: '办结', from: ['sent'], to: 'done', by: 'staff' },
      remark: { label: '备注', from: openStatuses(statuses), by: 'staff' },
    },
  })

  it('moves a record along the table, and keeps it in place for an action without `to`', () => {
    expect(flow.next('draft', 'send')).toEqual({ ok: true, to: 'sent' })
    expect(flow.next('sent', 'remark')).toEqual({ ok: true, to: 'sent' })
  })

  it('refuses anything else with the words of the workflow', () => {
    expect(flow.next('done', 'finish')).toEqual({ ok: false, message: '事项当前为“已办结”，不能办结' })
    expect(flow.next('done', 'remark')).toEqual({ ok: false, message: '事项当前为“已办结”，不能备注' })
  })

  it('knows which statuses are open and what each side may do from where', () => {
    expect(openStatuses(statuses)).toEqual(['draft', 'sent'])
    expect(flow.isOpen('done')).toBe(false)
    expect(flow.actionsFrom('sent', 'staff')).toEqual(['finish', 'remark'])
    expect(flow.actionsFrom('sent', 'applicant')).toEqual([])
    expect(flow.statusLabel).toEqual({ draft: '草稿', sent: '已提交', done: '已办结' })
  })
})
