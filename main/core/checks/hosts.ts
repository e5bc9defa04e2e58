/**
 * The hosts a check would contact, for the approval prompt. While the input is not yet
 * a valid target there is nothing to approve, so an invalid target yields no hosts
 * (the check itself reports the bad input when it runs).
 */
export function hostsOrNone<A extends unknown[]>(hostsOf: (...args: A) => string[]): (...args: A) => string[] {
  return (...args) => {
    try {
      return [...new Set(hostsOf(...args))];
    } catch {
      return [];
    }
  };
}
