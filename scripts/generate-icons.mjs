// Draws the app emblem (a ledger sheet with a rising bar chart on a blue tile) and writes
// resources/icon.png (512×512) and resources/icon.ico (16–256, 32-bit BMP entries, which
// NSIS and every Windows version read). No image library needed: `node scripts/generate-icons.mjs`.
import { Buffer } from 'node:buffer';
import { deflateSync } from 'node:zlib';
import { URL, fileURLToPath } from 'node:url';
import console from 'node:console';
import { writeFileSync } from 'node:fs';

const BLUE_TOP = [0x23, 0x6a, 0xb9];
const BLUE_BOTTOM = [0x15, 0x45, 0x7c];
const WHITE = [0xff, 0xff, 0xff];
const INK = [0x1f, 0x5f, 0xa8];
const RED = [0xd9, 0x3a, 0x2b];
const GOLD = [0xf0, 0xa5, 0x1e];

/** Whether (x, y) lies in the rounded rectangle (x0, y0)-(x1, y1) of radius r (512-unit design space). */
function inRoundRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Shapes painted in order: [test, colour]. Coordinates in a 512×512 design. */
const SHAPES = [
  [(x, y) => inRoundRect(x, y, 0, 0, 512, 512, 100), (_x, y) => BLUE_TOP.map((c, i) => Math.round(c + ((BLUE_BOTTOM[i] - c) * y) / 512))],
  [(x, y) => inRoundRect(x, y, 120, 84, 392, 428, 28), () => WHITE],
  [(x, y) => inRoundRect(x, y, 162, 136, 350, 160, 12), () => INK],
  [(x, y) => inRoundRect(x, y, 162, 190, 350, 214, 12), () => INK],
  [(x, y) => inRoundRect(x, y, 162, 244, 290, 268, 12), () => INK],
  [(x, y) => inRoundRect(x, y, 178, 346, 214, 390, 6), () => RED],
  [(x, y) => inRoundRect(x, y, 234, 318, 270, 390, 6), () => RED],
  [(x, y) => inRoundRect(x, y, 290, 290, 326, 390, 6), () => GOLD],
];

/** Renders the emblem at size×size with 4×4 supersampling; RGBA rows, top first. */
function render(size) {
  const out = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = ((px + (sx + 0.5) / n) * 512) / size;
          const y = ((py + (sy + 0.5) / n) * 512) / size;
          let colour = null;
          for (const [inside, paint] of SHAPES) if (inside(x, y)) colour = paint(x, y);
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const o = (py * size + px) * 4;
      out[o] = a ? Math.round(r / a) : 0;
      out[o + 1] = a ? Math.round(g / a) : 0;
      out[o + 2] = a ? Math.round(b / a) : 0;
      out[o + 3] = Math.round((a / (n * n)) * 255);
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes RGBA pixels as a PNG. */
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Encodes RGBA pixels as a 32-bit BMP icon entry (BGRA rows bottom-up, then an empty AND mask). */
function bmpEntry(size, rgba) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // XOR + AND masks
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const s = (y * size + x) * 4;
      const d = ((size - 1 - y) * size + x) * 4;
      pixels[d] = rgba[s + 2];
      pixels[d + 1] = rgba[s + 1];
      pixels[d + 2] = rgba[s];
      pixels[d + 3] = rgba[s + 3];
    }
  }
  const maskRow = Math.ceil(size / 32) * 4;
  return Buffer.concat([header, pixels, Buffer.alloc(maskRow * size)]);
}

/** Packs icon entries into an .ico file. */
function ico(entries) {
  const dir = Buffer.alloc(6 + 16 * entries.length);
  dir.writeUInt16LE(0, 0);
  dir.writeUInt16LE(1, 2);
  dir.writeUInt16LE(entries.length, 4);
  let offset = dir.length;
  entries.forEach(({ size, data }, i) => {
    const o = 6 + 16 * i;
    dir[o] = size >= 256 ? 0 : size;
    dir[o + 1] = size >= 256 ? 0 : size;
    dir.writeUInt16LE(1, o + 4); // planes
    dir.writeUInt16LE(32, o + 6); // bits per pixel
    dir.writeUInt32LE(data.length, o + 8);
    dir.writeUInt32LE(offset, o + 12);
    offset += data.length;
  });
  return Buffer.concat([dir, ...entries.map((e) => e.data)]);
}

const resources = fileURLToPath(new URL('../resources/', import.meta.url));
writeFileSync(`${resources}icon.png`, png(512, render(512)));
const sizes = [16, 24, 32, 48, 64, 128, 256];
writeFileSync(`${resources}icon.ico`, ico(sizes.map((size) => ({ size, data: bmpEntry(size, render(size)) }))));
console.log('wrote resources/icon.png and resources/icon.ico');
