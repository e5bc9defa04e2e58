// Files the user chose. The renderer never names a path: it asks the main process for
// an open or save dialog (dialog.open, dialog.save), gets back an opaque single-use
// handle for the file the user picked, and passes that handle to the channel that reads
// or writes it. The core holds the handle → path map; a handle serves one purpose.
import { z } from 'zod';
import { defineChannel, type ChannelDef } from './channel';

/** What a chosen file is for: each consuming channel accepts only its own purpose. */
export const OPEN_PURPOSES = ['workspace', 'backup'] as const;
export const SAVE_PURPOSES = ['workspace', 'backup'] as const;
export type OpenPurpose = (typeof OPEN_PURPOSES)[number];
export type SavePurpose = (typeof SAVE_PURPOSES)[number];
export type FilePurpose = `open:${OpenPurpose}` | `save:${SavePurpose}`;

/** An opaque handle the core issued for a file the user chose (never a path). */
export const fileHandle = z.string().regex(/^fh_[A-Za-z0-9_-]{16,64}$/, 'a file handle comes from dialog.open or dialog.save, not a path');

/** A recent-list entry's id (workspace.recent); the core maps it to its file. */
export const recentId = z.string().regex(/^rw_[A-Za-z0-9_-]{8,64}$/, 'a recent workspace id comes from workspace.recent');

/** A file name the dialog may start with: a name only, no folder. */
const suggestedName = z
  .string()
  .min(1)
  .max(200)
  .refine((n) => !/[/\\\0]/.test(n) && n !== '.' && n !== '..', 'a suggested name is a file name without a folder');

const chosen = z.discriminatedUnion('canceled', [
  z.object({ canceled: z.literal(true) }),
  /** name: the chosen file's name, for display only. */
  z.object({ canceled: z.literal(false), handle: z.string(), name: z.string() }),
]);
export type ChosenFile = z.infer<typeof chosen>;

export const fileChannels = {
  'dialog.open': defineChannel({
    effect: 'read',
    summary: "Ask the user for a file to read with the system's open dialog; answers a single-use handle for it (or canceled)",
    request: z.object({ purpose: z.enum(OPEN_PURPOSES) }).strict(),
    response: chosen,
  }),
  'dialog.save': defineChannel({
    effect: 'read',
    summary: "Ask the user where to write a file with the system's save dialog; answers a single-use handle for it (or canceled)",
    request: z.object({ purpose: z.enum(SAVE_PURPOSES), suggestedName: suggestedName.optional() }).strict(),
    response: chosen,
  }),
} satisfies Record<string, ChannelDef>;
