// Electron main entry (built by electron-vite into out/main/index.js).
import { app } from 'electron';
import { startApp } from './shell/app';
import { cliArguments, runCliInApp } from './shell/cli-mode';

const cli = cliArguments(process.argv, app.isPackaged);
if (cli) runCliInApp(cli);
else startApp(__dirname);
