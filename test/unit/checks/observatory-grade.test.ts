import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PageSnapshot } from '../../../main/core/checks/web/analyze';
import { gradeForScore, gradePage, runObservatoryTests, scoreFromModifiers } from '../../../main/core/checks/web/observatory';

const page = (headers: Record<string, string | string[]>, body = '', type = 'text/html'): PageSnapshot => ({
  url: 'https://site.test/',
  status: 200,
  headers: Object.fromEntries(
    Object.entries({ 'content-type': type, ...headers }).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v : [v]]),
  ),
  body,
  origin: 'https://attest-cors-probe.invalid',
});

const sameHostRedirect = {
  kind: 'chain' as const,
  hops: [{ from: 'http://site.test/', to: 'https://site.test/', status: 301 }],
  finalUrl: 'https://site.test/',
};

describe('grade bands (MDN HTTP Observatory chart)', () => {
  test('scores map to the published letter bands', () => {
    const cases: [number, string][] = [
      [135, 'A+'],
      [100, 'A+'],
      [99, 'A'],
      [90, 'A'],
      [89, 'A-'],
      [85, 'A-'],
      [84, 'B+'],
      [80, 'B+'],
      [79, 'B'],
      [70, 'B'],
      [69, 'B-'],
      [65, 'B-'],
      [64, 'C+'],
      [60, 'C+'],
      [59, 'C'],
      [50, 'C'],
      [49, 'C-'],
      [45, 'C-'],
      [44, 'D+'],
      [40, 'D+'],
      [39, 'D'],
      [30, 'D'],
      [29, 'D-'],
      [25, 'D-'],
      [24, 'F'],
      [0, 'F'],
    ];
    for (const [score, grade] of cases) assert.equal(gradeForScore(score), grade, `score ${score}`);
  });

  test('bonuses count only when the penalties alone leave at least 90', () => {
    assert.equal(scoreFromModifiers([10, 5, -5, -10]), 85); // 100-15 = 85 < 90: no bonus
    assert.equal(scoreFromModifiers([10, -5, -5]), 100); // 100-10 = 90: bonus applies
    assert.equal(scoreFromModifiers([-25, -40, -50, -20]), 0); // floored at 0
  });
});

describe('hand-computed pages', () => {
  test('a hardened page scores 135 (A+)', () => {
    // CSP default-src 'none' + form-action 'self' +10, cookies Secure/HttpOnly/SameSite +5,
    // Referrer-Policy no-referrer +5, frame-ancestors +5, CORP same-origin +10; no penalties.
    const tests = runObservatoryTests(
      page(
        {
          'content-security-policy':
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'",
          'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
          'set-cookie': 'sessionid=x; Path=/; Secure; HttpOnly; SameSite=Lax',
          'referrer-policy': 'no-referrer',
          'x-content-type-options': 'nosniff',
          'cross-origin-resource-policy': 'same-origin',
        },
        '<html><script src="/app.js"></script></html>',
      ),
      sameHostRedirect,
    );
    const grade = gradePage(tests);
    assert.equal(grade.score, 135);
    assert.equal(grade.grade, 'A+');
    assert.equal(grade.testsPassed, 10);
  });

  test('a middling page: unsafe-inline -20, short HSTS -10, unsafe-url -5 → 65 (B-)', () => {
    const tests = runObservatoryTests(
      page(
        {
          'content-security-policy': "default-src 'self'; script-src 'self' 'unsafe-inline'",
          'strict-transport-security': 'max-age=300',
          'x-content-type-options': 'nosniff',
          'x-frame-options': 'DENY',
          'referrer-policy': 'unsafe-url',
        },
        '{}',
        'application/json',
      ),
      sameHostRedirect,
    );
    assert.equal(tests['content-security-policy'].expectation, 'csp-implemented-with-unsafe-inline');
    assert.equal(tests['strict-transport-security'].expectation, 'hsts-implemented-max-age-less-than-six-months');
    const grade = gradePage(tests);
    assert.equal(grade.score, 65);
    assert.equal(grade.grade, 'B-');
  });

  test('a bare page with no security headers: -25 -20 -5 -20 -20 (no redirect) → 10 (F)', () => {
    const grade = gradePage(
      runObservatoryTests(page({}, 'plain', 'text/plain'), { kind: 'chain', hops: [], finalUrl: 'http://site.test/' }),
    );
    assert.equal(grade.score, 10);
    assert.equal(grade.grade, 'F');
  });

  test('only HSTS and XCTO missing: 100-20-5 = 75 (B), and bonuses are withheld', () => {
    const tests = runObservatoryTests(
      page(
        {
          'content-security-policy': "default-src 'none'; form-action 'none'; frame-ancestors 'none'",
          'referrer-policy': 'strict-origin-when-cross-origin',
        },
        '<p>no scripts</p>',
      ),
      { kind: 'no-http' },
    );
    const grade = gradePage(tests);
    assert.equal(tests['content-security-policy'].modifier, 10);
    assert.equal(grade.score, 75);
    assert.equal(grade.grade, 'B');
  });
});
