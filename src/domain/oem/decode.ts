// OEM files as bytes: gzip is inflated (DecompressionStream, in browsers and Node ≥ 18), other
// compressions are named and refused, then the text is decoded as UTF-8 and read.
import { oemIssue, type OemIssue } from './issues';
import { readOem } from './read';
import type { OemReadResult } from './types';

export type OemCompression = 'gzip' | 'bzip2' | 'xz' | 'lzma' | 'none';

/** The compression a file's first bytes announce. */
export function compressionOf(bytes: Uint8Array): OemCompression {
  const b = (i: number) => bytes[i] ?? -1;
  if (b(0) === 0x1f && b(1) === 0x8b) return 'gzip';
  if (b(0) === 0x42 && b(1) === 0x5a && b(2) === 0x68) return 'bzip2'; // "BZh"
  if ([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00].every((v, i) => b(i) === v)) return 'xz';
  // Legacy .lzma: properties byte 0x5d (lc=3, lp=0, pb=2), then a little-endian dictionary size.
  if (b(0) === 0x5d && b(1) === 0x00 && b(2) === 0x00) return 'lzma';
  return 'none';
}

/** The text of an OEM file, inflating gzip; a refusal names any other compression. */
export async function decodeOemBytes(
  bytes: Uint8Array,
): Promise<{ ok: true; text: string } | { ok: false; error: OemIssue }> {
  const compression = compressionOf(bytes);
  if (compression === 'none') return { ok: true, text: new TextDecoder().decode(bytes) };
  if (compression !== 'gzip')
    return { ok: false, error: oemIssue('compression', { format: compression }) };
  try {
    const stream = new Blob([bytes as BlobPart])
      .stream()
      .pipeThrough(new DecompressionStream('gzip'));
    return { ok: true, text: await new Response(stream).text() };
  } catch (e) {
    return { ok: false, error: oemIssue('compression', { format: `damaged gzip (${String(e)})` }) };
  }
}

/** decodeOemBytes then readOem. */
export async function readOemBytes(bytes: Uint8Array): Promise<OemReadResult> {
  const decoded = await decodeOemBytes(bytes);
  return decoded.ok ? readOem(decoded.text) : { ok: false, errors: [decoded.error] };
}
