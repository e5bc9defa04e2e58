// Bounds on a ZIP (an .xlsx is one) before any parser sees it. The central directory is
// walked exactly as JSZip (which exceljs uses) walks it, the entry count and the declared
// inflated sizes are checked first, and then every entry is inflated once, streaming and
// discarding, so an entry that inflates past what it declares (a lying header) or past
// the total is refused at that byte. Memory stays small whatever the file claims.
import { createInflateRaw } from 'node:zlib';
import { AttestError } from '../errors';

export interface ZipBounds {
  /** Most central-directory entries accepted. */
  maxEntries: number;
  /** Most bytes all entries may inflate to together. */
  maxInflatedBytes: number;
}

/** An importable workbook has a few dozen parts and rarely more than a few MB of XML. */
export const spreadsheetZipBounds: ZipBounds = { maxEntries: 5_000, maxInflatedBytes: 100 * 1024 * 1024 };

const SIG_EOCD = 0x06054b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const EOCD_LENGTH = 22;
const CENTRAL_LENGTH = 46;
const LOCAL_LENGTH = 30;

interface Entry {
  method: number;
  flags: number;
  compressedSize: number;
  declaredSize: number;
  localOffset: number;
}

const mb = (n: number) => `${(n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0)} MB`;

function unreadable(fileName: string, why: string): AttestError {
  return new AttestError(
    'IMPORT_UNREADABLE_XLSX',
    `${fileName} cannot be read as a workbook (${why}), so nothing was imported. Open it in a spreadsheet program and save it again as .xlsx.`,
  );
}

function tooLarge(fileName: string, why: string): AttestError {
  return new AttestError(
    'ARCHIVE_TOO_LARGE',
    `${fileName} was refused before reading: ${why}. Nothing was imported; split the workbook or remove unused sheets and images.`,
  );
}

/** JSZip takes the last end-of-central-directory signature in the file; so does this. */
function findEndOfCentralDirectory(b: Buffer): number {
  for (let i = b.length - EOCD_LENGTH; i >= 0; i--) if (b.readUInt32LE(i) === SIG_EOCD) return i;
  return -1;
}

/** The entries as JSZip reads them: from the central directory's offset, while the signature holds. */
function readCentralDirectory(b: Buffer, fileName: string, bounds: ZipBounds): Entry[] {
  const eocd = findEndOfCentralDirectory(b);
  if (eocd < 0) throw unreadable(fileName, 'it is not a ZIP archive');
  const disk = b.readUInt16LE(eocd + 4);
  const cdDisk = b.readUInt16LE(eocd + 6);
  const onDisk = b.readUInt16LE(eocd + 8);
  const declared = b.readUInt16LE(eocd + 10);
  const cdSize = b.readUInt32LE(eocd + 12);
  const cdOffset = b.readUInt32LE(eocd + 16);
  if ([disk, cdDisk, onDisk, declared].includes(0xffff) || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    throw unreadable(fileName, 'it uses the ZIP64 format, which no importable workbook needs');
  }
  if (disk !== 0 || cdDisk !== 0) throw unreadable(fileName, 'it is split over several disks');
  // Anything else would make JSZip shift its offsets and read other bytes than checked here.
  if (cdOffset + cdSize !== eocd) throw unreadable(fileName, 'its central directory is not where it says');
  if (declared > bounds.maxEntries) throw tooLarge(fileName, `it holds ${declared} parts, more than the ${bounds.maxEntries} accepted`);
  const entries: Entry[] = [];
  let p = cdOffset;
  while (p + 4 <= b.length && b.readUInt32LE(p) === SIG_CENTRAL) {
    if (p + CENTRAL_LENGTH > b.length) throw unreadable(fileName, 'its central directory is cut short');
    if (entries.length >= bounds.maxEntries) throw tooLarge(fileName, `it holds more than the ${bounds.maxEntries} parts accepted`);
    const entry: Entry = {
      flags: b.readUInt16LE(p + 8),
      method: b.readUInt16LE(p + 10),
      compressedSize: b.readUInt32LE(p + 20),
      declaredSize: b.readUInt32LE(p + 24),
      localOffset: b.readUInt32LE(p + 42),
    };
    if (entry.compressedSize === 0xffffffff || entry.declaredSize === 0xffffffff || entry.localOffset === 0xffffffff) {
      throw unreadable(fileName, 'a part uses ZIP64 sizes, which no importable workbook needs');
    }
    entries.push(entry);
    p += CENTRAL_LENGTH + b.readUInt16LE(p + 28) + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  if (entries.length === 0) throw unreadable(fileName, 'its central directory lists no parts');
  return entries;
}

/** Inflates one entry, discarding the output, and stops as soon as it passes `limit` bytes. */
function inflatedSize(data: Buffer, limit: number): Promise<number | 'over' | 'corrupt'> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw({ chunkSize: 64 * 1024 });
    let size = 0;
    let done = false;
    const finish = (v: number | 'over' | 'corrupt') => {
      if (done) return;
      done = true;
      inflate.destroy();
      resolve(v);
    };
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish('over');
    });
    inflate.on('end', () => finish(size));
    inflate.on('error', () => finish('corrupt'));
    inflate.end(data);
  });
}

/**
 * Throws ARCHIVE_TOO_LARGE (too many parts, or more inflated bytes than the bound, declared
 * or actual) or IMPORT_UNREADABLE_XLSX (not a plain ZIP) before a parser is handed `bytes`.
 */
export async function assertZipWithinBounds(bytes: Uint8Array, fileName: string, bounds: ZipBounds = spreadsheetZipBounds): Promise<void> {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readCentralDirectory(b, fileName, bounds);
  // Declared sizes first: an honest bomb is refused without inflating a byte.
  const declaredTotal = entries.reduce((n, e) => n + e.declaredSize, 0);
  if (declaredTotal > bounds.maxInflatedBytes) {
    throw tooLarge(fileName, `it would inflate to ${mb(declaredTotal)}, more than the ${mb(bounds.maxInflatedBytes)} accepted`);
  }
  // Then the real sizes, never trusting a declared one: each part may inflate to at most
  // what it declares, so the total stays within the bound checked above.
  let actualTotal = 0;
  for (const e of entries) {
    if (e.flags & 0x1) throw unreadable(fileName, 'a part is encrypted');
    if (e.localOffset + LOCAL_LENGTH > b.length || b.readUInt32LE(e.localOffset) !== SIG_LOCAL)
      throw unreadable(fileName, 'a part is missing');
    const start = e.localOffset + LOCAL_LENGTH + b.readUInt16LE(e.localOffset + 26) + b.readUInt16LE(e.localOffset + 28);
    const end = start + e.compressedSize;
    if (end > b.length) throw unreadable(fileName, 'a part is cut short');
    let size: number | 'over' | 'corrupt';
    if (e.method === 0) size = e.compressedSize <= e.declaredSize ? e.compressedSize : 'over';
    else if (e.method === 8) size = await inflatedSize(b.subarray(start, end), e.declaredSize);
    else throw unreadable(fileName, `a part uses compression method ${e.method}`);
    if (size === 'corrupt') throw unreadable(fileName, 'a part is damaged');
    if (size === 'over') throw tooLarge(fileName, 'a part inflates to more than its header declares (a decompression bomb)');
    actualTotal += size;
    if (actualTotal > bounds.maxInflatedBytes)
      throw tooLarge(fileName, `it inflates to more than the ${mb(bounds.maxInflatedBytes)} accepted`);
  }
}
