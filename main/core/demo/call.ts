// The seeders' way into the core: a typed channel call that throws on failure, naming the
// channel, so a broken seeder stops the demo at its first error.
import type { ChannelName, RequestOf, ResponseOf } from '../../contract/ipc';
import type { Core } from '../core';
import { AttestError } from '../errors';

export type DemoCall = <C extends ChannelName>(channel: C, request: RequestOf<C>) => Promise<ResponseOf<C>>;

export function demoCall(core: Core): DemoCall {
  return async (channel, request) => {
    const r = await core.dispatch(channel, request, { origin: 'cli' });
    if (!r.ok) throw new AttestError(r.error.code, `Demo data (${channel}): ${r.error.message}`);
    return r.value as ResponseOf<typeof channel>;
  };
}
