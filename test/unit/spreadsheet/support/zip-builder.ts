// Builds ZIP archives byte by byte for the bounds tests: honest and lying sizes, many
// entries, entries sharing one body. CRCs are left 0 (JSZip does not check them).
import { createDeflateRaw } from 'node:zlib';

export interface BuiltEntry {
  name: string;
  /** The stored bytes (already deflated for method 8). */
  data: Buffer;
  method: 0 | 8;
  /** What the headers claim the entry inflates to. */
  declaredSize: number;
}

/** Deflates `total` zero bytes without ever holding them: 200 MB → ~200 KB. */
export async function deflatedZeros(total: number): Promise<Buffer> {
  const out: Buffer[] = [];
  const deflate = createDeflateRaw({ level: 9 });
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  const chunk = Buffer.alloc(1024 * 1024);
  for (let sent = 0; sent < total; sent += chunk.length) {
    const piece = total - sent >= chunk.length ? chunk : chunk.subarray(0, total - sent);
    if (!deflate.write(piece)) await new Promise((r) => deflate.once('drain', r));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

export interface ZipOptions {
  /** Extra central-directory records pointing at entry 0's body (overlapping entries). */
  repeatFirst?: number;
  /** Overrides the entry count the end record declares. */
  declaredCount?: number;
}

export function buildZip(entries: BuiltEntry[], options: ZipOptions = {}): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const offsets: number[] = [];
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    offsets.push(offset);
    parts.push(local, name, e.data);
    offset += local.length + name.length + e.data.length;
  }
  const record = (e: BuiltEntry, at: number, name: string) => {
    const n = Buffer.from(name, 'utf8');
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(e.method, 10);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(e.declaredSize, 24);
    c.writeUInt16LE(n.length, 28);
    c.writeUInt32LE(at, 42);
    central.push(c, n);
  };
  entries.forEach((e, i) => record(e, offsets[i]!, e.name));
  for (let i = 0; i < (options.repeatFirst ?? 0); i++) record(entries[0]!, offsets[0]!, `copy${i}/${entries[0]!.name}`);
  const cd = Buffer.concat(central);
  const count = options.declaredCount ?? entries.length + (options.repeatFirst ?? 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(count, 0xfffe), 8);
  end.writeUInt16LE(Math.min(count, 0xfffe), 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}
