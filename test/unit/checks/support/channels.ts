// Shared wiring for tests that drive live checks through the core's channels: a workspace
// with an assessment, a loopback HTTPS site with a test CA, a socket spy, and polling
// until a run ends.
import net from 'node:net';
import dgram from 'node:dgram';
import tls from 'node:tls';
import { join } from 'node:path';
import type { Core } from '../../../../main/core/core';
import type { RunProgressView } from '../../../../main/contract/checks';
import { tempDir, testCore } from '../../../support/core';
import { call, chosen } from '../../../support/dispatch';
import { type TestPki } from './pki';
import { startHttps, type RunningServer } from './servers';

export const PASS = 'checks channel test passphrase';

export async function workspaceWithAssessment(core: Core = testCore()) {
  const path = join(tempDir('attest-checks-'), 'checks.attest');
  await call(core, 'workspace.create', { handle: chosen(core, path, 'save:workspace'), name: 'Checks test', passphrase: PASS });
  const a = await call(core, 'assessment.create', {
    name: 'Portal review',
    client: 'Northwind',
    assessor: 'Dana',
    catalogueIds: ['platform-baseline', 'threat-model-review'],
  });
  return { core, path, assessmentId: a.id };
}

/** A site on 127.0.0.1 whose certificate only the test CA vouches for. */
export async function startSite(pki: TestPki, headers: Record<string, string> = {}): Promise<RunningServer> {
  const leaf = pki.leaf({ commonName: '127.0.0.1', ips: ['127.0.0.1'] });
  return startHttps(leaf, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html', ...headers });
    res.end('<!doctype html><title>ok</title>');
  });
}

export const strongHeaders = {
  'strict-transport-security': 'max-age=63072000; includeSubDomains; preload',
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

export interface SocketSpy {
  connects: string[];
  restore(): void;
}

/** Records every TCP connect, TLS connect and UDP socket the process attempts. */
export function spySockets(): SocketSpy {
  const connects: string[] = [];
  const originals = { connect: net.connect, createConnection: net.createConnection, tls: tls.connect, udp: dgram.createSocket };
  const describe = (args: unknown[]) => {
    const [a, b] = args as [unknown, unknown];
    if (a && typeof a === 'object') {
      const o = a as { host?: string; port?: number; socket?: unknown };
      return o.socket ? 'tls-over-socket' : `${o.host ?? '?'}:${o.port ?? '?'}`;
    }
    return `${String(b ?? 'localhost')}:${String(a)}`;
  };
  const m = net as unknown as Record<string, unknown>;
  m.connect = (...args: unknown[]) => (
    connects.push(`tcp ${describe(args)}`),
    (originals.connect as (...a: unknown[]) => unknown)(...args)
  );
  m.createConnection = (...args: unknown[]) => (
    connects.push(`tcp ${describe(args)}`),
    (originals.createConnection as (...a: unknown[]) => unknown)(...args)
  );
  (tls as unknown as Record<string, unknown>).connect = (...args: unknown[]) => (
    connects.push(`tls ${describe(args)}`),
    (originals.tls as (...a: unknown[]) => unknown)(...args)
  );
  (dgram as unknown as Record<string, unknown>).createSocket = (...args: unknown[]) => (
    connects.push('udp'),
    (originals.udp as (...a: unknown[]) => unknown)(...args)
  );
  return {
    connects,
    restore() {
      m.connect = originals.connect;
      m.createConnection = originals.createConnection;
      (tls as unknown as Record<string, unknown>).connect = originals.tls;
      (dgram as unknown as Record<string, unknown>).createSocket = originals.udp;
    },
  };
}

/** Polls check.progress as the renderer does, until the run is no longer running. */
export async function waitForRun(core: Core, runId: string, timeoutMs = 30_000): Promise<RunProgressView> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const p = await call(core, 'check.progress', { runId });
    if (p.state !== 'running') return p;
    if (Date.now() > end) throw new Error(`run ${runId} still running after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
