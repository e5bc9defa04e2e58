// Runs checks with bounded concurrency, a timeout per check, cancellation and progress.
// Whatever a check does (throws, hangs, ignores its signal) the runner returns one
// result per job: a hung check is cut off at its timeout, and errors become results.
import { nowDate, systemClock } from '../time/clock';
import { AttestError } from '../errors';
import type { CredentialProvider, NetClient, NetLimits } from '../net/client';
import { createNetClient } from '../net/client';
import type { EgressPolicy } from '../net/policy';
import { HostNotApprovedError } from '../net/policy';
import { stripUserinfoDeep, withoutUserinfo } from '../net/userinfo';
import type { HostLookup, SocketFactory } from '../net/sockets';
import { getCheck } from './registry';
import type { CheckDefinition, CheckInput, CheckResult, ResolverConfig } from './types';
import { shareFetchesWith } from './web/page';

export interface CheckJob {
  checkId: string;
  input: CheckInput;
}

export interface RunProgress {
  done: number;
  total: number;
  running: string[];
  last: CheckResult | null;
}

export interface RunOptions {
  policy: EgressPolicy;
  credentials?: CredentialProvider;
  /** A CA the device trusts for every host (see NetClientOptions.deviceCaPem). */
  deviceCaPem?: string;
  resolver?: ResolverConfig;
  concurrency?: number;
  timeoutMs?: number;
  limits?: Partial<NetLimits>;
  signal?: AbortSignal;
  onProgress?: (p: RunProgress) => void;
  /** Seams for tests: socket creation and name resolution. */
  sockets?: SocketFactory;
  lookup?: HostLookup;
  now?: () => Date;
  /** Where check ids are looked up (default: the built-in registry). */
  findCheck?: (id: string) => CheckDefinition | undefined;
  /** What the checks of one run share (runChecks makes one; see createRunShare). */
  share?: RunShare;
}

/** One run's shared client: its checks fetch each web page once and judge the same answer. */
export interface RunShare {
  client: NetClient;
}

/** The share of one run; its fetches are cancelled with the run's signal, not a check's. */
export function createRunShare(options: RunOptions): RunShare {
  return {
    client: createNetClient({
      policy: options.policy,
      credentials: options.credentials,
      deviceCaPem: options.deviceCaPem,
      sockets: options.sockets,
      lookup: options.lookup,
      limits: options.limits,
      signal: options.signal,
    }),
  };
}

/**
 * The order a run takes its jobs in: one per target in turn. The workers spread over
 * different hosts instead of piling onto one, and a target's later checks find its page
 * already fetched instead of each holding a worker while they wait for it.
 */
export function spreadByTarget(jobs: readonly CheckJob[]): number[] {
  const byTarget = new Map<string, number[]>();
  jobs.forEach((job, index) => {
    const list = byTarget.get(job.input.target);
    if (list) list.push(index);
    else byTarget.set(job.input.target, [index]);
  });
  const order: number[] = [];
  for (let round = 0; order.length < jobs.length; round++) {
    for (const list of byTarget.values()) if (round < list.length) order.push(list[round]!);
  }
  return order;
}

export const defaultResolver: ResolverConfig = { server: '1.1.1.1', port: 53 };
export const defaultConcurrency = 16;
export const defaultCheckTimeoutMs = 30_000;

/** Errors that mean the evidence could not be gathered (rather than a broken setup). */
const unverifiableCodes = new Set([
  'HOST_UNREACHABLE',
  'CONNECT_TIMEOUT',
  'RESPONSE_TIMEOUT',
  'CHECK_TIMEOUT',
  'RESPONSE_TOO_LARGE',
  'TOO_MANY_REDIRECTS',
  'INVALID_REDIRECT',
  'TLS_VERIFICATION_FAILED',
  'DNS_TIMEOUT',
  'DNS_MALFORMED',
  'DESTINATION_ADDRESS_BLOCKED',
  'CREDENTIAL_HOST_NOT_BOUND',
  'API_PERMISSION_DENIED',
  'API_RATE_LIMITED',
  'API_ERROR',
  'API_MALFORMED',
  'DNS_TRUNCATED',
  'DNS_FAILURE',
]);

export async function runChecks(jobs: CheckJob[], options: RunOptions): Promise<CheckResult[]> {
  const now = options.now ?? (() => nowDate(systemClock));
  const concurrency = Math.max(1, options.concurrency ?? defaultConcurrency);
  const results: CheckResult[] = new Array(jobs.length);
  const running = new Map<number, string>();
  const shared: RunOptions = { ...options, share: options.share ?? createRunShare(options) };
  const order = spreadByTarget(jobs);
  let next = 0;
  let done = 0;

  const report = (last: CheckResult | null) => options.onProgress?.({ done, total: jobs.length, running: [...running.values()], last });

  async function worker(): Promise<void> {
    for (;;) {
      const index = order[next++];
      if (index === undefined) return;
      const job = jobs[index]!;
      running.set(index, job.checkId);
      report(null);
      const result = await runOne(job, shared, now);
      results[index] = result;
      running.delete(index);
      done++;
      report(result);
    }
  }

  await Promise.all(Array.from({ length: Math.min(concurrency, jobs.length) }, worker));
  return results;
}

