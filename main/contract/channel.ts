import type { z } from 'zod';

/**
 * What a call does to the workspace: `read` changes nothing; `write` commits (its Result
 * carries the commit's sequence number, so the renderer knows its data moved without
 * asking); `job` starts long-lived work and returns its id at once (progress is a read).
 */
export type ChannelEffect = 'read' | 'write' | 'job';

export interface ChannelDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  /** One line for `attest call --help` and the docs. */
  summary: string;
  effect: ChannelEffect;
  request: Req;
  response: Res;
}

export function defineChannel<Req extends z.ZodType, Res extends z.ZodType>(def: ChannelDef<Req, Res>): ChannelDef<Req, Res> {
  return def;
}
