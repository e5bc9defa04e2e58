// Shown while several rows are chosen: how many, the changes that apply to all of them
// (each screen passes its own), and a way to clear the choice. Escape clears it too.
import type { ReactNode } from 'react';

export function BulkBar({
  count,
  noun,
  onClear,
  children,
}: {
  count: number;
  noun: [string, string];
  onClear(): void;
  children: ReactNode;
}) {
  if (count === 0) return null;
  return (
    <div
      className="bulk-bar"
      role="group"
      aria-label={`Change the ${count} selected ${noun[count === 1 ? 0 : 1]}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClear();
      }}
    >
      <span className="bulk-count" aria-live="polite">
        {count} {noun[count === 1 ? 0 : 1]} selected
      </span>
      {children}
      <button type="button" className="button ghost push-end" onClick={onClear}>
        Clear selection
      </button>
    </div>
  );
}
