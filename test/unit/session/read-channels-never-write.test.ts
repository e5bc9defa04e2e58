// Every channel declared `effect: 'read'` leaves the workspace file byte-identical, on an
// old-schema file that opens only after migrations (applied in memory) and built-in
// installs (held back until the first real change).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { chosen } from '../../support/dispatch';
import { channelNames, channels } from '../../../main/contract/ipc';
import { tempDir, testCore } from '../../support/core';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const fixture = join(__dirname, '..', 'workspace', 'fixtures', 'schema-v1.attest');

/** Requests for reads that need an id: a built-in catalogue and template exist once installed. */
const requests: Record<string, unknown> = {
  'catalog.get': { id: 'platform-baseline' },
  'template.get': { id: 'vendor-security-baseline' },
  'workspace.verify': { passphrase: 'fixture' },
};

test('no read channel writes to the workspace file, even on a file that needs migrating', async () => {
  const path = join(tempDir('attest-read-channels-'), 'old.attest');
  copyFileSync(fixture, path);
  const before = sha(path);
  const core = testCore();
  try {
    const opened = await core.dispatch(
      'workspace.open',
      { handle: chosen(core, path, 'open:workspace'), passphrase: 'fixture' },
      { origin: 'renderer' },
    );
    assert.equal(opened.ok, true, JSON.stringify(opened));
    const answered: string[] = [];
    for (const name of channelNames.filter((n) => channels[n].effect === 'read')) {
      const r = await core.dispatch(name, requests[name] ?? {}, { origin: 'renderer' });
      if (r.ok) answered.push(name);
      assert.equal(sha(path), before, `${name} changed the file`);
    }
    assert.ok(answered.length >= 15, `enough reads actually ran: ${answered.join(', ')}`);
    for (const name of [
      'catalog.list',
      'catalog.get',
      'template.list',
      'template.get',
      'vendor.list',
      'assessment.list',
      'workspace.verify',
    ]) {
      assert.ok(answered.includes(name), `${name} answered`);
    }
  } finally {
    await core.close();
  }
  assert.equal(sha(path), before, 'closing changed nothing either');
  assert.equal(existsSync(`${path}.bak1`), false);
});
