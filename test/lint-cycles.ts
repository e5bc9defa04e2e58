// Part of the lint (`npm run lint`, and the lint step of `npm test`): fails on a runtime
// import cycle in main/, preload/ or renderer/. Type-only imports do not count.
import { importCycles, runtimeImportGraph } from './support/import-graph';

const root = new URL('..', import.meta.url).pathname;
const cycles = importCycles(runtimeImportGraph(root, ['main', 'preload', 'renderer/src']));
for (const cycle of cycles) console.error(`✖ modules that import one another at run time: ${cycle.join(' → ')}`);
process.exit(cycles.length ? 1 : 0);
