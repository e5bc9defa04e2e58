// The contract's building blocks, declared once: every domain's schemas use these, so
// an id, a calendar date or a bounded text means the same on every channel.
import { z } from 'zod';

/** An entity id as the core makes them (or a user-chosen catalogue or template id). */
export const id = z.string().min(1).max(64);

/** A calendar day, YYYY-MM-DD, that exists (2026-02-31 does not). */
export const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date looks like 2026-11-23')
  .refine((d) => {
    const t = new Date(`${d}T00:00:00Z`);
    return !Number.isNaN(t.getTime()) && t.toISOString().startsWith(d);
  }, 'not a calendar date');

/** Text up to `max` characters. */
export const text = (max: number) => z.string().max(max);
