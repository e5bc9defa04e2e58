// Demo data of the vendor programme's follow-up: a short supplementary questionnaire sent
// to PayFlow Payroll on 12 October and never answered (late in the tracker), and the gaps
// of DeskDirect's rejected review as vendor findings with owners and due dates, one past
// its due date and one in progress. Written in story time (dates.ts); runs after the
// questionnaire demos, whose questionnaires it reads.
import type { TemplateBodyInput } from '../../contract/questionnaire';
import { AttestError } from '../errors';
import { demoCall } from './call';
import type { DemoSeeder } from './demo';

export const LATE_TEMPLATE: TemplateBodyInput = {
  format: 1,
  id: 'subprocessor-check',
  title: 'Sub-processor and assurance update',
  description: 'Asked between annual reviews when a vendor’s assurance lapses or its sub-processors change.',
  source: { name: 'Northwind Health vendor risk' },
  sections: [
    {
      id: 'assurance',
      title: 'Assurance',
      items: [
        {
          kind: 'question',
          id: 'SPC-1',
          type: 'yesno',
          text: 'Is a SOC 2 Type II report (or bridge letter) covering the last 12 months available?',
          weight: 3,
          expected: { kind: 'equals', value: 'yes' },
          required: true,
        },
        {
          kind: 'question',
          id: 'SPC-2',
          type: 'date',
          text: 'When does the current report period end?',
          weight: 1,
        },
      ],
    },
    {
      id: 'subprocessors',
      title: 'Sub-processors',
      items: [
        {
          kind: 'question',
          id: 'SPC-3',
          type: 'yesno',
          text: 'Were all sub-processors added in the last 12 months notified to us in advance?',
          weight: 2,
          expected: { kind: 'equals', value: 'yes' },
          required: true,
        },
        {
          kind: 'question',
          id: 'SPC-4',
          type: 'text',
          text: 'List the sub-processors that handle our staff data, with their country.',
          weight: 1,
        },
      ],
    },
  ],
};

/** The day the supplementary questionnaire was sent (story time): its answers were due 30 days later. */
export const LATE_SENT_AT = '2026-10-12T09:30:00.000Z';

/** DeskDirect's follow-ups: owner and due date for the first gaps of its rejected review (story time). */
const DESK_FOLLOW_UPS = [
  { owner: 'Sam Patel (IT)', dueDate: '2026-11-15', likelihood: 4, impact: 4, status: 'open' },
  { owner: 'Sam Patel (IT)', dueDate: '2027-01-31', likelihood: 3, impact: 4, status: 'in-progress' },
  { owner: 'Nora Lind (Compliance)', dueDate: '2026-12-20', likelihood: 3, impact: 3, status: 'open' },
] as const;

export const vendorFollowUpDemo: DemoSeeder = {
  name: 'vendor follow-ups and a late questionnaire',
  async seed({ ws, actor, core, dates }) {
    const call = demoCall(core, dates);
    const { vendors } = await call('vendor.list', {});
    const vendor = (name: string) => {
      const v = vendors.find((x) => x.name === name);
      if (!v) throw new AttestError('DEMO', `The follow-up demo needs the vendor ${name} of the vendor demo.`);
      return v;
    };

    // Sent on 12 October and not answered: the export is recorded as of that day.
    await call('template.save', { body: LATE_TEMPLATE, create: true });
    const late = await call('questionnaire.create', {
      vendorId: vendor('PayFlow Payroll').id,
      templateId: LATE_TEMPLATE.id,
      cycle: '2026',
    });
    await ws.commit({
      actor,
      action: 'questionnaire.export.xlsx',
      entity: `questionnaire:${late.id}`,
      statements: [
        {
          sql: "UPDATE questionnaires SET exported_at = ?, state = CASE WHEN state = 'draft' THEN 'sent' ELSE state END WHERE id = ?",
          params: [dates.text(LATE_SENT_AT), late.id],
        },
      ],
    });

    // The rejected review's gaps become findings with owners and due dates.
    const desk = vendor('DeskDirect');
    const reviewed = (await call('questionnaire.list', { vendorId: desk.id })).questionnaires.find((q) => q.score !== null);
    if (!reviewed) throw new AttestError('DEMO', 'The follow-up demo needs the scored review of DeskDirect.');
    const gaps = (await call('questionnaire.get', { id: reviewed.id })).score?.gaps ?? [];
    const changes: { id: string; status: 'in-progress' }[] = [];
    for (const [i, plan] of DESK_FOLLOW_UPS.entries()) {
      const gap = gaps[i];
      if (!gap)
        throw new AttestError('DEMO', `DeskDirect's review has ${gaps.length} gaps; the follow-up demo needs ${DESK_FOLLOW_UPS.length}.`);
      const f = await call('questionnaire.followUp', {
        id: reviewed.id,
        questionId: gap.questionId,
        likelihood: plan.likelihood,
        impact: plan.impact,
        owner: plan.owner,
        dueDate: plan.dueDate,
      });
      if (plan.status === 'in-progress') changes.push({ id: f.id, status: plan.status });
    }
    if (changes.length) await call('finding.updateMany', { changes });
  },
};
