#!/usr/bin/env node
// `attest` in a checkout (linked by link-bin.cjs, used by the tests): runs the CLI from
// its TypeScript source through tsx, with no build step. The npm package ships the
// built one-file CLI instead (out/cli/attest.cjs, `npm run build:cli`).
require('tsx/cjs/api').register();
const { runCli } = require('./main.ts');

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
