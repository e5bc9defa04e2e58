import { useAppStore } from '../store';
import { screens } from '../store/navigation';
import { Icon } from './Icon';

export function Sidebar() {
  const current = useAppStore((s) => s.screen);
  const navigate = useAppStore((s) => s.navigate);
  const version = useAppStore((s) => s.appInfo?.version);
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true">
          <path d="M12 2.5 20 5.5v6.2c0 4.9-3.4 8.8-8 9.8-4.6-1-8-4.9-8-9.8V5.5z" fill="var(--accent)" />
          <path d="M8 12.2l2.7 2.7L16.2 9.4" fill="none" stroke="var(--accent-contrast)" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <span className="brand-name">Attest</span>
      </div>
      <ul>
        {screens.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className="nav-item"
              aria-current={current === s.id ? 'page' : undefined}
              onClick={() => navigate(s.id)}
              title={s.shortcut ? `${s.label} (Ctrl+${s.shortcut})` : s.label}
            >
              <Icon name={s.id} />
              <span>{s.label}</span>
              {s.shortcut ? <kbd aria-hidden="true">{s.shortcut}</kbd> : null}
            </button>
          </li>
        ))}
      </ul>
      <p className="sidebar-foot">{version ? `Version ${version}` : ' '}<br />Offline · nothing leaves this device</p>
    </nav>
  );
}
