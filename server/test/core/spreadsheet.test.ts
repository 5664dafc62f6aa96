import ExcelJS from 'exceljs'
import { sheet, workbookBuffer } from '../../src/core/spreadsheet'
import { readWorkbook } from '../helpers/spreadsheet'

interface Trainee {
  name: string
  attended: number
  fee: number
  checkedInAt: Date | null
}

describe('spreadsheet exports', () => {
  const rows: Trainee[] = [
    { name: '李秀英', attended: 3, fee: 120.5, checkedInAt: new Date('2026-12-01T01:00:00Z') },
    // A name that looks like a formula stays text: no formula injection.
    { name: '=HYPERLINK("http://x")', attended: 1, fee: 0, checkedInAt: null },
  ]
  const roster = sheet<Trainee>({
    name: '花名册: 12/01',
    caption: ['数控车工（中级）培训班', '导出时间 2026年12月1日'],
    columns: [
      { header: '姓名', value: (row) => row.name },
      { header: '出勤次数', value: (row) => row.attended, format: 'count' },
      { header: '费用（元）', value: (row) => row.fee, format: 'yuan' },
      { header: '签到时间', value: (row) => row.checkedInAt, format: 'datetime' },
    ],
    rows,
    totals: ['出勤次数', '费用（元）'],
  })

  it('when written and read back, then the caption, header, rows and totals are where they belong', async () => {
    const workbook = await readWorkbook(await workbookBuffer([roster], new Date('2026-12-01T02:00:00Z')))
    const worksheet = workbook.worksheets[0]!
    // Excel forbids ":" and "/" in a tab's name.
    expect(worksheet.name).toBe('花名册  12 01')
    expect(worksheet.getCell('A1').value).toBe('数控车工（中级）培训班')
    expect(worksheet.getRow(4).values).toEqual([undefined, '姓名', '出勤次数', '费用（元）', '签到时间'])
    expect(worksheet.getCell('A5').value).toBe('李秀英')
    expect(worksheet.getCell('C5').value).toBe(120.5)
    expect(worksheet.getCell('C5').numFmt).toBe('#,##0.00')
    expect(worksheet.getCell('D5').value).toEqual(new Date('2026-12-01T01:00:00Z'))
    expect(worksheet.getCell('A6').value).toBe('=HYPERLINK("http://x")')
    expect(worksheet.getCell('A6').type).toBe(ExcelJS.ValueType.String)
    expect(worksheet.getRow(7).values).toEqual([undefined, '合计', 4, 120.5])
  })
})
