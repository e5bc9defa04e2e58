// Says what an unfinished final record (a crash while saving) held, for the open message,
// `attest info` and `verify`: such a record was never acknowledged, so discarding it
// loses nothing that was confirmed, and the user should know what it was.
import { RecordType } from './format';
import type { ScanResult } from './scan';

export function describeTornTail(scan: Pick<ScanResult, 'tornTailBytes' | 'tornTailFrame'>): string | null {
  if (scan.tornTailBytes === 0) return null;
  const f = scan.tornTailFrame;
  if (!f) return `an unfinished save of ${scan.tornTailBytes} bytes (too short to say what it was)`;
  const what =
    f.type === RecordType.commit
      ? `commit ${f.seq}`
      : f.type === RecordType.blob
        ? `part ${Number(f.seq) + 1} of an attachment (the change that would list it was never saved)`
        : `a record of type ${f.type}`;
  return `an unfinished save of ${what}: ${scan.tornTailBytes} of its ${f.length} bytes were written`;
}
