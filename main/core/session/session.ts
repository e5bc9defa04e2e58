// The workspace a core instance has open: at most one at a time, open or locked.
// Lock wipes the keys (the store closes); unlock reopens with the passphrase or the
// key remembered in the OS keychain. The inactivity timer lives here, fed by the UI.
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { WorkspaceStatus } from '../../contract/workspace';
import { AttestError } from '../errors';
import type { Keychain } from '../keychain/keychain';
import {
  createWorkspace,
  deviceMemory,
  inspectHeader,
  openWorkspace,
  rememberedAccount,
  verifyWorkspace,
  type Clock,
  type DeviceMemory,
  type KdfParams,
  type RekeyProgress,
  type Unlock,
  type VerifyReport,
  type Workspace,
} from '../workspace';
import { nowIso, systemClock } from '../time/clock';
import { createIdleTimer, type IdleTimer } from './idle-timer';
import { PreferenceStore } from './preferences';

export interface SessionOptions {
  dataDir: string;
  keychain: Keychain;
  /** KDF cost for new workspaces; tests pass a small one, users get the default. */
  kdf?: KdfParams;
  allowWeakKdf?: boolean;
  /** The core's one clock (default: the system's): record times, auto-lock. */
  clock?: Clock;
}

type LockedState = { path: string; name: string | null; workspaceId: string; reason: 'user' | 'idle' };

export class Session {
  readonly prefs: PreferenceStore;
  /** What this device last saw of each workspace: an older file is refused unless accepted. */
  readonly memory: DeviceMemory;
  private ws: Workspace | null = null;
  private locked: LockedState | null = null;
  private idle: IdleTimer | null = null;
  private remembered = false;
  private autoLockMinutes = 15;
  private rekeyProgress: RekeyProgress | null = null;
  /** The user's display name on this device, as the audit actor (null: the OS user). */
  displayName: string | null = null;

  constructor(private readonly options: SessionOptions) {
    this.prefs = new PreferenceStore(options.dataDir);
    this.memory = deviceMemory(options.dataDir);
  }

  get clock(): Clock {
    return this.options.clock ?? systemClock;
  }

  /** The open workspace, or a clear error saying why there is none. */
  workspace(): Workspace {
    if (this.ws?.isOpen) {
      this.idle?.touch();
      return this.ws;
    }
    if (this.locked) throw new AttestError('SESSION_LOCKED', 'The workspace is locked. Enter its passphrase to continue.');
    throw new AttestError('NO_WORKSPACE', 'No workspace is open. Create or open one first.');
  }

  /**
   * Puts a workspace file at the top of the recent list without opening it (the app
   * started with --workspace <file>, e.g. the demo). Not an Attest file: ignored.
   */
  async suggest(path: string): Promise<void> {
    const full = resolve(path);
    try {
      const header = await inspectHeader(full);
      const known = (await this.prefs.read()).recent.find((r) => r.path === full);
      await this.prefs.addRecent({
        path: full,
        name: known?.name ?? null,
        workspaceId: header.workspaceId,
        lastOpenedAt: known?.lastOpenedAt ?? header.createdAt,
      });
    } catch {
      // a missing or foreign file is simply not suggested
    }
  }

  async status(): Promise<WorkspaceStatus> {
    if (this.ws?.isOpen) {
      const info = this.ws.info();
      return {
        state: 'open',
        path: info.path,
        name: info.name,
        workspaceId: info.workspaceId,
        remembered: this.remembered,
        schemaVersion: info.schemaVersion,
        lastSeq: info.lastSeq,
        fileBytes: info.fileBytes,
        autoLockMinutes: this.autoLockMinutes,
        recoveredTornTailBytes: info.recoveredTornTailBytes,
        recoveredTornTail: info.recoveredTornTail,
      };
    }
    if (this.locked) return { state: 'locked', path: this.locked.path, name: this.locked.name, reason: this.locked.reason };
    return { state: 'none' };
  }

  /** The open workspace's last commit sequence number, or null. */
  lastSeq(): number | null {
    return this.ws?.isOpen ? this.ws.info().lastSeq : null;
  }

  touch(): 'none' | 'locked' | 'open' {
    if (this.ws?.isOpen) {
      this.idle?.touch();
      return 'open';
    }
    return this.locked ? 'locked' : 'none';
  }

  async create(path: string, name: string, passphrase: string, remember: boolean, actor: string): Promise<WorkspaceStatus> {
    // Asked to remember the key: find out first that the keychain answers, so a missing
    // keychain refuses the whole creation instead of leaving a file behind.
    if (remember) await this.options.keychain.accounts();
    await mkdir(dirname(resolve(path)), { recursive: true });
    // The new file first: a creation that fails leaves the open workspace as it was.
    const ws = await createWorkspace(resolve(path), {
      name,
      passphrase,
      actor,
      kdf: this.options.kdf,
      allowWeakKdf: this.options.allowWeakKdf,
      clock: this.clock,
      memory: this.memory,
    });
    return this.replaceWith(ws, remember);
  }

  /**
   * Opens a workspace in place of the current one. The new one is opened first and the
   * old one closed only once that succeeded: a wrong passphrase or a missing file leaves
   * the open (or locked) workspace exactly as it was. acceptOlder: the user accepted a
   * file older than this device last saw (WORKSPACE_ROLLED_BACK).
   */
  async open(path: string, unlock: Unlock | undefined, remember: boolean, acceptOlder = false): Promise<WorkspaceStatus> {
    const full = resolve(path);
    // The same file again: it cannot be opened twice (its lock is ours), so it stays open.
    if (this.ws?.isOpen && this.ws.info().path === full) {
      if (remember && !this.remembered) await this.setRemembered(true);
      return this.status();
    }
    if (this.locked?.path === full) return this.unlock(unlock && 'passphrase' in unlock ? unlock.passphrase : undefined, acceptOlder);
    const ws = await openWorkspace(full, unlock ?? { keychain: this.options.keychain }, this.storeOptions(acceptOlder));
    return this.replaceWith(ws, remember);
  }

