// Where an import stands. Each stage is one request with no progress of its own, so the
// bar is indeterminate while waiting and the list says honestly which stage is running.
export const STAGES = [
  { id: 'reading', label: 'Reading the file' },
  { id: 'checking', label: 'Checking its contents' },
  { id: 'saving', label: 'Saving to the workspace' },
] as const;
export type Stage = (typeof STAGES)[number]['id'];

export function ImportProgress({ stage, waiting }: { stage: Stage; waiting: boolean }) {
  const at = STAGES.findIndex((s) => s.id === stage);
  const current = STAGES[at]?.label ?? '';
  return (
    <div className="import-progress" data-testid="import-progress">
      {waiting ? <progress aria-label={`${current}…`} className="import-bar" /> : null}
      <ol className="import-stages" aria-label="Import stages">
        {STAGES.map((s, i) => {
          const state = i < at || (i === at && !waiting) ? 'done' : i === at ? 'current' : 'todo';
          return (
            <li key={s.id} className={`import-stage ${state}`} aria-current={state === 'current' ? 'step' : undefined}>
              <span className="import-stage-mark" aria-hidden="true">
                {state === 'done' ? '✓' : i + 1}
              </span>
              {s.label}
              <span className="visually-hidden">{state === 'done' ? ' (done)' : state === 'current' ? ' (in progress)' : ''}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
