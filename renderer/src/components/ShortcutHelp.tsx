// A help overlay that lists a screen's keyboard shortcuts in groups. Any screen can
// open it (usually with `?`) by passing its own groups; it is a native modal dialog,
// so focus is trapped while it is open and Escape closes it.
import { Dialog } from './Dialog';

export interface Shortcut {
  /** alternative keys for the same action, e.g. ['j', '↓'] */
  keys: readonly string[];
  action: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: readonly Shortcut[];
}

// Styled here rather than in a stylesheet so the component works on any screen as is.
const kbd = {
  display: 'inline-block',
  minWidth: '1.6em',
  padding: '0 0.4em',
  border: '1px solid var(--border)',
  borderBottomWidth: '2px',
  borderRadius: '4px',
  background: 'var(--surface-2)',
  font: '0.85rem ui-monospace, SFMono-Regular, Menlo, monospace',
  textAlign: 'center',
} as const;

export function ShortcutHelp({
  open,
  onClose,
  groups,
  title = 'Keyboard shortcuts',
}: {
  open: boolean;
  onClose(): void;
  groups: readonly ShortcutGroup[];
  title?: string;
}) {
  return (
    <Dialog title={title} open={open} onClose={onClose} wide>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(20rem, 1fr))', gap: '1rem 1.5rem' }}>
        {groups.map((group) => (
          <section key={group.title} aria-label={group.title}>
            <h3 style={{ margin: '0 0 0.4rem', fontSize: '0.95rem' }}>{group.title}</h3>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">Keys</th>
                  <th scope="col">Action</th>
                </tr>
              </thead>
              <tbody>
                {group.shortcuts.map((s) => (
                  <tr key={s.action}>
                    <td style={{ whiteSpace: 'nowrap' }}>
                      {s.keys.map((k, i) => (
                        <span key={k}>
                          {i > 0 ? <span style={{ color: 'var(--text-muted)' }}> or </span> : null}
                          <kbd style={kbd}>{k}</kbd>
                        </span>
                      ))}
                    </td>
                    <td>{s.action}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
      </div>
      <div className="form-actions" style={{ marginTop: '1rem' }}>
        <button type="button" className="button primary" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