  private async replaceWith(ws: Workspace, remember: boolean): Promise<WorkspaceStatus> {
    try {
      await this.close();
    } catch {
      // The old workspace's store is flushed on every commit; a failing close must not
      // strand the one just opened.
    }
    return this.adopt(ws, remember);
  }

  async unlock(passphrase: string | undefined, acceptOlder = false): Promise<WorkspaceStatus> {
    const locked = this.locked;
    if (!locked) throw new AttestError('NOT_LOCKED', 'No workspace is locked.');
    const unlock: Unlock = passphrase ? { passphrase } : { keychain: this.options.keychain };
    const ws = await openWorkspace(locked.path, unlock, this.storeOptions(acceptOlder));
    return this.adopt(ws, false);
  }

  async lock(reason: 'user' | 'idle' = 'user'): Promise<WorkspaceStatus> {
    const ws = this.ws;
    if (!ws?.isOpen) return this.status();
    const info = ws.info();
    this.stopIdle();
    this.ws = null;
    this.locked = { path: info.path, name: info.name, workspaceId: info.workspaceId, reason };
    await ws.lock();
    return this.status();
  }

  async close(): Promise<WorkspaceStatus> {
    this.stopIdle();
    const ws = this.ws;
    this.ws = null;
    this.locked = null;
    await ws?.close();
    return { state: 'none' };
  }

  /** Reads this device's preferences the session acts on (the display name). */
  async loadProfile(): Promise<void> {
    this.displayName = (await this.prefs.read()).displayName;
  }

  async setDisplayName(name: string | null): Promise<string | null> {
    const next = name?.trim() ? name.trim() : null;
    await this.prefs.update((p) => ({ ...p, displayName: next }));
    this.displayName = next;
    return next;
  }

  /**
   * Changes the passphrase and rotates the data key. A key remembered on this device was
   * for the old data key: it is replaced by the new one, or, when the keychain refuses,
   * removed (opening then asks for the passphrase instead of failing on a stale key).
   */
  async changePassphrase(current: string, next: string): Promise<WorkspaceStatus> {
    const ws = this.workspace();
    this.rekeyProgress = { phase: 'encrypting', doneBytes: 0, totalBytes: 0 };
    let wasRemembered = this.remembered;
    try {
      wasRemembered ||= await this.isRemembered(ws.info().workspaceId);
      await ws.changePassphrase(current, next, undefined, (p) => {
        this.rekeyProgress = p;
      });
    } finally {
      this.rekeyProgress = null;
    }
    if (wasRemembered) {
      try {
        await ws.remember(this.options.keychain);
      } catch {
        await ws.forget(this.options.keychain).catch(() => false);
        this.remembered = false;
      }
    }
    return this.status();
  }

  /** How far a passphrase change has come (null when none runs). */
  passphraseProgress(): RekeyProgress | null {
    return this.rekeyProgress;
  }

  async setRemembered(remember: boolean): Promise<WorkspaceStatus> {
    const ws = this.workspace();
    if (remember) await ws.remember(this.options.keychain);
    else await ws.forget(this.options.keychain);
    this.remembered = remember;
    return this.status();
  }

  async setAutoLock(minutes: number): Promise<WorkspaceStatus> {
    await this.prefs.update((p) => ({ ...p, autoLockMinutes: minutes }));
    this.autoLockMinutes = minutes;
    if (this.ws?.isOpen) this.startIdle();
    return this.status();
  }

  async verify(passphrase: string | undefined): Promise<VerifyReport> {
    const path = this.ws?.info().path ?? this.locked?.path;
    if (!path) throw new AttestError('NO_WORKSPACE', 'No workspace is open. Create or open one first.');
    return verifyWorkspace(path, passphrase ? { passphrase } : { keychain: this.options.keychain }, { memory: this.memory });
  }

  async isRemembered(workspaceId: string): Promise<boolean> {
    try {
      return (await this.options.keychain.get(rememberedAccount(workspaceId))) !== null;
    } catch {
      return false;
    }
  }

  private async adopt(ws: Workspace, remember: boolean): Promise<WorkspaceStatus> {
    this.ws = ws;
    this.locked = null;
    const info = ws.info();
    if (remember) await ws.remember(this.options.keychain);
    this.remembered = remember || (await this.isRemembered(info.workspaceId));
    const prefs = await this.prefs.addRecent({
      path: info.path,
      name: info.name,
      workspaceId: info.workspaceId,
      lastOpenedAt: nowIso(this.clock),
    });
    this.autoLockMinutes = prefs.autoLockMinutes;
    this.startIdle();
    return this.status();
  }

  private storeOptions(acceptOlder: boolean) {
    return { clock: this.clock, memory: this.memory, acceptOlder };
  }

  private startIdle(): void {
    this.stopIdle();
    this.idle = createIdleTimer({
      timeoutMs: this.autoLockMinutes * 60_000,
      onIdle: () => void this.lock('idle'),
      clock: this.clock,
    });
  }

  private stopIdle(): void {
    this.idle?.stop();
    this.idle = null;
  }
}
