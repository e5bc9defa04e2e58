// The shape the README promises: no module loads in a cycle, domains never reach back
// into core.ts, and every domain's handlers are made the same way, from CoreDeps.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { importCycles, runtimeImportGraph } from '../../support/import-graph';

const root = join(import.meta.dirname, '../../..');

test('the cycle finder finds a cycle (a guard that it can fail)', () => {
  const graph = new Map([
    ['a', ['b']],
    ['b', ['c']],
    ['c', ['a']],
    ['d', ['a']],
  ]);
  assert.deepEqual(importCycles(graph), [['a', 'b', 'c']]);
});

test('no runtime import cycles in main/, preload/ or renderer/', () => {
  const graph = runtimeImportGraph(root, ['main', 'preload', 'renderer/src']);
  assert.ok(graph.size > 200, `the scan saw the source tree (${graph.size} modules)`);
  assert.ok((graph.get('main/core/core.ts') ?? []).includes('main/core/session/handlers.ts'), 'edges are resolved');
  assert.deepEqual(importCycles(graph), []);
});

test('no domain module imports core.ts, not even its types (CoreDeps lives in deps.ts)', () => {
  const offenders: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && /from '\.\.\/core'|from '\.\/core'/.test(readFileSync(join(root, path), 'utf8')))
        offenders.push(path);
    }
  };
  for (const domain of readdirSync(join(root, 'main/core'), { withFileTypes: true })) {
    // demo/ drives a whole Core as a client would, so it may name the Core type.
    if (domain.isDirectory() && domain.name !== 'demo') walk(join('main/core', domain.name));
  }
  assert.deepEqual(offenders, []);
});

test('every domain makes its handlers one way: (deps: CoreDeps) => handlers', () => {
  const core = readFileSync(join(root, 'main/core/core.ts'), 'utf8');
  const calls = [...core.matchAll(/\.\.\.(\w+Handlers)\(([^)]*)\)/g)];
  assert.ok(calls.length >= 8, `core.ts spreads every domain (${calls.length})`);
  for (const [, name, args] of calls) assert.equal(args, 'deps', `${name} is given deps`);
  const domains = readdirSync(join(root, 'main/core'), { withFileTypes: true }).filter((d) => d.isDirectory());
  for (const d of domains) {
    let text: string;
    try {
      text = readFileSync(join(root, 'main/core', d.name, 'handlers.ts'), 'utf8');
    } catch {
      continue;
    }
    const signature = /export function \w+Handlers\(([^)]*)\)/.exec(text);
    assert.ok(signature, `${d.name}/handlers.ts exports a handler factory`);
    assert.match(signature[1] ?? '', /^(deps|\{[^}]*\}): CoreDeps$/, `${d.name}/handlers.ts takes CoreDeps`);
  }
});
