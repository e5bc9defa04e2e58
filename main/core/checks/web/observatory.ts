// The overall header grade, computed the way the MDN HTTP Observatory does it
// (github.com/mdn/mdn-http-observatory: src/scanner/index.js, src/grader/grader.js and the
// GRADE_CHART / SCORE_TABLE in src/grader/charts.js; the methodology is also written up in
// github.com/mozilla/http-observatory httpobs/docs/scoring.md):
//  - every site starts at 100; each test adds its modifier;
//  - bonuses (positive modifiers) count only if the score from penalties alone is ≥ 90;
//  - the score is floored at 0 with no maximum;
//  - the grade is looked up after rounding down to a multiple of 5, capped at 100:
//    100+ A+, 90-99 A, 85-89 A-, 80-84 B+, 70-79 B, 65-69 B-, 60-64 C+, 50-59 C,
//    45-49 C-, 40-44 D+, 30-39 D, 25-29 D-, 0-24 F.
import {
  analyzeContentTypeOptions,
  analyzeCookies,
  analyzeCorp,
  analyzeCors,
  analyzeCsp,
  analyzeFrameOptions,
  analyzeHsts,
  analyzeRedirection,
  analyzeReferrerPolicy,
  analyzeSri,
  type PageSnapshot,
  type RedirectProbe,
  type TestResult,
} from './analyze';

export const MINIMUM_SCORE_FOR_EXTRA_CREDIT = 90;

const gradeBands: [number, string][] = [
  [100, 'A+'],
  [90, 'A'],
  [85, 'A-'],
  [80, 'B+'],
  [70, 'B'],
  [65, 'B-'],
  [60, 'C+'],
  [50, 'C'],
  [45, 'C-'],
  [40, 'D+'],
  [30, 'D'],
  [25, 'D-'],
  [0, 'F'],
];

export function gradeForScore(score: number): string {
  const s = Math.max(0, score);
  const rounded = Math.min(s - (s % 5), 100);
  return gradeBands.find(([min]) => rounded >= min)?.[1] ?? 'F';
}

/** Score from the per-test modifiers, with the extra-credit rule. */
export function scoreFromModifiers(modifiers: number[]): number {
  const withBonus = 100 + modifiers.reduce((a, m) => a + m, 0);
  const penaltiesOnly = 100 + modifiers.filter((m) => m < 0).reduce((a, m) => a + m, 0);
  return Math.max(0, penaltiesOnly >= MINIMUM_SCORE_FOR_EXTRA_CREDIT ? withBonus : penaltiesOnly);
}

export interface ObservatoryTests {
  'content-security-policy': TestResult;
  cookies: TestResult;
  'cross-origin-resource-sharing': TestResult;
  redirection: TestResult;
  'referrer-policy': TestResult;
  'strict-transport-security': TestResult;
  'subresource-integrity': TestResult;
  'x-content-type-options': TestResult;
  'x-frame-options': TestResult;
  'cross-origin-resource-policy': TestResult;
}

export function runObservatoryTests(page: PageSnapshot, probe: RedirectProbe): ObservatoryTests {
  const csp = analyzeCsp(page);
  const hsts = analyzeHsts(page);
  return {
    'content-security-policy': csp,
    cookies: analyzeCookies(page, hsts),
    'cross-origin-resource-sharing': analyzeCors(page),
    redirection: analyzeRedirection(probe, new URL(page.url).hostname),
    'referrer-policy': analyzeReferrerPolicy(page),
    'strict-transport-security': hsts,
    'subresource-integrity': analyzeSri(page),
    'x-content-type-options': analyzeContentTypeOptions(page),
    'x-frame-options': analyzeFrameOptions(page, csp),
    'cross-origin-resource-policy': analyzeCorp(page),
  };
}

export interface ObservatoryGrade {
  score: number;
  grade: string;
  testsPassed: number;
  testsQuantity: number;
  modifiers: Record<string, { expectation: string; modifier: number; pass: boolean }>;
}

export function gradePage(tests: ObservatoryTests): ObservatoryGrade {
  const entries = Object.entries(tests) as [string, TestResult][];
  const score = scoreFromModifiers(entries.map(([, t]) => t.modifier));
  return {
    score,
    grade: gradeForScore(score),
    testsPassed: entries.filter(([, t]) => t.pass).length,
    testsQuantity: entries.length,
    modifiers: Object.fromEntries(entries.map(([k, t]) => [k, { expectation: t.expectation, modifier: t.modifier, pass: t.pass }])),
  };
}
