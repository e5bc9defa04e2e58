import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runStatements } from '../../../main/core/checks/runs';
import { stripUserinfoDeep, stripUserinfoInText, withoutUserinfo } from '../../../main/core/net/userinfo';

test('targets lose their userinfo, with or without a scheme', () => {
  const cases: [string, string][] = [
    ['https://user:pass@example.com/x', 'https://example.com/x'],
    ['https://user@example.com', 'https://example.com'],
    ['http://u:p%40ss@example.com:8080/a?b=c@d', 'http://example.com:8080/a?b=c@d'],
    ['https://u:p@ss@example.com/', 'https://example.com/'],
    ['user:pass@example.com', 'example.com'],
    ['user:pass@example.com:8443/path', 'example.com:8443/path'],
    ['example.com/path?mail=a@b.c', 'example.com/path?mail=a@b.c'],
    ['example.com', 'example.com'],
  ];
  for (const [input, expected] of cases) assert.equal(withoutUserinfo(input), expected, input);
});

test('free text keeps e-mail addresses and loses only URL userinfo', () => {
  assert.equal(
    stripUserinfoInText('Could not reach https://admin:pw@host.test/ (ask ops@example.com); see HTTP://X@Y.test'),
    'Could not reach https://host.test/ (ask ops@example.com); see HTTP://Y.test',
  );
  assert.deepEqual(stripUserinfoDeep({ a: ['https://a:b@c.test'], n: 1, z: null }), { a: ['https://c.test'], n: 1, z: null });
});

test('a stored run (row and evidence) keeps no userinfo, whatever the check put in its result', () => {
  const { statements } = runStatements(
    {
      assessmentId: 'asm_1',
      targetId: null,
      inputs: { params: {}, credentialId: null, customCa: false },
      controls: [{ catalogueId: 'c', controlId: 'x' }],
      result: {
        checkId: 'web.hsts',
        title: 'HSTS',
        target: 'https://root:toor@site.test/',
        controls: [],
        status: 'fail',
        summary: 'https://root:toor@site.test/ sent no HSTS header',
        remediation: 'Fix https://root:toor@site.test/',
        observations: { url: 'https://root:toor@site.test/', redirects: [{ location: 'https://root:toor@site.test/b' }] },
        suggestedControlStatus: 'not-met',
        startedAt: '2026-01-01T00:00:00.000Z',
        finishedAt: '2026-01-01T00:00:01.000Z',
        durationMs: 1000,
        errorCode: null,
        hostToApprove: null,
      },
    },
    'tester',
  );
  const text = JSON.stringify(statements.map((s) => s.params));
  assert.ok(text.includes('https://site.test/'));
  assert.doesNotMatch(text, /toor/);
});
