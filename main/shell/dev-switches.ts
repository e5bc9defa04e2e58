// Switches that are for development only. A packaged app honours none of them:
// ELECTRON_RENDERER_URL is ignored (origin.ts), and a start with a switch that opens
// the app to remote control is refused, since Chromium acts on it before any app code
// runs. (--inspect and NODE_OPTIONS are already off through the fuses.)
const remoteControl = [
  '--remote-debugging-port',
  '--remote-debugging-pipe',
  '--remote-debugging-address',
  '--remote-allow-origins',
  '--inspect',
  '--inspect-brk',
  '--js-flags',
];

/** The remote-control switches on a packaged app's command line; none when unpackaged. */
export function refusedSwitches(argv: string[], isPackaged: boolean): string[] {
  if (!isPackaged) return [];
  return argv.slice(1).filter((a) => remoteControl.some((s) => a === s || a.startsWith(`${s}=`)));
}
