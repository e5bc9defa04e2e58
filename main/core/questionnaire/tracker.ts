// Every questionnaire across vendors at a glance: where it stands (not sent, awaiting
// answers, overdue, answered, scored, concluded) and by when the vendor should answer.
// A vendor has RESPONSE_DAYS from the day the questionnaire was sent; "today" is the
// core's clock, so overdue reads the same in tests and on any day.
import type { QuestionnaireSummary, TrackerRow } from '../../contract/questionnaire';
import type { Workspace } from '../workspace';
import { listQuestionnaires } from './questionnaires';

/** An ISO day plus n days (UTC, no clock involved). */
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Days a vendor has to return a questionnaire once it was sent. */
export const RESPONSE_DAYS = 30;

export function trackerStage(q: QuestionnaireSummary, today: string): { stage: TrackerRow['stage']; due: string | null } {
  const due = q.exportedAt ? addDays(q.exportedAt.slice(0, 10), RESPONSE_DAYS) : null;
  if (q.concludedAt) return { stage: 'concluded', due };
  if (q.score !== null) return { stage: 'scored', due };
  if (q.importedAt) return { stage: 'answered', due };
  if (!q.exportedAt) return { stage: 'not-sent', due };
  return { stage: due! < today ? 'overdue' : 'awaiting', due };
}

const ORDER: Record<TrackerRow['stage'], number> = { overdue: 0, awaiting: 1, answered: 2, scored: 3, 'not-sent': 4, concluded: 5 };

/** Rows needing action first (overdue, awaiting by due date), concluded last. */
export function questionnaireTracker(ws: Workspace, today: string): TrackerRow[] {
  return listQuestionnaires(ws)
    .map((q) => {
      const { stage, due } = trackerStage(q, today);
      return {
        questionnaireId: q.id,
        vendorId: q.vendorId,
        vendorName: q.vendorName,
        cycle: q.cycle,
        templateTitle: q.templateTitle,
        stage,
        sentAt: q.exportedAt,
        dueDate: due,
        answeredAt: q.importedAt,
        answered: q.answered,
        questions: q.questions,
        score: q.score,
        conclusion: q.conclusion,
        concludedAt: q.concludedAt,
      };
    })
    .sort(
      (a, b) =>
        ORDER[a.stage] - ORDER[b.stage] ||
        (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') ||
        a.vendorName.localeCompare(b.vendorName),
    );
}
