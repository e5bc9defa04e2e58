// Electron main entry (built by electron-vite into out/main/index.js).
import { app } from 'electron';
import { startApp } from './shell/app';
import { cliArguments, runCliInApp } from './shell/cli-mode';
import { refusedSwitches } from './shell/dev-switches';

const refused = refusedSwitches(process.argv, app.isPackaged);
const cli = cliArguments(process.argv, app.isPackaged);
if (refused.length > 0) {
  console.error(`Attest does not start with ${refused.join(' ')}: remote debugging is for development builds only.`);
  app.exit(2);
} else if (cli) runCliInApp(cli);
else startApp(__dirname);
