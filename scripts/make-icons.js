#!/usr/bin/env node
/**
 * Writes the add-in's icons (assets/icon-{16,32,64,80,128}.png) as real PNG files using only
 * Node's zlib: a teal rounded square with four white aging bars, tallest on the right.
 * Run: node scripts/make-icons.js
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

/** Icon sizes the manifest and the stores ask for. */
const SIZES = [16, 32, 64, 80, 128];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 of a buffer, as PNG chunks require. */
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Colour (RGBA) of pixel (x, y) in an icon of the given size. */
function pixel(x, y, size) {
  const radius = size * 0.18;
  const cx = Math.min(Math.max(x + 0.5, radius), size - radius);
  const cy = Math.min(Math.max(y + 0.5, radius), size - radius);
  const outside = Math.hypot(x + 0.5 - cx, y + 0.5 - cy) > radius;
  if (outside) return [0, 0, 0, 0];
  const u = (x + 0.5) / size;
  const v = (y + 0.5) / size;
  const bars = [0.3, 0.45, 0.6, 0.75];
  for (let i = 0; i < bars.length; i++) {
    const left = 0.16 + i * 0.18;
    if (u >= left && u < left + 0.13 && v >= 0.84 - bars[i] && v < 0.84) return [255, 255, 255, 255];
  }
  return [0, 120, 112, 255];
}

/** PNG bytes (8-bit RGBA, no interlace) of one icon size. */
function iconPng(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    const row = y * (size * 4 + 1);
    raw[row] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y, size), row + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

if (require.main === module) {
  const dir = path.join(__dirname, "..", "assets");
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, iconPng(size));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

module.exports = { iconPng, SIZES };
