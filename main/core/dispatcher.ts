// Runs a channel's handler with the contract enforced on both sides: the request is
// parsed by its schema before the handler sees it, the response is parsed (and so
// stripped of undeclared fields) before anyone else does, and every failure becomes a
// { code, message } payload. Electron's ipcMain, the CLI and the tests all call this.
import { channels, isChannelName, type ChannelName, type ParsedRequestOf, type ResponseOf } from '../contract/ipc';
import { fail, ok, type Result } from '../contract/result';
import { auditActor } from './actor';
import { toErrorPayload } from './errors';

export interface CallContext {
  /** Who is calling: the app's renderer, the CLI or a test. Recorded as the audit actor. */
  origin: 'renderer' | 'cli' | 'test';
}

/** What a handler is told about its call: the caller, and who the audit log records. */
export interface HandlerContext extends CallContext {
  actor: string;
}

export type Handler<C extends ChannelName> = (
  request: ParsedRequestOf<C>,
  context: HandlerContext,
) => Promise<ResponseOf<C>> | ResponseOf<C>;

export type HandlerMap = { [C in ChannelName]: Handler<C> };

export type Dispatch = (channel: string, payload: unknown, context: CallContext) => Promise<Result<unknown>>;

export interface DispatchObserver {
  /** Called with the error of a failed call, for the main-process log (never the renderer). */
  onError?(channel: string, error: unknown): void;
}

/** The open workspace's commit sequence number (null when none is open). */
export type CommitSeq = () => number | null;

/** Who the audit log records for a call (default: the OS user and the call's origin). */
export type ActorOf = (context: CallContext) => string | Promise<string>;

export function createDispatcher(
  handlers: HandlerMap,
  observer: DispatchObserver = {},
  commitSeq: CommitSeq = () => null,
  actorOf: ActorOf = (context) => auditActor(context),
): Dispatch {
  return async (channel, payload, context) => {
    if (!isChannelName(channel)) return fail('UNKNOWN_CHANNEL', `There is no channel named "${String(channel).slice(0, 80)}".`);
    const def = channels[channel];
    const parsed = def.request.safeParse(payload === undefined ? {} : payload);
    if (!parsed.success) {
      return fail('INVALID_REQUEST', `Invalid request for ${channel}: ${describeIssues(parsed.error.issues)}`);
    }
    let value: unknown;
    try {
      const handler = handlers[channel] as Handler<ChannelName>;
      value = await handler(parsed.data as never, { ...context, actor: await actorOf(context) });
    } catch (error) {
      observer.onError?.(channel, error);
      return { ok: false, error: toErrorPayload(error) };
    }
    const checked = def.response.safeParse(value);
    if (!checked.success) {
      observer.onError?.(channel, checked.error);
      return fail('INVALID_RESPONSE', `The answer to ${channel} did not match the contract.`);
    }
    // A write answers with the sequence number its commit reached, so the caller knows
    // its data moved without asking again; so does a job's start and progress, since a
    // job commits while it runs.
    const seq = def.effect === 'read' ? null : commitSeq();
    return seq === null ? ok(checked.data) : { ok: true, value: checked.data, seq };
  };
}

interface Issue {
  path: PropertyKey[];
  message: string;
}

function describeIssues(issues: readonly Issue[]): string {
  return issues
    .slice(0, 3)
    .map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
