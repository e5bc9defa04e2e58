// The decryption recipe in docs/file-format.md must keep working: run it, as printed,
// against a real workspace with Python's `cryptography`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { requirePart } from '../../support/require';
import { create, PASS, setItem, tempDir } from './helpers';

const hasPython = () => spawnSync('python3', ['-c', 'import cryptography']).status === 0;

test('the documented Python recipe decrypts a workspace, its journal and attachments', async (t) => {
  if (!requirePart(t, hasPython(), 'python3 with the cryptography package')) return;
  const doc = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'file-format.md'), 'utf8');
  const script = /```python\n([\s\S]*?)```/.exec(doc)?.[1];
  assert.ok(script, 'the recipe is in the document');
  const dir = tempDir(t);
  writeFileSync(join(dir, 'attest_decrypt.py'), script);
  const path = join(dir, 'w.attest');
  const ws = await create(path);
  await ws.commit(setItem('in-snapshot', 'one'));
  const blob = await ws.putBlob(Buffer.from('attached evidence\n'), { actor: 't' });
  await ws.compact();
  await ws.commit({
    ...setItem('bytes', 'x'),
    statements: [{ sql: 'INSERT INTO settings (key, value) VALUES (?, ?)', params: ['in-journal', new Uint8Array([1, 2, 3])] }],
  });
  await ws.close();
  const out = join(dir, 'out');
  const run = spawnSync('python3', [join(dir, 'attest_decrypt.py'), path, out], {
    env: { ...process.env, ATTEST_PASSPHRASE: PASS },
    encoding: 'utf8',
  });
  assert.equal(run.status, 0, run.stderr);
  const query = spawnSync(
    'python3',
    [
      '-c',
      `import sqlite3,json; c=sqlite3.connect(${JSON.stringify(join(out, 'workspace.sqlite'))}); print(json.dumps([[k, v.hex() if isinstance(v, bytes) else v] for k, v in c.execute("select key, value from settings order by key")]))`,
    ],
    { encoding: 'utf8' },
  );
  assert.deepEqual(JSON.parse(query.stdout), [
    ['in-journal', '010203'],
    ['in-snapshot', 'one'],
  ]);
  assert.equal(readFileSync(join(out, 'blobs', blob.id), 'utf8'), 'attached evidence\n');
  const wrong = spawnSync('python3', [join(dir, 'attest_decrypt.py'), path, out], {
    env: { ...process.env, ATTEST_PASSPHRASE: 'wrong' },
    encoding: 'utf8',
  });
  assert.notEqual(wrong.status, 0, 'a wrong passphrase fails');
});
