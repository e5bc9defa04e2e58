import { useEffect } from 'react';
import { call } from './api/client';
import { useAppStore } from './store';

const TOUCH_EVERY_MS = 30_000;
const POLL_EVERY_MS = 15_000;

/**
 * Feeds the core's auto-lock timer with the user's activity (at most every 30 s), and
 * notices when the core locked the workspace on its own (inactivity) so the unlock
 * screen appears instead of stale data.
 */
export function useActivity(): void {
  useEffect(() => {
    let last = 0;
    const onActivity = () => {
      const now = Date.now();
      if (now - last < TOUCH_EVERY_MS || useAppStore.getState().status.state !== 'open') return;
      last = now;
      void call('workspace.touch', {}).then(({ state }) => {
        if (state !== 'open') void useAppStore.getState().refreshStatus();
      });
    };
    const poll = window.setInterval(() => {
      if (useAppStore.getState().status.state === 'open') void useAppStore.getState().refreshStatus();
    }, POLL_EVERY_MS);
    // Back to the window: the core may have locked or closed meanwhile (the CLI, a timer).
    const onFocus = () => {
      if (useAppStore.getState().status.state !== 'none') void useAppStore.getState().refreshStatus();
    };
    window.addEventListener('focus', onFocus);
    window.addEventListener('keydown', onActivity, true);
    window.addEventListener('pointerdown', onActivity, true);
    return () => {
      window.removeEventListener('focus', onFocus);
      window.clearInterval(poll);
      window.removeEventListener('keydown', onActivity, true);
      window.removeEventListener('pointerdown', onActivity, true);
    };
  }, []);
}
