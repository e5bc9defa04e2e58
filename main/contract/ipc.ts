// The one IPC contract. Every channel between renderer and main is declared here,
// once, with schemas for its request and its response. Main registers handlers from
// it, preload derives `window.attest` from it, tests and the CLI dispatch through it.
// Each domain keeps its channels in its own file beside this one.
import type { z } from 'zod';
import type { ListedChannelName } from './channel-names';
import { appChannels } from './app';
import { assessmentChannels } from './assessment';
import { catalogChannels } from './catalog';
import { checkChannels } from './checks';
import { fileChannels } from './files';
import { questionnaireChannels } from './questionnaire';
import { reportChannels } from './report';
import { vendorChannels } from './vendor';
import { workspaceChannels } from './workspace';
import type { Result } from './result';

export const channels = {
  ...appChannels,
  ...workspaceChannels,
  ...fileChannels,
  ...catalogChannels,
  ...assessmentChannels,
  ...vendorChannels,
  ...questionnaireChannels,
  ...checkChannels,
  ...reportChannels,
};

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
export type ParsedRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
export type ResponseOf<C extends ChannelName> = z.output<Channels[C]['response']>;

export const channelNames = Object.keys(channels) as ChannelName[];

// channel-names.ts (the preload's zod-free list) must name exactly these channels.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const listedExactly: Same<ChannelName, ListedChannelName> = true;
void listedExactly;

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

/** `window.attest`: one invoke-only method per channel, answering with a Result envelope. */
export type AttestApi = {
  readonly [C in ChannelName]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
};

export type { Result, ErrorPayload } from './result';
