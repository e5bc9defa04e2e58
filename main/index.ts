// Electron main entry (built by electron-vite into out/main/index.js).
import { startApp } from './shell/app';

startApp(__dirname);
