// Channels of questionnaire templates (built-in, VSAQ imports, custom), questionnaires
// sent to vendors, their answers (XLSX and JSON out and back), scoring and conclusions.
import type { ChannelDef } from './channel';

export const questionnaireChannels = {} satisfies Record<string, ChannelDef>;
