import { inflateRawSync } from 'node:zlib';

/**
 * Inflates every entry of a zip with a hard cap on the total output before a library (exceljs)
 * unpacks it all into memory: the sizes a zip declares can lie, so each entry is really inflated
 * with zlib's `maxOutputLength`. Returns a reason for refusing, or null when the zip is sane.
 */
export function zipProblem(buf: Buffer, maxTotal: number, maxEntries = 500): 'not_zip' | 'too_big' | null {
  const eocd = findEocd(buf);
  if (eocd < 0) return 'not_zip';
  const entries = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  if (entries === 0xffff || p === 0xffffffff) return 'not_zip'; // zip64: no spreadsheet of 5 MB needs it
  if (entries > maxEntries) return 'too_big';
  let total = 0;
  for (let i = 0; i < entries; i++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return 'not_zip';
    const method = buf.readUInt16LE(p + 10);
    const compressed = buf.readUInt32LE(p + 20);
    const local = buf.readUInt32LE(p + 42);
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return 'not_zip';
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    if (start + compressed > buf.length) return 'not_zip';
    const data = buf.subarray(start, start + compressed);
    if (method === 0) total += data.length;
    else if (method === 8) {
      try {
        total += inflateRawSync(data, { maxOutputLength: maxTotal - total + 1 }).length;
      } catch (e) {
        return (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'too_big' : 'not_zip';
      }
    } else return 'not_zip';
    if (total > maxTotal) return 'too_big';
  }
  return null;
}

/** The end-of-central-directory record sits in the last 64 KB + 22 bytes. */
function findEocd(buf: Buffer): number {
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}
