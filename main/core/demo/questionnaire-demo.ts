// Demo data of questionnaires: the vendor demo's vendors answer the built-in baseline
// (most of them), each answered one is scored, several are concluded (one rejected, one
// approved with conditions), the first vendor has a 2025 and a 2026 cycle for the
// year-over-year view, and the worst gaps become follow-up findings. The first vendor's
// 2026 cycle started from 2025 (carried forward): its re-import leaves a few answers
// still carried, flagged for review, and the analyst corrected one. Deterministic: the
// answers follow from each vendor's position in the name order.
import type { Question } from '../../contract/questionnaire';
import { AttestError } from '../errors';
import { demoCall } from './call';
import type { DemoSeeder } from './demo';

/** A plausible answer for question n of vendor k: mostly good, weaker for higher k. */
function answerFor(q: Question, n: number, k: number): unknown {
  const weak = (n * 7 + k * 3) % 10 < Math.min(6, 1 + k);
  switch (q.type) {
    case 'yesno':
      return weak ? (n % 2 ? 'partial' : 'no') : 'yes';
    case 'single':
      return weak ? q.options[q.options.length - 1]!.id : q.options[0]!.id;
    case 'multi':
      return [q.options[k % q.options.length]!.id];
    case 'number':
      return q.expected?.kind === 'range' ? (weak ? (q.expected.max ?? 10) * 2 : Math.max(1, Math.round((q.expected.max ?? 10) / 3))) : 5;
    case 'date':
      return `2027-0${1 + (k % 9)}-15`;
    case 'file':
      return weak ? null : `soc2-report-2026.pdf`;
    case 'text':
      return weak && !q.required ? null : 'EU (Frankfurt, Dublin); security@vendor.example';
  }
}

/** The first vendor's answers that stay carried forward from 2025 (not in its 2026 file). */
export const STILL_CARRIED = ['VSB-13', 'VSB-23', 'VSB-33'];
/** The answer the analyst corrected in the first vendor's 2026 cycle. */
export const CORRECTED = {
  questionId: 'VSB-40',
  value: '48',
  note: 'Their contract addendum signed in November 2026 commits to 48 hours; the questionnaire answer predates it.',
};

export const questionnaireDemo: DemoSeeder = {
  name: 'questionnaires',
  async seed({ core, dates }) {
    const call = demoCall(core, dates);
    const { vendors } = await call('vendor.list', {});
    const sorted = [...vendors].sort((a, b) => a.name.localeCompare(b.name));
    const { body } = await call('template.get', { id: 'vendor-security-baseline' });
    const questions = body.sections.flatMap((s) => s.items).filter((i): i is Question => i.kind === 'question');
    // `leaveOut`: questions the vendor does not answer this time (a partial import keeps their carried answers).
    const answer = async (id: string, k: number, leaveOut: readonly string[] = []) => {
      const answers = Object.fromEntries(
        questions.map((q, n) => [q.id, answerFor(q, n, k)] as const).filter(([id, v]) => v !== null && !leaveOut.includes(id)),
      );
      const r = await call('questionnaire.import', {
        id,
        file: { name: 'answers.json', dataBase64: Buffer.from(JSON.stringify({ questionnaireId: id, answers })).toString('base64') },
        partial: leaveOut.length > 0,
      });
      if (!r.applied)
        throw new AttestError('DEMO', `Demo answers were refused: ${JSON.stringify([...r.missing, ...r.invalid]).slice(0, 300)}`);
      return r;
    };
    // The last two vendors have not answered yet: one sent, one still a draft.
    for (const [k, v] of sorted.entries()) {
      let last: string | null = null;
      if (k === 0) {
        last = (await call('questionnaire.create', { vendorId: v.id, templateId: body.id, cycle: '2025' })).id;
        await answer(last, 6);
        await call('questionnaire.conclude', {
          id: last,
          conclusion: 'approve-with-conditions',
          rationale: 'Approved on condition that MFA covers every staff login and breach notice falls to 72 hours by mid-2026.',
        });
      }
      const q = await call('questionnaire.create', {
        vendorId: v.id,
        templateId: body.id,
        cycle: '2026',
        ...(last ? { carryFrom: last } : {}),
      });
      if (k >= sorted.length - 2) {
        if (k === sorted.length - 2) await call('questionnaire.export', { id: q.id, format: 'xlsx' });
        continue;
      }
      const r = await answer(q.id, k, last ? STILL_CARRIED : []);
      if (last)
        await call('questionnaire.answer.correct', {
          id: q.id,
          questionId: CORRECTED.questionId,
          value: CORRECTED.value,
          comment: CORRECTED.note,
        });
      if (k % 3 === 0) {
        const gap = r.score?.gaps[0];
        if (gap)
          await call('questionnaire.followUp', {
            id: q.id,
            questionId: gap.questionId,
            likelihood: 3,
            impact: 4,
            owner: v.owner,
            dueDate: '2027-03-31',
          });
      }
      if (k === 1)
        await call('questionnaire.conclude', {
          id: q.id,
          conclusion: 'approve',
          rationale: 'Strong answers, current SOC 2 Type II report on file.',
        });
      if (k === 2)
        await call('questionnaire.conclude', {
          id: q.id,
          conclusion: 'reject',
          rationale: 'No MFA for staff and unencrypted data at rest; not acceptable for personal data.',
        });
      if (k === 3)
        await call('questionnaire.conclude', {
          id: q.id,
          conclusion: 'approve-with-conditions',
          rationale: 'Approved if the backup restore test is done and reported before Q2 2027.',
        });
    }
  },
};
