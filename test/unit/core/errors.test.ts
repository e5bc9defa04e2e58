// The error registry (main/contract/errors.ts): every code thrown or reported anywhere in
// main/ is declared there with its exit code and kind, no declared code is dead, and
// the CLI's exit codes and the IPC payload come from it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ERRORS, ERROR_KINDS, isErrorCode } from '../../../main/contract/errors';
import { exitCodeFor } from '../../../main/cli/exit-codes';
import { AttestError, toErrorPayload } from '../../../main/core/errors';

const root = new URL('../../../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    return statSync(join(root, path)).isDirectory() ? sources(path) : name.endsWith('.ts') ? [path] : [];
  });
}

const files = sources('main').filter((f) => f !== 'main/contract/errors.ts');
const text = new Map(files.map((f) => [f, readFileSync(join(root, f), 'utf8')]));

// Every way a code is written where it is raised or reported: thrown errors, failed
// results, check outcomes, and `code === '…'` tests of codes.
const RAISED = [
  /\bAttestError\(\s*'([A-Z][A-Z0-9_]+)'/g,
  /\bworkspaceError\(\s*'([A-Z][A-Z0-9_]+)'/g,
  /\bfail\(\s*'([A-Z][A-Z0-9_]+)'/g,
  /\berrorCode:\s*'([A-Z][A-Z0-9_]+)'/g,
  /\bcode\s*===?\s*'([A-Z][A-Z0-9_]+)'/g,
];

test('every code raised in main/ is declared in the registry', () => {
  const undeclared: string[] = [];
  for (const [file, src] of text) {
    for (const re of RAISED) {
      for (const m of src.matchAll(re)) {
        // Node's own errno codes (ENOENT, EACCES…) are tested too; they are not Attest's.
        if (!isErrorCode(m[1]!) && !/^E[A-Z0-9]+$/.test(m[1]!)) undeclared.push(`${file}: ${m[1]}`);
      }
    }
  }
  assert.deepEqual(undeclared, []);
});

test('no declared code is dead: each is named somewhere in main/ outside the registry', () => {
  const all = [...text.values()].join('\n');
  const dead = Object.keys(ERRORS).filter((code) => !new RegExp(`\\b${code}\\b`).test(all));
  assert.deepEqual(dead, []);
});

test('each code has a kind and its own exit code; none falls through to 1', () => {
  for (const [code, spec] of Object.entries(ERRORS)) {
    assert.ok((ERROR_KINDS as readonly string[]).includes(spec.kind), code);
    assert.ok(Number.isInteger(spec.exit) && spec.exit >= 2 && spec.exit <= 70, `${code} exits ${spec.exit}`);
    assert.equal(exitCodeFor(code), spec.exit, code);
  }
  assert.equal(exitCodeFor('SOMETHING_NOBODY_DECLARED'), 1);
  assert.equal(exitCodeFor('AUDIT_CHAIN_BROKEN'), 15);
});

test('the payload carries declared details only, and foreign errors stay INTERNAL without their words', () => {
  const e = new AttestError('HOSTS_NOT_APPROVED', 'Approve api.example.com first.', { details: { hosts: ['api.example.com'] } });
  assert.deepEqual(toErrorPayload(e), {
    code: 'HOSTS_NOT_APPROVED',
    message: 'Approve api.example.com first.',
    details: { hosts: ['api.example.com'] },
  });
  assert.deepEqual(Object.keys(toErrorPayload(new AttestError('USAGE', 'x'))), ['code', 'message']);
  const foreign = toErrorPayload(new Error('token=abc123 leaked'));
  assert.equal(foreign.code, 'INTERNAL');
  assert.doesNotMatch(foreign.message, /abc123/);
});
