// `attest info` without a passphrase: what the cleartext header says, and sizes.
import { open } from 'node:fs/promises';
import { backupPath } from './files';
import type { KdfParams } from './format';
import { readHeaderFrom } from './unlock';
import { workspaceError } from './errors';

export interface HeaderInfo {
  formatVersion: number;
  workspaceId: string;
  kdf: KdfParams;
  createdAt: string;
  fileBytes: number;
}

export async function inspectHeader(path: string): Promise<HeaderInfo> {
  const fh = await open(path, 'r').catch((e: NodeJS.ErrnoException) => {
    throw e.code === 'ENOENT' ? workspaceError('WORKSPACE_NOT_FOUND') : e;
  });
  try {
    const size = (await fh.stat()).size;
    const { header } = await readHeaderFrom(fh, size, backupPath(path, 1));
    return {
      formatVersion: header.formatVersion,
      workspaceId: header.workspaceId.toString('hex'),
      kdf: header.kdf,
      createdAt: new Date(header.createdAt).toISOString(),
      fileBytes: size,
    };
  } finally {
    await fh.close();
  }
}
