import fs from 'node:fs'
import path from 'node:path'

const src = path.resolve(__dirname, '..', '..', 'src')

function sourcesUnder(directory: string): string[] {
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name)
    if (entry.isDirectory()) return sourcesUnder(full)
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : []
  })
}

describe('dialogs in the app’s colours', () => {
  it('no page or component opens a modal itself: services/taro-dialogs.ts (confirm, tell) is the one place, so none shows WeChat green', () => {
    const direct = sourcesUnder(src)
      .filter((file) => !file.endsWith(path.join('services', 'taro-dialogs.ts')))
      .filter((file) => /\bTaro\.showModal\s*\(/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(src, file))
    expect(direct).toEqual([])
  })
})
