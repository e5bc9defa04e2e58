// Who a call is recorded as in the audit log: the display name the user set in Settings
// (else the OS user) and where the call came from. The dispatcher works it out once per
// call and hands it to the handler as context.actor.
import { userInfo } from 'node:os';
import type { CallContext } from './dispatcher';

export function systemUser(): string {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // no user database entry (containers): keep "unknown"
  }
  return user;
}

export function auditActor(context: CallContext, displayName: string | null = null): string {
  return `${displayName ?? systemUser()} (${context.origin === 'cli' ? 'cli' : context.origin === 'renderer' ? 'app' : 'test'})`;
}
