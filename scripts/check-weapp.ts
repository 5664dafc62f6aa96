// `npm run check:weapp` — WeChat's own compilers over the WeChat build. Exit 1 on any error.
import path from 'node:path'
import { checkWeappBuild } from './lib/weapp-check'

async function main(): Promise<void> {
  const distDir = path.resolve(process.argv[2] ?? 'dist')
  const result = await checkWeappBuild(distDir, { withMiniprogramCi: !process.argv.includes('--no-ci') })
  console.log(`WeChat build check of ${distDir}`)
  console.log(`  wcc over ${result.files.wxml} .wxml + ${result.files.wxs} .wxs, wcsc over ${result.files.wxss} .wxss`)
  for (const item of result.packages) {
    console.log(
      `  package ${item.root.padEnd(14)} ${(item.bytes / 1024).toFixed(1).padStart(8)} KiB (limit ${(item.limit / 1024).toFixed(0)} KiB)`,
    )
  }
  for (const note of result.notes) console.log(`  ${note}`)
  if (!result.ok) {
    for (const error of result.errors) console.error(`  ERROR ${error}`)
    process.exit(1)
  }
  console.log('  OK')
  // miniprogram-ci leaves a file watcher behind; the check is done.
  process.exit(0)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
