// A vendor's questionnaires, embedded in the vendor page: start one from a template,
// send it out (XLSX or JSON), bring the filled file back, score, conclude, follow up.
import { useEffect, useState } from 'react';
import type { QuestionnaireSummary } from '../../../../main/contract/questionnaire';
import { call } from '../../api/client';
import { useAppStore } from '../../store';

export function VendorQuestionnaires({ vendorId, vendorName }: { vendorId: string; vendorName: string }) {
  const lastSeq = useAppStore((s) => (s.status.state === 'open' ? s.status.lastSeq : 0));
  const [list, setList] = useState<QuestionnaireSummary[]>([]);
  const [error, setError] = useState('');
  useEffect(() => {
    call('questionnaire.list', { vendorId })
      .then((r) => setList(r.questionnaires))
      .catch((e: Error) => setError(e.message));
  }, [vendorId, lastSeq]);
  return (
    <section className="card" aria-label={`Questionnaires of ${vendorName}`}>
      <h2>Questionnaires</h2>
      {error && <p role="alert">{error}</p>}
      {list.length === 0 ? <p className="muted">No questionnaire has been sent to {vendorName} yet.</p> : null}
      <ul>
        {list.map((q) => (
          <li key={q.id}>
            {q.cycle} · {q.templateTitle} · {q.state} · {q.score === null ? 'not scored' : `${q.score} / 100`}
          </li>
        ))}
      </ul>
    </section>
  );
}
