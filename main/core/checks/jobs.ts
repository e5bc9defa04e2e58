// Runs of saved targets, started by check.run and followed by polling check.progress
// (the IPC door is invoke-only, so progress is pulled, not pushed). Each finished check
// is stored at once, so a cancelled or interrupted run keeps what it finished.
import { randomBytes } from 'node:crypto';
import type { RunProgressView } from '../../contract/checks';
import type { CredentialProvider } from '../net/client';
import type { EgressPolicy } from '../net/policy';
import { AttestError } from '../errors';
import type { Job, JobRegistry } from '../jobs';
import type { Workspace } from '../workspace';
import type { ControlRef } from './controls';
import { createRunShare, defaultConcurrency, runOne, spreadByTarget } from './runner';
import { storeRun, type StoredInputs } from './runs';
import type { CheckInput, ResolverConfig } from './types';

export interface PlannedJob {
  targetId: string;
  checkId: string;
  title: string;
  input: CheckInput;
  stored: StoredInputs;
  controls: ControlRef[];
}

export interface JobOptions {
  ws: Workspace;
  assessmentId: string;
  jobs: PlannedJob[];
  policy: EgressPolicy;
  resolver: ResolverConfig;
  credentials: CredentialProvider;
  /** The device's CA (CoreOptions.deviceCaPem), if any. */
  deviceCaPem?: string;
  actor: string;
  concurrency?: number;
}

/** Check runs as jobs of the core's registry: cancelling one keeps what it finished. */
export function createRunManager(registry: JobRegistry) {
  function snapshot(run: Job<RunProgressView>): RunProgressView {
    return { ...run.view, items: run.view.items.map((i) => ({ ...i })) };
  }

  function start(o: JobOptions): RunProgressView {
    const runId = `chk_${randomBytes(6).toString('hex')}`;
    const view: RunProgressView = {
      runId,
      assessmentId: o.assessmentId,
      state: 'running',
      done: 0,
      total: o.jobs.length,
      items: o.jobs.map((j) => ({
        targetId: j.targetId,
        checkId: j.checkId,
        title: j.title,
        target: j.input.target,
        state: 'queued',
        status: null,
        checkRunId: null,
      })),
    };
    // As in runChecks: the checks of a run share one client (a page is fetched once per
    // target), and workers take the targets in turn so they do not queue on one site.
    const work = async (signal: AbortSignal) => {
      const options = { policy: o.policy, credentials: o.credentials, deviceCaPem: o.deviceCaPem, resolver: o.resolver, signal };
      const shared = { ...options, share: createRunShare(options) };
      const order = spreadByTarget(o.jobs.map((j) => ({ checkId: j.checkId, input: j.input })));
      let next = 0;
      const worker = async () => {
        for (;;) {
          if (signal.aborted) return;
          const index = order[next++];
          if (index === undefined) return;
          const job = o.jobs[index];
          const item = view.items[index];
          if (!job || !item) return;
          item.state = 'running';
          const result = await runOne({ checkId: job.checkId, input: job.input }, shared, () => o.ws.now());
          try {
            item.checkRunId = await storeRun(
              o.ws,
              { assessmentId: o.assessmentId, targetId: job.targetId, inputs: job.stored, result, controls: job.controls },
              o.actor,
            );
          } catch {
            // The workspace was locked or closed mid-run: the result cannot be kept, and says so.
            item.checkRunId = null;
          }
          item.status = result.status;
          item.state = 'done';
          view.done++;
        }
      };
      const concurrency = Math.max(1, Math.min(o.concurrency ?? defaultConcurrency, o.jobs.length));
      try {
        await Promise.all(Array.from({ length: concurrency }, worker));
      } finally {
        view.state = signal.aborted ? 'cancelled' : 'finished';
      }
    };
    return snapshot(registry.start('check-run', runId, view, work));
  }

  function get(runId: string): Job<RunProgressView> {
    const run = registry.get<RunProgressView>('check-run', runId);
    if (!run)
      throw new AttestError('RUN_NOT_FOUND', 'That run is not known (it finished long ago or the app restarted); see the stored results.');
    return run;
  }

  return {
    start,
    progress: (runId: string) => snapshot(get(runId)),
    async cancel(runId: string): Promise<RunProgressView> {
      const run = get(runId);
      run.cancel();
      await run.finished;
      return snapshot(run);
    },
    /** Waits for a run to end (tests, the CLI and the demo). */
    async wait(runId: string): Promise<RunProgressView> {
      const run = get(runId);
      await run.finished;
      return snapshot(run);
    },
  };
}

export type RunManager = ReturnType<typeof createRunManager>;
