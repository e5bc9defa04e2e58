// A short-lived notice with an Undo button after a removal. The screen renders it inside
// a status region, so screen readers announce it without moving focus; it goes away on
// its own after a while.
import { useEffect } from 'react';

const SHOW_MS = 20_000;

export function UndoToast({ message, onUndo, onDismiss }: { message: string; onUndo(): void; onDismiss(): void }) {
  useEffect(() => {
    const timer = window.setTimeout(onDismiss, SHOW_MS);
    return () => window.clearTimeout(timer);
  }, [message, onDismiss]);
  return (
    <div className="toast">
      <span>{message}</span>
      <button type="button" className="button" onClick={onUndo}>
        Undo
      </button>
      <button type="button" className="button subtle" aria-label="Dismiss" onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
