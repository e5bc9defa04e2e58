#!/usr/bin/env node
// Runs @doyensec/electronegativity over the app's sources (main/, preload/, renderer/
// and the package manifests) and fails on any HIGH or MEDIUM finding, and on any file
// it could not parse (an unparsed file is an unscanned file). The tool's CLI exits 0
// whatever it finds and its CSV writer races its header against the rows, so its own
// programmatic runner is called and the findings are read from its return value.
// A false positive may be silenced only inline: `eng-disable CHECK_ID` and a reason.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const run = require('@doyensec/electronegativity');

const work = mkdtempSync(join(tmpdir(), 'attest-eng-'));
try {
  for (const entry of ['main', 'preload', 'renderer', 'package.json', 'package-lock.json']) {
    cpSync(join(root, entry), join(work, entry), { recursive: true });
  }
  const result = await run({ input: work, isRelative: true, isVerbose: false, customScan: [], excludeFromScan: [] }, false);
  const rel = (file) => String(file).replace(`${work}/`, '');
  for (const issue of result.issues) {
    console.log(
      `  ${issue.severity.name.padEnd(13)} ${issue.id} ${rel(issue.file)}:${issue.location.line}:${issue.location.column} (${issue.confidence.name})`,
    );
  }
  for (const error of result.errors)
    console.log(`  PARSE ERROR   ${rel(error.file)}: ${error.message ?? error.error ?? 'could not parse'}`);
  const blocking = result.issues.filter((i) => ['HIGH', 'MEDIUM'].includes(i.severity.name));
  console.log(
    `electronegativity: ${result.atomicChecks} atomic and ${result.globalChecks} global checks; ` +
      `${result.issues.length} findings, ${blocking.length} HIGH or MEDIUM, ${result.errors.length} files not parsed`,
  );
  if (blocking.length > 0 || result.errors.length > 0) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
