import type { MediaKind } from '../../shared/domain/media';

/** What a file really is, read from its first bytes. */
export interface SniffedType {
  kind: MediaKind;
  mime: string;
  ext: string;
}

/** A known type Cadence does not store, so the refusal can name it. */
export interface UnsupportedType {
  unsupported: string;
}

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** ISO base media file brands (bytes 8–12 after "ftyp") that are QuickTime, HEIF or AVIF rather than MP4. */
const QUICKTIME_BRANDS = new Set(['qt  ']);
const HEIF_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'mif1', 'msf1']);
const AVIF_BRANDS = new Set(['avif', 'avis']);
/** Old QuickTime files start with an atom other than ftyp. */
const QUICKTIME_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip']);

/**
 * Reads the type from magic numbers (the name and the browser's mime are not trusted): PNG, JPEG,
 * GIF, WebP, MP4, MOV and WebM are stored; HEIC, AVIF and Matroska are named so the message can
 * say what to do; anything else is null.
 */
export function sniffMediaType(bytes: Uint8Array): SniffedType | UnsupportedType | null {
  if (bytes.length < 12) return null;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { kind: 'image', mime: 'image/png', ext: 'png' };
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', mime: 'image/jpeg', ext: 'jpg' };
  const head = ascii(bytes, 0, 6);
  if (head === 'GIF87a' || head === 'GIF89a') return { kind: 'image', mime: 'image/gif', ext: 'gif' };
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') {
    return { kind: 'image', mime: 'image/webp', ext: 'webp' };
  }
  const box = ascii(bytes, 4, 8);
  if (box === 'ftyp') {
    const brand = ascii(bytes, 8, 12);
    if (HEIF_BRANDS.has(brand)) return { unsupported: 'HEIC' };
    if (AVIF_BRANDS.has(brand)) return { unsupported: 'AVIF' };
    if (QUICKTIME_BRANDS.has(brand)) return { kind: 'video', mime: 'video/quicktime', ext: 'mov' };
    return { kind: 'video', mime: 'video/mp4', ext: 'mp4' };
  }
  if (QUICKTIME_ATOMS.has(box)) return { kind: 'video', mime: 'video/quicktime', ext: 'mov' };
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) {
    // EBML: WebM names its doc type near the start; other Matroska files are not accepted by platforms.
    return ascii(bytes, 0, Math.min(bytes.length, 64)).includes('webm')
      ? { kind: 'video', mime: 'video/webm', ext: 'webm' }
      : { unsupported: 'Matroska (MKV)' };
  }
  return null;
}

export function isSupported(type: SniffedType | UnsupportedType | null): type is SniffedType {
  return type !== null && !('unsupported' in type);
}
