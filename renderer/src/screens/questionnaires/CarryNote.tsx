// What a cycle started from an earlier one brought in: how many answers came forward, how
// many still need review, and each answered question that did not come in, with why.
import type { CarryReport } from './types';

export function CarryNote({ carry, stillFlagged }: { carry: CarryReport; stillFlagged: number }) {
  const n = carry.notCarried.length;
  return (
    <div className="q-review-note" role="note" data-testid="carry-note">
      <p>
        Started from cycle {carry.fromCycle}: {carry.carried} answer{carry.carried === 1 ? '' : 's'} carried forward
        {stillFlagged ? `, ${stillFlagged} still need${stillFlagged === 1 ? 's' : ''} review` : ', all reviewed'}
        {n ? `; ${n} not carried.` : '.'}
      </p>
      {n ? (
        <details>
          <summary>Not carried ({n})</summary>
          <ul className="plain-list" aria-label="Answers not carried forward">
            {carry.notCarried.map((x) => (
              <li key={x.questionId}>
                <strong>{x.questionId}</strong>: {x.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
