// Channels of vendors, questionnaire templates, questionnaires, answers and their scoring.
import type { ChannelDef } from './channel';

export const vendorChannels = {} satisfies Record<string, ChannelDef>;
