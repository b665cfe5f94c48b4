// Draws resources/icon.png (512x512): a violet rounded square with a white "C" ring, written as a
// PNG with node:zlib so the icon needs no image tools or downloads. Run: node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // supersampling per axis, for smooth edges
const BRAND = [109, 74, 255];

// Coverage of one sample point: 0 outside, 1 = brand background, 2 = white mark.
function paint(x, y) {
  const r = 112; // corner radius of the rounded square
  const dx = Math.max(r - x, 0, x - (SIZE - r));
  const dy = Math.max(r - y, 0, y - (SIZE - r));
  if (dx * dx + dy * dy > r * r) return 0;
  const cx = x - SIZE / 2;
  const cy = y - SIZE / 2;
  const d = Math.hypot(cx, cy);
  const angle = Math.atan2(cy, cx); // the gap of the C opens to the right
  return d > 120 && d < 176 && Math.abs(angle) > Math.PI / 4 ? 2 : 1;
}

const rows = [];
for (let y = 0; y < SIZE; y++) {
  const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0 (none), then RGBA
  for (let x = 0; x < SIZE; x++) {
    let background = 0;
    let mark = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const hit = paint(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        if (hit === 1) background++;
        if (hit === 2) mark++;
      }
    }
    const total = SAMPLES * SAMPLES;
    const alpha = (background + mark) / total;
    const white = alpha > 0 ? mark / (background + mark) : 0;
    const o = 1 + x * 4;
    for (let c = 0; c < 3; c++) row[o + c] = Math.round(BRAND[c] * (1 - white) + 255 * white);
    row[o + 3] = Math.round(alpha * 255);
  }
  rows.push(row);
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(new URL('../resources/icon.png', import.meta.url), png);
console.log(`resources/icon.png: ${png.length} bytes`);
