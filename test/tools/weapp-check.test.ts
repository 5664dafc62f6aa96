import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { checkWeappBuild } from '../../scripts/lib/weapp-check'

/** A tiny but valid WeChat build: one main page and one subpackage page. */
function makeBuild(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgh-weapp-'))
  const write = (file: string, text: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    fs.writeFileSync(path.join(dir, file), text)
  }
  write('app.json', JSON.stringify({ pages: ['pages/home/index'], subPackages: [{ root: 'membership', pages: ['pages/apply/index'] }] }))
  write('app.js', 'App({})')
  write('app.wxss', 'page { color: #333; }')
  write('pages/home/index.wxml', '<view class="a"><text>{{title}}</text></view>')
  write('pages/home/index.wxss', '.a { font-size: 32rpx; }')
  write('pages/home/index.js', 'Page({ data: { title: "首页" } })')
  write('pages/home/index.json', '{}')
  write('membership/pages/apply/index.wxml', '<view wx:if="{{ok}}">入会</view>')
  write('membership/pages/apply/index.js', 'Page({})')
  write('membership/pages/apply/index.json', '{}')
  return dir
}

describe('checkWeappBuild (WeChat wcc/wcsc, offline)', () => {
  let dir: string
  beforeEach(() => {
    dir = makeBuild()
  })
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('passes a valid build and reports each package', async () => {
    const result = await checkWeappBuild(dir)
    expect(result.errors).toEqual([])
    expect(result.ok).toBe(true)
    expect(result.files).toEqual({ wxml: 2, wxs: 0, wxss: 2 })
    expect(result.packages.map((item) => item.root)).toEqual(['(main)', 'membership/'])
  })

  it('fails on a WXML syntax error, naming the file', async () => {
    fs.writeFileSync(path.join(dir, 'membership/pages/apply/index.wxml'), '<view><text>未闭合</view>')
    const result = await checkWeappBuild(dir)
    expect(result.ok).toBe(false)
    expect(result.errors.join('\n')).toMatch(/wcc: .*membership\/pages\/apply\/index\.wxml/)
  })

  it('fails on a WXSS syntax error', async () => {
    fs.writeFileSync(path.join(dir, 'pages/home/index.wxss'), '.a { color: red; ')
    const result = await checkWeappBuild(dir)
    expect(result.ok).toBe(false)
    expect(result.errors.join('\n')).toMatch(/wcsc: .*pages\/home\/index\.wxss/)
  })

  it('fails when the main package is over 1024 KiB', async () => {
    fs.writeFileSync(path.join(dir, 'vendors.js'), Buffer.alloc(1025 * 1024, 'a'))
    const result = await checkWeappBuild(dir)
    expect(result.ok).toBe(false)
    expect(result.errors).toEqual([expect.stringMatching(/package \(main\) is 10\d\d\.\d KiB, over the 1024 KiB limit/)])
  })

  it('counts subpackage files against the subpackage, not the main package', async () => {
    fs.writeFileSync(path.join(dir, 'membership/big.js'), Buffer.alloc(1100 * 1024, 'a'))
    const result = await checkWeappBuild(dir)
    expect(result.ok).toBe(true)
  })

  it('says what to do when there is no build', async () => {
    const result = await checkWeappBuild(path.join(dir, 'missing'))
    expect(result.errors[0]).toMatch(/build the WeChat target first/)
  })
})
