import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { runOne, type RunOptions } from '../../../main/core/checks/runner';
import { createCredentialStore, type CredentialStore } from '../../../main/core/credentials/store';
import { keychainWorks, osKeychain } from '../../../main/core/keychain/keychain';
import { requirePart } from '../../support/require';
import { loopbackLookup, onlinePolicy } from './support/env';
import { TestPki } from './support/pki';
import { startSaasFake, type SaasFake } from './support/saas-fakes';

const pki = new TestPki();
const token = `tok-${randomUUID()}`;
const service = `Attest.test.saas.${randomUUID()}`;
let fake: SaasFake;
let store: CredentialStore;
let credentialId = '';
let keychainOk = false;

before(async () => {
  keychainOk = await keychainWorks();
  fake = await startSaasFake(pki, token);
  if (!keychainOk) return;
  store = createCredentialStore(osKeychain(service));
  credentialId = (await store.create({ label: 'API token', kind: 'bearer', hosts: ['api.test'], secret: token })).id;
});
after(async () => {
  await fake.close();
  if (keychainOk) {
    const chain = osKeychain(service);
    for (const a of await chain.accounts()) await chain.delete(a);
  }
});

const options = (): RunOptions => ({
  policy: onlinePolicy,
  lookup: loopbackLookup,
  credentials: store,
  limits: { totalTimeoutMs: 1_000, maxResponseBytes: 1024 * 1024 },
});
const run = (checkId: string, target: string, params: Record<string, string> = {}, credential: string | null = credentialId) =>
  runOne(
    {
      checkId,
      input: { target: target.replace('PORT', String(fake.port)), caPem: pki.ca.certPem, credentialId: credential ?? undefined, params },
    },
    options(),
  );

describe('SaaS checks against fake endpoints', () => {
  test('Tines: pages through users; a small owner set passes, a crowded tenant warns', async (t) => {
    if (!requirePart(t, keychainOk, 'A Secret Service (gnome-keyring)')) return;
    const good = await run('saas.tines.tenant', 'https://api.test:PORT/tines-good');
    assert.equal(good.status, 'pass', good.summary);
    assert.equal(good.observations.users, 6);
    assert.deepEqual(good.observations.tenantOwners, ['user1@corp.test']);
    assert.equal(good.observations.scimProvisionedShare, 0.5);
    const crowded = await run('saas.tines.tenant', 'https://api.test:PORT/tines-crowded');
    assert.equal(crowded.status, 'warn');
    assert.match(crowded.summary, /4 tenant owners/);
    assert.match(crowded.summary, /1 active user\(s\) not seen/);
  });

  test('Retool: a user outside the SSO domain fails; 2FA is reported as not exposed', async (t) => {
    if (!requirePart(t, keychainOk, 'A Secret Service (gnome-keyring)')) return;
    const r = await run('saas.retool.sso', 'https://api.test:PORT/retool/api/v2', { ssoDomain: 'corp.test' });
    assert.equal(r.status, 'fail', r.summary);
    assert.deepEqual(r.observations.usersOutsideSsoDomain, ['contractor@gmail.test']);
    assert.match(r.summary, /Two-factor status is not exposed/);
    const widened = await run('saas.retool.sso', 'https://api.test:PORT/retool/api/v2', { ssoDomain: 'corp.test, gmail.test' });
    assert.equal(widened.status, 'warn'); // the gmail user is idle for 120 days
  });

  test('GitHub: 2FA required passes, not required fails with the members listed across pages', async (t) => {
    if (!requirePart(t, keychainOk, 'A Secret Service (gnome-keyring)')) return;
    const strong = await run('saas.github.org-2fa', 'https://api.test:PORT/gh/orgs/strong');
    assert.equal(strong.status, 'pass', strong.summary);
    const weak = await run('saas.github.org-2fa', 'https://api.test:PORT/gh/orgs/weak');
    assert.equal(weak.status, 'fail');
    assert.deepEqual(weak.observations.membersWithout2fa, ['alice', 'bob', 'carol']);
    assert.equal((await run('saas.github.org-settings', 'https://api.test:PORT/gh/orgs/strong')).status, 'pass');
    const weakSettings = await run('saas.github.org-settings', 'https://api.test:PORT/gh/orgs/weak');
    assert.equal(weakSettings.status, 'fail');
    assert.match(weakSettings.summary, /"admin" on all repositories/);
  });

  test('fields hidden from non-owners and 401/403 are could-not-verify, never pass', async (t) => {
    if (!requirePart(t, keychainOk, 'A Secret Service (gnome-keyring)')) return;
    for (const id of ['saas.github.org-2fa', 'saas.github.org-settings']) {
      const hidden = await run(id, 'https://api.test:PORT/gh/orgs/hidden');
      assert.equal(hidden.status, 'could-not-verify', `${id}: ${hidden.summary}`);
      assert.equal(hidden.suggestedControlStatus, null);
    }
    const denied = await run('saas.tines.tenant', 'https://api.test:PORT/denied');
    assert.equal(denied.status, 'could-not-verify');
    assert.equal(denied.errorCode, 'API_PERMISSION_DENIED');
    const other = await store.create({ label: 'Wrong token', kind: 'bearer', hosts: ['api.test'], secret: 'wrong-token-value' });
    const unauthorized = await run('saas.github.org-2fa', 'https://api.test:PORT/gh/orgs/strong', {}, other.id);
    assert.equal(unauthorized.status, 'could-not-verify');
    assert.match(unauthorized.summary, /answered 401/);
  });

  test('malformed JSON, huge bodies and stalls each give a clear could-not-verify', async (t) => {
    if (!requirePart(t, keychainOk, 'A Secret Service (gnome-keyring)')) return;
    const malformed = await run('saas.tines.tenant', 'https://api.test:PORT/malformed');
    assert.equal(malformed.errorCode, 'API_MALFORMED');
    const huge = await run('saas.tines.tenant', 'https://api.test:PORT/huge');
    assert.equal(huge.errorCode, 'RESPONSE_TOO_LARGE');
    const stall = await run('saas.tines.tenant', 'https://api.test:PORT/stall');
    assert.equal(stall.errorCode, 'RESPONSE_TIMEOUT');
    for (const r of [malformed, huge, stall]) assert.equal(r.status, 'could-not-verify');
  });

  test('a credential is not sent when a redirect leaves its host; a missing credential is an error', async (t) => {
    if (!requirePart(t, keychainOk, 'A Secret Service (gnome-keyring)')) return;
    fake.authSeen.length = 0;
    const r = await run('saas.tines.tenant', 'https://api.test:PORT/redirect-away');
    assert.equal(r.status, 'could-not-verify'); // other.test got no token → 401
    assert.deepEqual(fake.authSeen, [`Bearer ${token}`, null]);
    const none = await run('saas.tines.tenant', 'https://api.test:PORT/tines-good', {}, null);
    assert.equal(none.status, 'error');
    assert.equal(none.errorCode, 'CREDENTIAL_REQUIRED');
  });
});
