import ExcelJS from 'exceljs'

/** Opens an exported .xlsx (a route's body, or the kit's buffer) as a workbook, to check its cells. */
export async function readWorkbook(bytes: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  // exceljs types its input as its own Buffer; a copy into a plain ArrayBuffer satisfies it.
  const copy = new Uint8Array(bytes.byteLength)
  copy.set(bytes)
  await workbook.xlsx.load(copy.buffer)
  return workbook
}
