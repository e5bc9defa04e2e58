// The sandboxed preload carries only channel names: bundled, it stays under 10 KB and
// holds no zod and no schema (it was 246 KB when it imported the whole contract).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { build } from 'esbuild';
import { channelNames } from '../../../main/contract/ipc';

test('the preload bundle is names only: ≤ 10 KB, no zod, every channel', async () => {
  const root = new URL('../../../', import.meta.url).pathname;
  const out = await build({
    entryPoints: [`${root}preload/index.ts`],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['electron'],
    write: false,
    minify: false,
  });
  const code = out.outputFiles[0]!.text;
  assert.ok(code.length <= 10 * 1024, `preload bundle ${code.length} bytes`);
  assert.doesNotMatch(code, /zod|ZodError|safeParse/);
  for (const name of channelNames) assert.ok(code.includes(`"${name}"`), name);
});
