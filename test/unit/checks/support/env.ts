// Shared wiring for check tests: an online policy for the loopback names the tests use,
// and a fixed name table standing in for DNS (tests may talk to 127.0.0.1 only).
import type { EgressPolicy } from '../../../../main/core/net/policy';
import type { HostLookup } from '../../../../main/core/net/sockets';

export const loopbackNames = ['app.test', 'other.test', 'api.test'];

export const onlinePolicy: EgressPolicy = {
  liveChecksEnabled: true,
  allowedHosts: [...loopbackNames, '127.0.0.1'],
};

export const loopbackLookup: HostLookup = async (host) => {
  if (loopbackNames.includes(host) || host === 'localhost') return [{ address: '127.0.0.1', family: 4 }];
  throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
};
