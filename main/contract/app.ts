import { z } from 'zod';
import { defineChannel } from './channel';

export const appChannels = {
  'app.info': defineChannel({
    effect: 'read',
    summary: 'Name, version and runtime of this Attest build.',
    request: z.object({}).strict(),
    response: z.object({
      name: z.string(),
      version: z.string(),
      runtime: z.enum(['electron', 'node']),
      platform: z.string(),
    }),
  }),
};
