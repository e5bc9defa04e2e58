import { useEffect, useRef } from 'react';
import { Sidebar } from './components/Sidebar';
import { HomeScreen } from './screens/HomeScreen';
import { SettingsScreen } from './screens/SettingsScreen';
import { WorkspaceScreen } from './screens/WorkspaceScreen';
import { useAppStore } from './store';
import { screens, type ScreenId } from './store/navigation';

function Screen({ id }: { id: ScreenId }) {
  if (id === 'home') return <HomeScreen />;
  if (id === 'settings') return <SettingsScreen />;
  return <WorkspaceScreen id={id} />;
}

export function App() {
  const screen = useAppStore((s) => s.screen);
  const navigate = useAppStore((s) => s.navigate);
  const loadAppInfo = useAppStore((s) => s.loadAppInfo);
  const main = useRef<HTMLElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    void loadAppInfo();
  }, [loadAppInfo]);

  // Ctrl/Cmd + digit moves between screens.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const target = screens.find((s) => s.shortcut === event.key);
      if (target) {
        event.preventDefault();
        navigate(target.id);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  // After navigation, move focus to the new screen's title so keyboard and screen-reader users follow.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.querySelector<HTMLElement>('#screen-title')?.focus();
  }, [screen]);

  return (
    <div className="frame">
      <a className="skip-link" href="#main">Skip to content</a>
      <Sidebar />
      <main id="main" ref={main} className="content" data-screen={screen}>
        <Screen id={screen} />
      </main>
    </div>
  );
}
