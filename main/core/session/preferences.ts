// Per-device preferences and the recent-files list, kept as small JSON files in the
// app's data folder (never inside a workspace, never holding a secret). Written
// atomically: temp file, fsync, rename.
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';

const recentSchema = z.object({
  path: z.string(),
  name: z.string().nullable(),
  workspaceId: z.string(),
  lastOpenedAt: z.string(),
});
export type RecentRecord = z.infer<typeof recentSchema>;

const prefsSchema = z.object({
  autoLockMinutes: z.number().int().min(1).max(1440).default(15),
  /** The name the audit log records for this device's user (null: the OS user name). */
  displayName: z.string().max(80).nullable().default(null),
  recent: z.array(recentSchema).default([]),
});
export type Preferences = z.infer<typeof prefsSchema>;

export const MAX_RECENT = 12;

/** A recent entry's id: the renderer opens or forgets an entry by it, never by its path. */
export const recentIdOf = (path: string) => `rw_${createHash('sha256').update(path).digest('base64url').slice(0, 22)}`;

export class PreferenceStore {
  private readonly file: string;
  constructor(dataDir: string) {
    this.file = join(dataDir, 'preferences.json');
  }

  async read(): Promise<Preferences> {
    try {
      const parsed = prefsSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')));
      // A damaged preferences file only costs the recent list, never a workspace.
      return parsed.success ? parsed.data : prefsSchema.parse({});
    } catch {
      return prefsSchema.parse({});
    }
  }

  async update(change: (prefs: Preferences) => Preferences): Promise<Preferences> {
    const next = prefsSchema.parse(change(await this.read()));
    await mkdir(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.${process.pid}.tmp`;
    const fh = await open(tmp, 'w', 0o600);
    try {
      await fh.writeFile(JSON.stringify(next, null, 2));
      await fh.sync();
    } finally {
      await fh.close();
    }
    await rename(tmp, this.file);
    return next;
  }

  addRecent(record: RecentRecord): Promise<Preferences> {
    return this.update((p) => ({ ...p, recent: [record, ...p.recent.filter((r) => r.path !== record.path)].slice(0, MAX_RECENT) }));
  }
}
