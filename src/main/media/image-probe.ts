import sharp from 'sharp';
import { ContractError } from '../../shared/contract/errors';

/** Thumbnails fit in a 320 × 320 box, as JPEG. */
export const THUMBNAIL_SIZE = 320;

export interface ProbedImage {
  width: number;
  height: number;
  /** The 320 px JPEG thumbnail. */
  thumbnail: Buffer;
}

/**
 * Reads an image's displayed size (EXIF rotation applied) and makes its thumbnail with sharp
 * (libvips). A file sharp cannot decode is refused with a plain message, never stored.
 */
export async function probeImage(bytes: Buffer, what = 'image'): Promise<ProbedImage> {
  try {
    const image = sharp(bytes, { animated: false });
    const meta = await image.metadata();
    const width = meta.autoOrient?.width ?? meta.width;
    const height = meta.autoOrient?.height ?? meta.height;
    if (!width || !height) throw new Error('no dimensions');
    const thumbnail = await image
      .rotate()
      .resize({ width: THUMBNAIL_SIZE, height: THUMBNAIL_SIZE, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 80 })
      .toBuffer();
    return { width, height, thumbnail };
  } catch {
    throw new ContractError('VALIDATION_FAILED', `The ${what} could not be read; it may be damaged or incomplete`);
  }
}
