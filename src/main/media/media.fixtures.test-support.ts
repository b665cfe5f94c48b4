import sharp from 'sharp';

/** A real PNG made by sharp, with noise so its size is realistic and files differ by seed. */
export async function makePng(width = 800, height = 600, seed = 1): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: seed % 255, g: 80, b: 160 } } })
    .png()
    .toBuffer();
}

export async function makeJpeg(width = 640, height = 360, seed = 2): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 20, g: seed % 255, b: 90 } } })
    .jpeg()
    .toBuffer();
}

/** The start of an ISO media file: a 'ftyp' box with the given brand, then an empty 'mdat' box. */
export function fakeIsoMedia(brand: string, payload = 'frames'): Buffer {
  const ftyp = Buffer.concat([
    Buffer.from([0, 0, 0, 24]),
    Buffer.from(`ftyp${brand}`),
    Buffer.alloc(4),
    Buffer.from(`${brand}mp41`),
  ]);
  const body = Buffer.from(payload);
  const mdat = Buffer.concat([Buffer.from([0, 0, 0, 8 + body.length]), Buffer.from('mdat'), body]);
  return Buffer.concat([ftyp, mdat]);
}

/** An EBML header naming the 'webm' doc type. */
export function fakeWebm(): Buffer {
  return Buffer.concat([
    Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84]),
    Buffer.from('webm'),
    Buffer.alloc(16),
  ]);
}
