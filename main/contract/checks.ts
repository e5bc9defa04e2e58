// Channels of credentials (metadata only), the egress policy, live-check targets and runs.
import type { ChannelDef } from './channel';

export const checkChannels = {} satisfies Record<string, ChannelDef>;
