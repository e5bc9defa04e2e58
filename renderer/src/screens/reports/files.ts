// How the Reports screen writes hashes and times.
export const shortHash = (h: string) => `${h.slice(0, 12)}…`;
export const when = (iso: string) => iso.replace('T', ' ').slice(0, 16) + ' UTC';
