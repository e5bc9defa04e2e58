import { useQuery } from '../api/query';
import { useAppStore } from '../store';
import { screens } from '../store/navigation';
import { Icon } from './Icon';

/** Whether this workspace may reach the network: the sidebar's last line says so. */
function networkLine(open: boolean, liveChecks: boolean | undefined): string {
  if (open && liveChecks) return 'Live checks on · approved hosts only';
  return 'Offline · nothing leaves this device';
}

export function Sidebar() {
  const current = useAppStore((s) => s.screen);
  const navigate = useAppStore((s) => s.navigate);
  const version = useAppStore((s) => s.appInfo?.version);
  const open = useAppStore((s) => s.status.state === 'open');
  const collapsed = useAppStore((s) => s.sidebarCollapsed);
  const toggleSidebar = useAppStore((s) => s.toggleSidebar);
  // Kept across writes (a constant tag): policy writes answer with the policy, which
  // reaches this read too, so a status change elsewhere costs no policy read.
  const policy = useQuery('policy.get', open ? {} : null, { tag: 'network-line' });
  const live = open && policy.data?.liveChecksEnabled === true;
  return (
    <nav className="sidebar" aria-label="Main">
      <div className="brand">
        <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true">
          <path d="M12 2.5 20 5.5v6.2c0 4.9-3.4 8.8-8 9.8-4.6-1-8-4.9-8-9.8V5.5z" fill="var(--accent)" />
          <path
            d="M8 12.2l2.7 2.7L16.2 9.4"
            fill="none"
            stroke="var(--accent-contrast)"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
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
              <span className="nav-label">{s.label}</span>
              {s.shortcut ? <kbd aria-hidden="true">{s.shortcut}</kbd> : null}
            </button>
          </li>
        ))}
      </ul>
      {/* After the screens in the tab order: Tab from the skip link reaches Home first. */}
      <button
        type="button"
        className="sidebar-toggle"
        onClick={toggleSidebar}
        aria-expanded={!collapsed}
        aria-label={collapsed ? 'Expand the sidebar' : 'Collapse the sidebar'}
        title={collapsed ? 'Expand the sidebar' : 'Collapse the sidebar'}
      >
        <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
          <path
            d={collapsed ? 'M9 6l6 6-6 6' : 'M15 6l-6 6 6 6'}
            fill="none"
            stroke="currentColor"
            strokeWidth="2"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
      </button>
      <p className="sidebar-foot" data-network={live ? 'live' : 'offline'} data-testid="network-line">
        <span className="sidebar-version">{version ? `Version ${version}` : ' '}</span>
        <span className="network-line">
          <span className="network-dot" aria-hidden="true" />
          {networkLine(open, live)}
        </span>
      </p>
    </nav>
  );
}