export async function runOne(job: CheckJob, options: RunOptions, now: () => Date = () => nowDate(systemClock)): Promise<CheckResult> {
  const started = now();
  const t0 = performance.now();
  const check = (options.findCheck ?? getCheck)(job.checkId);
  const base = {
    checkId: job.checkId,
    title: check?.title ?? job.checkId,
    target: withoutUserinfo(job.input.target),
    controls: check ? [...check.controls] : [],
  };
  const finish = (o: Omit<CheckResult, keyof typeof base | 'startedAt' | 'finishedAt' | 'durationMs'>): CheckResult => ({
    ...base,
    ...o,
    startedAt: started.toISOString(),
    finishedAt: now().toISOString(),
    durationMs: Math.round(performance.now() - t0),
  });
  if (!check) {
    return finish({
      status: 'error',
      summary: `There is no live check called "${job.checkId}".`,
      remediation: 'Choose a check from the list of available checks.',
      observations: {},
      suggestedControlStatus: null,
      errorCode: 'UNKNOWN_CHECK',
      hostToApprove: null,
    });
  }
  const timeoutMs = options.timeoutMs ?? defaultCheckTimeoutMs;
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new AttestError('CHECK_TIMEOUT', `The check did not finish within ${timeoutMs} ms and was stopped.`)),
    timeoutMs,
  );
  const onParentAbort = () => controller.abort(new AttestError('CANCELLED', 'The check was cancelled before it finished.'));
  if (options.signal?.aborted) onParentAbort();
  options.signal?.addEventListener('abort', onParentAbort, { once: true });
  const client: NetClient = createNetClient({
    policy: options.policy,
    credentials: options.credentials,
    deviceCaPem: options.deviceCaPem,
    sockets: options.sockets,
    lookup: options.lookup,
    limits: options.limits,
    signal: controller.signal,
  });
  if (options.share) shareFetchesWith(client, options.share.client);
  try {
    // Race the check against its signal so a check that ignores cancellation still ends.
    const aborted = new Promise<never>((_, reject) => {
      const fail = () => reject(controller.signal.reason);
      if (controller.signal.aborted) fail();
      controller.signal.addEventListener('abort', fail, { once: true });
    });
    aborted.catch(() => undefined);
    const outcome = await Promise.race([
      check.run({
        client,
        input: job.input,
        resolver: options.resolver ?? defaultResolver,
        signal: controller.signal,
        now,
      }),
      aborted,
    ]);
    return stripUserinfoDeep(client.scrub(finish({ ...outcome, errorCode: null, hostToApprove: null })));
  } catch (err) {
    const reason = controller.signal.aborted && controller.signal.reason instanceof AttestError ? controller.signal.reason : err;
    return stripUserinfoDeep(client.scrub(finish(errorOutcome(reason))));
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onParentAbort);
  }
}

function errorOutcome(
  err: unknown,
): Omit<CheckResult, 'checkId' | 'title' | 'target' | 'controls' | 'startedAt' | 'finishedAt' | 'durationMs'> {
  if (err instanceof AttestError) {
    const unverifiable = unverifiableCodes.has(err.code);
    return {
      status: unverifiable ? 'could-not-verify' : 'error',
      summary: err.message,
      remediation: remediationFor(err.code),
      observations: {},
      suggestedControlStatus: null,
      errorCode: err.code,
      hostToApprove: err instanceof HostNotApprovedError ? err.host : null,
    };
  }
  // A bug in a check: its message may quote anything, so it is not shown.
  return {
    status: 'error',
    summary: 'The check failed unexpectedly; no evidence was recorded.',
    remediation: 'Run the check again; if it keeps failing, report it with the check id.',
    observations: {},
    suggestedControlStatus: null,
    errorCode: 'CHECK_CRASHED',
    hostToApprove: null,
  };
}

function remediationFor(code: string): string {
  switch (code) {
    case 'HOST_NOT_APPROVED':
      return 'Approve the host for this workspace, then run the check again.';
    case 'LIVE_CHECKS_DISABLED':
      return 'Turn on live checks for this workspace to run it.';
    case 'CANCELLED':
      return 'Run the check again when ready.';
    case 'TLS_VERIFICATION_FAILED':
      return 'Fix the server certificate, or supply the custom CA that issued it.';
    case 'CREDENTIAL_INSECURE_TRANSPORT':
      return 'Give the target as its https:// address; a credential is never sent over plain http.';
    case 'CREDENTIAL_HOST_NOT_BOUND':
      return "Add this host to the credential's hosts if it belongs there, or choose another credential.";
    default:
      return 'Check the target and the network path, then run the check again.';
  }
}
