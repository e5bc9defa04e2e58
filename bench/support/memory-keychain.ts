import type { Keychain } from '../../main/core/keychain/keychain';

/**
 * An in-memory keychain for benchmarks: figures measure the store and the core, not
 * D-Bus or the OS Secret Service. (Tests use the real keychain.)
 */
export function memoryKeychain(): Keychain {
  const m = new Map<string, string>();
  return {
    get: async (a) => m.get(a) ?? null,
    set: async (a, s) => void m.set(a, s),
    delete: async (a) => m.delete(a),
    accounts: async () => [...m.keys()],
  };
}
