// Quitting waits for the core: the first quit is held until the core has closed (check
// runs cancelled, report issues finished, the workspace's last commit on disk and its
// lock released), then the app quits for real.
interface QuittingApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

export function quitAfterClose(app: QuittingApp, close: () => Promise<void>): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('before-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    void close()
      .catch((error: unknown) => console.error('[quit] closing the core failed:', error instanceof Error ? error.name : 'error'))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}
