// Child process of crash.test.ts: opens (or creates) a workspace and commits forever,
// printing "ack <n>" after each commit resolves and "blob <id> <size>" after each
// attachment. stdout to a pipe is synchronous on Linux, so a printed line was written
// before any SIGKILL can land. Compactions run often so kills also hit them.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createWorkspace, openWorkspace } from '../../../main/core/workspace';

const [path, pass] = process.argv.slice(2) as [string, string];
const kdf = { name: 'scrypt' as const, log2N: 10, r: 8, p: 1 };
const store = { autoCompactBytes: 24 * 1024, backups: 2 };

async function main() {
  const ws = existsSync(path)
    ? await openWorkspace(path, { passphrase: pass }, store)
    : await createWorkspace(path, { passphrase: pass, name: 'crash', kdf, allowWeakKdf: true, ...store });
  if (ws.query(`SELECT 1 FROM sqlite_master WHERE name = 'items'`).length === 0) {
    await ws.commit({
      actor: 'crash',
      action: 'setup',
      entity: 'items',
      statements: [{ sql: 'CREATE TABLE items (n INTEGER PRIMARY KEY, body TEXT NOT NULL)' }],
    });
  }
  let n = Number(ws.query<{ m: number | null }>('SELECT max(n) AS m FROM items')[0]?.m ?? 0);
  process.stdout.write(`ready ${n}\n`);
  for (;;) {
    n++;
    const body = randomBytes(50 + Math.floor(Math.random() * 800)).toString('base64');
    await ws.commit({
      actor: 'crash',
      action: 'item.add',
      entity: `item:${n}`,
      statements: [{ sql: 'INSERT INTO items (n, body) VALUES (?, ?)', params: [n, body] }],
    });
    process.stdout.write(`ack ${n}\n`);
    if (n % 9 === 0) {
      const bytes = randomBytes(1000 + Math.floor(Math.random() * 40_000));
      const b = await ws.putBlob(bytes, { actor: 'crash' });
      process.stdout.write(`blob ${b.id} ${bytes.length}\n`);
    }
    if (n % 25 === 0) void ws.compact().catch(() => undefined);
  }
}
main().catch((e) => {
  process.stderr.write(`${(e as Error).stack}\n`);
  process.exit(3);
});
