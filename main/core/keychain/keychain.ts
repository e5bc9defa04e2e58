// The only module that touches the OS keychain (keytar). Everything else receives a
// Keychain and so never learns where secrets live; tests of other modules may pass an
// in-memory Keychain only where they say why the real one is not wanted.
import type * as KeytarModule from 'keytar';
import { AttestError } from '../errors';

export interface Keychain {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** Returns false when there was nothing to delete. */
  delete(account: string): Promise<boolean>;
  /** Account names under this service; never the secrets. */
  accounts(): Promise<string[]>;
}

type Keytar = typeof KeytarModule;

let keytarModule: Promise<Keytar> | undefined;

function loadKeytar(): Promise<Keytar> {
  keytarModule ??= import('keytar').then((m) => ((m as { default?: Keytar }).default ?? m) as Keytar);
  return keytarModule;
}

const unavailable = (cause: unknown) =>
  new AttestError(
    'KEYCHAIN_UNAVAILABLE',
    'The OS keychain is not available (on Linux a Secret Service such as gnome-keyring must be running and unlocked).',
    { cause },
  );

async function guarded<T>(op: (k: Keytar) => Promise<T>): Promise<T> {
  let keytar: Keytar;
  try {
    keytar = await loadKeytar();
  } catch (cause) {
    throw unavailable(cause);
  }
  try {
    return await op(keytar);
  } catch (cause) {
    throw unavailable(cause);
  }
}

export function osKeychain(service = 'Attest'): Keychain {
  return {
    get: (account) => guarded((k) => k.getPassword(service, account)),
    set: (account, secret) => guarded((k) => k.setPassword(service, account, secret)),
    delete: (account) => guarded((k) => k.deletePassword(service, account)),
    accounts: () => guarded(async (k) => (await k.findCredentials(service)).map((c) => c.account)),
  };
}

/** True when a secret can be written, read back and removed right now. */
export async function keychainWorks(service = 'Attest.probe'): Promise<boolean> {
  const chain = osKeychain(service);
  const account = `probe-${process.pid}`;
  try {
    await chain.set(account, 'probe');
    const back = await chain.get(account);
    await chain.delete(account);
    return back === 'probe';
  } catch {
    return false;
  }
}
