import type { z } from 'zod';

export interface ChannelDef<Req extends z.ZodType = z.ZodType, Res extends z.ZodType = z.ZodType> {
  /** One line for `attest call --help` and the docs. */
  summary: string;
  request: Req;
  response: Res;
}

export function defineChannel<Req extends z.ZodType, Res extends z.ZodType>(
  def: ChannelDef<Req, Res>,
): ChannelDef<Req, Res> {
  return def;
}
