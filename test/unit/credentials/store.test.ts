import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { test, type TestContext } from 'node:test';
import { createCredentialStore } from '../../../main/core/credentials/store';
import { AttestError } from '../../../main/core/errors';
import { keychainWorks, osKeychain } from '../../../main/core/keychain/keychain';
import { requirePart } from '../../support/require';

async function withStore(t: TestContext, body: (service: string) => Promise<void>) {
  if (!requirePart(t, await keychainWorks(), 'A Secret Service (gnome-keyring)')) return;
  const service = `Attest.test.credentials.${randomUUID()}`;
  try {
    await body(service);
  } finally {
    const chain = osKeychain(service);
    for (const a of await chain.accounts()) await chain.delete(a);
  }
}

test('create, list, replace and delete keep values in the keychain and out of metadata', async (t) => {
  await withStore(t, async (service) => {
    const chain = osKeychain(service);
    const store = createCredentialStore(chain);
    const secret = `tok-${randomUUID()}`;
    const meta = await store.create({ label: 'GitHub org token', kind: 'bearer', hosts: ['API.GitHub.com.', 'api.github.com'], secret });
    assert.deepEqual(meta.hosts, ['api.github.com']);
    assert.equal(meta.kind, 'bearer');
    const listed = await store.list();
    assert.equal(listed.length, 1);
    assert.ok(!JSON.stringify(listed).includes(secret), 'metadata never carries the value');
    // The index entry in the keychain holds no value either.
    const index = await chain.get('credentials.index.v1');
    assert.ok(index && !index.includes(secret));
    assert.equal(await chain.get(`credential.${meta.id}`), secret);

    const header = await store.headerFor(meta.id, 'api.github.com');
    assert.deepEqual({ name: header.name, value: header.value }, { name: 'authorization', value: `Bearer ${secret}` });

    const replaced = await store.replace(meta.id, 'tok-new-value', { label: 'Renamed' });
    assert.equal(replaced.id, meta.id);
    assert.equal(replaced.label, 'Renamed');
    assert.equal((await store.headerFor(meta.id, 'api.github.com')).value, 'Bearer tok-new-value');

    assert.equal(await store.delete(meta.id), true);
    assert.deepEqual(await store.list(), []);
    assert.equal(await chain.get(`credential.${meta.id}`), null);
    await assert.rejects(
      store.headerFor(meta.id, 'api.github.com'),
      (e: unknown) => e instanceof AttestError && e.code === 'CREDENTIAL_NOT_FOUND',
    );
  });
});

test('a value is handed out only for a bound host, and the error does not contain it', async (t) => {
  await withStore(t, async (service) => {
    const store = createCredentialStore(osKeychain(service));
    const secret = 'bound-secret-value-42';
    const meta = await store.create({ label: 'Tines', kind: 'bearer', hosts: ['tenant.tines.com'], secret });
    await assert.rejects(store.headerFor(meta.id, 'evil.example.com'), (e: unknown) => {
      assert.ok(e instanceof AttestError);
      assert.equal(e.code, 'CREDENTIAL_HOST_NOT_BOUND');
      assert.ok(!e.message.includes(secret));
      return true;
    });
  });
});

test('basic and custom-header kinds produce the right header; bad input is refused clearly', async (t) => {
  await withStore(t, async (service) => {
    const store = createCredentialStore(osKeychain(service));
    const basic = await store.create({ label: 'Basic', kind: 'basic', hosts: ['h.test'], secret: 'user:pa:ss' });
    assert.equal((await store.headerFor(basic.id, 'h.test')).value, `Basic ${Buffer.from('user:pa:ss').toString('base64')}`);
    const custom = await store.create({ label: 'Key', kind: 'header', headerName: 'X-Api-Key', hosts: ['h.test'], secret: 'k-1' });
    assert.deepEqual(
      { ...(await store.headerFor(custom.id, 'h.test')), secret: undefined },
      { name: 'x-api-key', value: 'k-1', secret: undefined },
    );
    const invalid = (e: unknown) => e instanceof AttestError && e.code === 'INVALID_CREDENTIAL';
    await assert.rejects(store.create({ label: 'x', kind: 'basic', hosts: ['h.test'], secret: 'nocolon' }), invalid);
    await assert.rejects(store.create({ label: 'x', kind: 'header', headerName: 'bad header', hosts: ['h.test'], secret: 'v' }), invalid);
    await assert.rejects(store.create({ label: 'x', kind: 'bearer', hosts: [], secret: 'v' }), invalid);
    await assert.rejects(store.create({ label: 'x', kind: 'bearer', hosts: ['*.example.com'], secret: 'v' }), invalid);
    await assert.rejects(store.create({ label: 'x', kind: 'bearer', hosts: ['h.test'], secret: 'line\nbreak' }), invalid);
    assert.equal((await store.list()).length, 2);
  });
});

test('concurrent creates do not lose index entries', async (t) => {
  await withStore(t, async (service) => {
    const store = createCredentialStore(osKeychain(service));
    await Promise.all(
      Array.from({ length: 5 }, (_, i) => store.create({ label: `c${i}`, kind: 'bearer', hosts: ['h.test'], secret: `s-${i}-xxxx` })),
    );
    assert.deepEqual((await store.list()).map((c) => c.label).sort(), ['c0', 'c1', 'c2', 'c3', 'c4']);
  });
});
