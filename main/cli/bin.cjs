#!/usr/bin/env node
// The `attest` command: runs the CLI from its TypeScript source through tsx, so the
// CLI and the tests use exactly the core the app uses, with no separate build step.
require('tsx/cjs/api').register();
const { runCli } = require('./main.ts');

runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
