// Who a call is recorded as in the audit log: the OS user and where the call came from.
// The dispatcher works it out once per call and hands it to the handler as context.actor.
import { userInfo } from 'node:os';
import type { CallContext } from './dispatcher';

export function auditActor(context: CallContext): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // no user database entry (containers): keep "unknown"
  }
  return `${user} (${context.origin === 'cli' ? 'cli' : context.origin === 'renderer' ? 'app' : 'test'})`;
}
