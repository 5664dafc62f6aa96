import ExcelJS from 'exceljs'
import type { FastifyReply } from 'fastify'

/**
 * Excel exports (a course roster, an attendance sheet, a merchant's monthly statement): each
 * line says what its columns are, the kit writes the workbook with exceljs. Cells are typed
 * values, never formulas — a name that starts with "=" stays text (no formula injection, which
 * bites CSV exports).
 */
export type CellValue = string | number | Date | null

export type CellFormat = 'text' | 'count' | 'yuan' | 'date' | 'datetime' | 'percent'

export interface SheetColumn<Row> {
  header: string
  value(row: Row): CellValue
  format?: CellFormat
  /** In characters; a sensible default from the header otherwise. */
  width?: number
}

export interface SheetSpec<Row> {
  /** The tab's name (Excel allows 31 characters, no `[]:*?/\`). */
  name: string
  /** Rows above the table: the course, the period, when it was exported. */
  caption?: readonly string[]
  columns: ReadonlyArray<SheetColumn<Row>>
  rows: readonly Row[]
  /** A last row of sums for these columns' headers. */
  totals?: readonly string[]
}

/** A sheet with its row type checked against its columns, ready to go into a workbook with others. */
export interface Sheet {
  readonly name: string
  write(workbook: ExcelJS.Workbook): void
}

const NUMBER_FORMATS: Record<CellFormat, string | undefined> = {
  text: '@',
  count: '0',
  yuan: '#,##0.00',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
  percent: '0.0%',
}

export function sheet<Row>(spec: SheetSpec<Row>): Sheet {
  const name = spec.name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31)
  return {
    name,
    write(workbook) {
      const worksheet = workbook.addWorksheet(name)
      for (const line of spec.caption ?? []) worksheet.addRow([line])
      if (spec.caption?.length) worksheet.addRow([])
      const headerRow = worksheet.addRow(spec.columns.map((column) => column.header))
      headerRow.font = { bold: true }
      headerRow.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF3F4F6' } }
      const first = headerRow.number + 1
      for (const row of spec.rows) worksheet.addRow(spec.columns.map((column) => column.value(row)))
      if (spec.totals?.length) {
        const totalRow = worksheet.addRow(
          spec.columns.map((column, index) => {
            if (index === 0) return '合计'
            if (!spec.totals?.includes(column.header)) return null
            return spec.rows.reduce((sum, row) => sum + Number(column.value(row) ?? 0), 0)
          }),
        )
        totalRow.font = { bold: true }
      }
      spec.columns.forEach((column, index) => {
        const sheetColumn = worksheet.getColumn(index + 1)
        sheetColumn.width = column.width ?? Math.max(10, column.header.length * 2 + 2)
        const format = NUMBER_FORMATS[column.format ?? 'text']
        if (format)
          for (let rowNumber = first; rowNumber <= worksheet.rowCount; rowNumber++) worksheet.getCell(rowNumber, index + 1).numFmt = format
      })
      worksheet.views = [{ state: 'frozen', ySplit: headerRow.number }]
    },
  }
}

export async function workbookBuffer(sheets: readonly Sheet[], now: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = '连·工惠'
  workbook.created = now
  for (const one of sheets) one.write(workbook)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * Sends a workbook as a download. The name may be Chinese (RFC 6266's `filename*`), with an ASCII
 * fallback; never cached, since it holds people's names.
 */
export function sendSpreadsheet(reply: FastifyReply, fileName: string, body: Buffer, asciiFallback = 'export.xlsx'): FastifyReply {
  return reply
    .header('content-type', XLSX_TYPE)
    .header('content-disposition', `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
    .header('cache-control', 'no-store')
    .send(body)
}
