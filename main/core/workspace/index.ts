// The workspace store: one encrypted .attest file per workspace (docs/file-format.md).
export { createWorkspace, openWorkspace, type CreateOptions } from './open';
export {
  Workspace,
  DEFAULT_BLOB_LIMIT,
  type BlobInfo,
  type BlobMeta,
  type CommitResult,
  type CompactResult,
  type FaultHooks,
  type Mutation,
  type ReadOnlyView,
  type StoreOptions,
  type WorkspaceInfo,
} from './workspace';
export type { RekeyProgress } from './rekey';
export { recoverWorkspace, type RecoverReport } from './recover';
export { verifyWorkspace, type VerifyReport } from './verify';
export { deviceMemory, type DeviceMemory, type SeenState } from './seen';
export { inspectHeader, type HeaderInfo } from './inspect';
export { rememberedAccount, type Unlock } from './unlock';
export type { Clock } from '../time/clock';
export { migrations, LATEST_SCHEMA, type Migration } from './migrations';
export { DEFAULT_KDF } from './crypto';
export { FORMAT_VERSION, type KdfParams } from './format';
export type { SqlValue, Statement } from './records';
export { workspaceErrors, type WorkspaceErrorCode } from './errors';
export { DEFAULT_BACKUPS } from './files';
