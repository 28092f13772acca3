#!/usr/bin/env node
// Draws the add-in icons (assets/icon-<size>.png): a green rounded square with a white check mark.
// Deterministic: pure geometry, 4×4 supersampling for anti-aliasing, PNG chunks written by hand
// with node:zlib for the image data. Run `node scripts/make-icons.js` and commit the PNGs.
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZES = [16, 32, 64, 80, 128];
const OUT_DIR = path.join(__dirname, '..', 'assets');

const GREEN = [16, 124, 65]; // #107C41, Excel's green
const WHITE = [255, 255, 255];
const SUBSAMPLES = 4;

// Geometry in a unit square (0..1, y downwards).
const INSET = 0.03; // margin around the square
const RADIUS = 0.2; // corner radius
const CHECK = [
  [0.25, 0.53],
  [0.43, 0.71],
  [0.76, 0.33],
]; // the check mark's polyline
const STROKE = 0.13; // check mark stroke width

function insideRoundedSquare(x, y) {
  const lo = INSET + RADIUS;
  const hi = 1 - INSET - RADIUS;
  const dx = Math.max(lo - x, 0, x - hi);
  const dy = Math.max(lo - y, 0, y - hi);
  return dx * dx + dy * dy <= RADIUS * RADIUS;
}

function distanceToSegment(px, py, [ax, ay], [bx, by]) {
  const vx = bx - ax;
  const vy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
}

function onCheck(x, y) {
  for (let i = 0; i + 1 < CHECK.length; i++) {
    if (distanceToSegment(x, y, CHECK[i], CHECK[i + 1]) <= STROKE / 2) return true;
  }
  return false;
}

/** RGBA pixels, non-premultiplied. */
function draw(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUBSAMPLES * SUBSAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let square = 0;
      let check = 0;
      for (let sy = 0; sy < SUBSAMPLES; sy++) {
        for (let sx = 0; sx < SUBSAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SUBSAMPLES) / size;
          const y = (py + (sy + 0.5) / SUBSAMPLES) / size;
          if (insideRoundedSquare(x, y)) {
            square++;
            if (onCheck(x, y)) check++;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (square === 0) continue; // transparent
      const w = check / square; // share of white within the covered part
      for (let c = 0; c < 3; c++) rgba[o + c] = Math.round(GREEN[c] * (1 - w) + WHITE[c] * w);
      rgba[o + 3] = Math.round((255 * square) / n);
    }
  }
  return rgba;
}

function chunk(type, data) {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([head, body, crc]);
}

function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // interlace
  const stride = size * 4;
  const raw = Buffer.alloc((stride + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (stride + 1)] = 0; // filter: none
    rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(OUT_DIR, `icon-${size}.png`);
    const png = encodePng(size, draw(size));
    fs.writeFileSync(file, png);
    console.log(`${path.relative(process.cwd(), file)}  ${size}×${size}  ${png.length} bytes`);
  }
}

module.exports = { draw, encodePng, SIZES };

if (require.main === module) main();
