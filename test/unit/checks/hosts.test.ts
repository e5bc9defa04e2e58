// Every check says which hosts it will contact before it runs (the approval prompt), and
// says none while its target is not valid yet.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getCheck } from '../../../main/core/checks';

const resolver = { server: '127.0.0.53', port: 53 };
function hosts(id: string, target: string, params?: Record<string, string>): string[] {
  const check = getCheck(id);
  assert.ok(check, `check ${id} exists`);
  return check.hosts({ target, params }, resolver);
}

test('web checks name the target host, and the redirect probe its http:// host once', () => {
  assert.deepEqual(hosts('web.hsts', 'https://portal.example.com/'), ['portal.example.com']);
  assert.deepEqual(hosts('web.https-redirect', 'https://portal.example.com/'), ['portal.example.com']);
});

test('TLS, DNS and SaaS checks name their host or resolver', () => {
  assert.deepEqual(hosts('tls.protocols', 'portal.example.com'), ['portal.example.com']);
  assert.deepEqual(hosts('tls.certificate', 'portal.example.com:8443'), ['portal.example.com']);
  assert.deepEqual(hosts('dns.caa', 'example.com'), ['127.0.0.53']);
  assert.deepEqual(hosts('saas.tines.tenant', 'https://acme.tines.com'), ['acme.tines.com']);
  assert.deepEqual(hosts('saas.retool.sso', 'https://retool.acme.example/api/v2', { ssoDomain: 'acme.example' }), ['retool.acme.example']);
});

test('an invalid target yields no hosts instead of throwing', () => {
  for (const id of ['web.hsts', 'tls.protocols', 'saas.tines.tenant', 'saas.retool.sso', 'saas.github.org-2fa']) {
    assert.deepEqual(hosts(id, '::not a target::'), [], id);
  }
});
