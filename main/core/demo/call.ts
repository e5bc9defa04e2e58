// The seeders' way into the core: a typed channel call that throws on failure, naming the
// channel, so a broken seeder stops the demo at its first error. Requests are written in
// story time and moved to the demo's day on the way in (see dates.ts).
import type { ChannelName, RequestOf, ResponseOf } from '../../contract/ipc';
import type { Core } from '../core';
import { AttestError } from '../errors';
import type { DemoDates } from './dates';

export type DemoCall = <C extends ChannelName>(channel: C, request: RequestOf<C>) => Promise<ResponseOf<C>>;

export function demoCall(core: Core, dates: DemoDates): DemoCall {
  return async (channel, request) => {
    const r = await core.dispatch(channel, dates.shift(request), { origin: 'cli' });
    if (!r.ok) throw new AttestError(r.error.code, `Demo data (${channel}): ${r.error.message}`);
    return r.value as ResponseOf<typeof channel>;
  };
}
