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
  'app.profile': defineChannel({
    effect: 'read',
    summary: "Who this device records as the actor of every change: the user's display name (null: the OS user's name).",
    request: z.object({}).strict(),
    response: z.object({ displayName: z.string().nullable(), systemUser: z.string() }),
  }),
  'app.setDisplayName': defineChannel({
    effect: 'write',
    summary: 'Sets (or, with null or an empty name, clears) the display name the audit log records on this device.',
    request: z
      .object({
        displayName: z
          .string()
          .trim()
          .max(80, 'A display name has at most 80 characters.')
          .regex(/^[^\p{Cc}]*$/u, 'A display name cannot contain control characters.')
          .nullable(),
      })
      .strict(),
    response: z.object({ displayName: z.string().nullable(), systemUser: z.string() }),
  }),
};
