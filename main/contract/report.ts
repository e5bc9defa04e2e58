// Channels of reports, signing identities, verification and exports.
import type { ChannelDef } from './channel';

export const reportChannels = {} satisfies Record<string, ChannelDef>;
