// Channels of the vendor registry: vendors, tiers, certifications, issued credentials,
// documents and the annual review schedule.
import type { ChannelDef } from './channel';

export const vendorChannels = {} satisfies Record<string, ChannelDef>;
