// The shared corpora of real files (../shared/corpora next to the repository). A worktree
// may sit one level deeper than the main checkout, so the folders above are searched.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function corpusDir(name: string): string {
  let dir = join(__dirname, '..', '..');
  for (let i = 0; i < 4; i++) {
    const candidate = join(dirname(dir), 'shared', 'corpora', name);
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  return join(__dirname, '..', '..', '..', 'shared', 'corpora', name);
}
