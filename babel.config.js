// babel-preset-taro compiles the mini-program (and, through babel-jest, the page tests).
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
}
