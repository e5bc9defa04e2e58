// The renderer's only door to the core: window.attest, typed by the IPC contract.
// Results arrive as envelopes; call() turns a failure into an ApiError with its code.
import type { AttestApi, ChannelName, ErrorPayload, RequestOf, ResponseOf, Result } from '../../../main/contract/ipc';

declare global {
  interface Window {
    readonly attest: AttestApi;
  }
}

export class ApiError extends Error {
  readonly code: ErrorPayload['code'];
  /** Declared details (main/contract/errors.ts), e.g. the hosts a check needs approved. */
  readonly details: ErrorPayload['details'];
  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.code = payload.code;
    this.details = payload.details;
  }
}

type SeqListener = (seq: number) => void;
const seqListeners = new Set<SeqListener>();

/** Hears the commit sequence number every write answers with (the store keeps it). */
export function onCommitSeq(listener: SeqListener): () => void {
  seqListeners.add(listener);
  return () => seqListeners.delete(listener);
}

export async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> {
  const invoke = window.attest[channel] as unknown as (r: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
  const result = await invoke(request);
  if (!result.ok) throw new ApiError(result.error);
  if (result.seq !== undefined) for (const listener of seqListeners) listener(result.seq);
  return result.value;
}
