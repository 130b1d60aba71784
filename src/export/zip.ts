/**
 * A .zip archive of text files, made where the snippet is (browser or Node 20), with nothing
 * but web-platform globals: each file is compressed by CompressionStream("deflate-raw"), the
 * same call the share links use, and framed as PKWARE's APPNOTE describes (local headers, a
 * central directory, an end record; no ZIP64: our archives are a few kilobytes).
 *
 * Why not a library: the platform already deflates, so a zip is only these headers and a CRC-32;
 * fflate or JSZip would add a second deflate implementation to the bundle for no gain.
 */

export type ZipEntry = { path: string; text: string };

/** 1980-01-01 00:00, the earliest DOS time: the archive is the same bytes every time (no clock). */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** Bit 11: file names are UTF-8. */
const UTF8_FLAG = 1 << 11;
const DEFLATE = 8;

let crcTable: Uint32Array | null = null;

export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const b of bytes) crc = crcTable[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

async function deflateRaw(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Little-endian fields, as every number in a zip is written. */
class Writer {
  private parts: Uint8Array[] = [];
  length = 0;
  u16(v: number): this {
    return this.bytes(new Uint8Array([v & 0xff, (v >>> 8) & 0xff]));
  }
  u32(v: number): this {
    return this.bytes(new Uint8Array([v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff]));
  }
  bytes(b: Uint8Array): this {
    this.parts.push(b);
    this.length += b.length;
    return this;
  }
  result(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const p of this.parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
}

export async function zip(entries: ZipEntry[]): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const body = new Writer();
  const directory = new Writer();
  for (const entry of entries) {
    const name = encoder.encode(entry.path);
    const raw = encoder.encode(entry.text);
    const packed = await deflateRaw(raw);
    const crc = crc32(raw);
    const offset = body.length;
    // Local file header.
    body.u32(0x04034b50).u16(20).u16(UTF8_FLAG).u16(DEFLATE).u16(DOS_TIME).u16(DOS_DATE)
      .u32(crc).u32(packed.length).u32(raw.length).u16(name.length).u16(0).bytes(name).bytes(packed);
    // Its central directory record: made by Unix (3), mode rw-r--r-- in the external attributes.
    directory.u32(0x02014b50).u16((3 << 8) | 20).u16(20).u16(UTF8_FLAG).u16(DEFLATE).u16(DOS_TIME).u16(DOS_DATE)
      .u32(crc).u32(packed.length).u32(raw.length).u16(name.length).u16(0).u16(0).u16(0).u16(0)
      .u32((0o100644 << 16) >>> 0).u32(offset).bytes(name);
  }
  const dirOffset = body.length;
  const dir = directory.result();
  body.bytes(dir);
  body.u32(0x06054b50).u16(0).u16(0).u16(entries.length).u16(entries.length).u32(dir.length).u32(dirOffset).u16(0);
  return body.result();
}
