import { useEffect, useRef, useState } from 'react';
import { CommandPalette } from './components/CommandPalette';
import { Sidebar } from './components/Sidebar';
import { Toast } from './components/Toast';
import { TopBar } from './components/TopBar';
import { AssessmentsScreen } from './screens/assessments/AssessmentsScreen';
import { AuditScreen } from './screens/AuditScreen';
import { CataloguesScreen } from './screens/catalogues/CataloguesScreen';
import { ChecksScreen } from './screens/checks/ChecksScreen';
import { DashboardScreen } from './screens/dashboard/DashboardScreen';
import { FindingsScreen } from './screens/findings/FindingsScreen';
import { HomeScreen } from './screens/HomeScreen';
import { QuestionnairesScreen } from './screens/questionnaires/QuestionnairesScreen';
import { ReportsScreen } from './screens/reports/ReportsScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { UnlockScreen } from './screens/UnlockScreen';
import { VendorsScreen } from './screens/vendors/VendorsScreen';
import { WorkspaceScreen } from './screens/WorkspaceScreen';
import { useAppStore } from './store';
import { screens, type ScreenId } from './store/navigation';
import { useActivity } from './useActivity';

function Screen({ id }: { id: ScreenId }) {
  if (id === 'home') return <HomeScreen />;
  if (id === 'settings') return <SettingsScreen />;
  if (id === 'audit') return <AuditScreen />;
  if (id === 'dashboard') return <DashboardScreen />;
  if (id === 'assessments') return <AssessmentsScreen />;
  if (id === 'findings') return <FindingsScreen />;
  if (id === 'catalogues') return <CataloguesScreen />;
  if (id === 'vendors') return <VendorsScreen />;
  if (id === 'questionnaires') return <QuestionnairesScreen />;
  if (id === 'checks') return <ChecksScreen />;
  if (id === 'reports') return <ReportsScreen />;
  return <WorkspaceScreen id={id} />;
}

export function App() {
  const screen = useAppStore((s) => s.screen);
  const status = useAppStore((s) => s.status);
  const navigate = useAppStore((s) => s.navigate);
  const lockWorkspace = useAppStore((s) => s.lockWorkspace);
  const loadAppInfo = useAppStore((s) => s.loadAppInfo);
  const loadRecent = useAppStore((s) => s.loadRecent);
  const refreshStatus = useAppStore((s) => s.refreshStatus);
  const toast = useAppStore((s) => s.toast);
  const dismissToast = useAppStore((s) => s.dismissToast);
  const sidebarCollapsed = useAppStore((s) => s.sidebarCollapsed);
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const [palette, setPalette] = useState(false);

  useEffect(() => {
    void loadAppInfo();
    void loadRecent();
    void refreshStatus();
  }, [loadAppInfo, loadRecent, refreshStatus]);

  useActivity();

  // Ctrl/Cmd + digit moves between screens; Ctrl/Cmd + L locks the workspace; Ctrl/Cmd + Z
  // takes back the newest change of any kind (outside text fields, which keep their own undo).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      if (event.key.toLowerCase() === 'z' && !event.shiftKey) {
        const inText = event.target instanceof HTMLElement && event.target.closest('input, textarea, select, [contenteditable="true"]');
        if (!inText && useAppStore.getState().status.state === 'open') {
          event.preventDefault();
          void useAppStore.getState().undoLast();
        }
        return;
      }
      if (event.key.toLowerCase() === 'k' && !event.shiftKey) {
        event.preventDefault();
        setPalette(true);
        return;
      }
      if (event.key.toLowerCase() === 'l' && useAppStore.getState().status.state === 'open') {
        event.preventDefault();
        void lockWorkspace();
        return;
      }
      const target = screens.find((s) => s.shortcut === event.key);
      if (target) {
        event.preventDefault();
        navigate(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate, lockWorkspace]);

  // After navigation or a lock/unlock, move focus to the screen title so keyboard and
  // screen-reader users follow.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.querySelector<HTMLElement>('.view:not([hidden]) #screen-title')?.focus();
  }, [screen, status.state]);

  const locked = status.state === 'locked';
  return (
    <div className="frame" data-sidebar={sidebarCollapsed ? 'collapsed' : 'open'}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <Sidebar />
      <div className="workarea">
        <TopBar />
        <main id="main" ref={main} className="content" data-screen={locked ? 'locked' : screen}>
          {locked ? (
            <div className="view">
              <UnlockScreen status={status} />
            </div>
          ) : null}
          {/* While locked the screen stays mounted but hidden and inert: a half-typed
              rationale, the active row and the screen itself are there after unlock. */}
          <div className="view" hidden={locked} inert={locked}>
            <Screen id={screen} />
          </div>
        </main>
      </div>
      <Toast toast={toast} onDismiss={dismissToast} />
      <CommandPalette open={palette} onClose={() => setPalette(false)} />
    </div>
  );
}
