// npm links the bins of dependencies, not of the project itself; `prepare` runs this
// after every install so `npx attest` works in a checkout.
const { mkdirSync, rmSync, symlinkSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '../..');
const binDir = join(root, 'node_modules/.bin');
const link = join(binDir, 'attest');
mkdirSync(binDir, { recursive: true });
rmSync(link, { force: true });
symlinkSync(relative(binDir, join(__dirname, 'bin.cjs')), link);
