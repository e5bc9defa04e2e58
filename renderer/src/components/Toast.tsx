// A short confirmation or error at the bottom of the screen, with at most one action
// (Undo, Open). It is announced politely (errors assertively) and never steals focus.
// Messages without an action fade after a while; with an action they stay until replaced.
import { useEffect } from 'react';

export interface ToastMessage {
  id: number;
  text: string;
  tone: 'ok' | 'error';
  action?: { label: string; run(): void };
}

const AUTO_HIDE_MS = 7000;

export function Toast({ toast, onDismiss }: { toast: ToastMessage | null; onDismiss(): void }) {
  useEffect(() => {
    if (!toast || toast.action) return;
    const timer = setTimeout(onDismiss, AUTO_HIDE_MS);
    return () => clearTimeout(timer);
  }, [toast, onDismiss]);

  return (
    <div className="toast-region" role="status">
      {toast ? (
        <div className={`toast ${toast.tone}`} data-testid="toast" role={toast.tone === 'error' ? 'alert' : undefined}>
          <span>{toast.text}</span>
          {toast.action ? (
            <button
              type="button"
              className="button subtle"
              onClick={() => {
                toast.action?.run();
                onDismiss();
              }}
            >
              {toast.action.label}
            </button>
          ) : null}
          <button type="button" className="button subtle" aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        </div>
      ) : null}
    </div>
  );
}
