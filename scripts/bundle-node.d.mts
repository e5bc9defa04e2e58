/** Builds the report worker and/or the one-file CLI (see bundle-node.mjs). */
export function bundleNode(only?: 'worker' | 'cli'): Promise<void>;
