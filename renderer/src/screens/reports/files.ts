// How the Reports screen writes hashes and times.
export const shortHash = (h: string) => `${h.slice(0, 12)}…`;
export { formatDateTime as when } from '../../lib/dates';
