// Draws the app's icons (PNG, no image tools needed): the app icon electron-builder turns into
// each platform's format, and the tray icons with and without the unread dot.
// Run after changing the drawing: node scripts/make-icons.mjs
import { writeFileSync } from 'node:fs'
import { deflateSync } from 'node:zlib'

const BLUE = [31, 95, 191]
const WHITE = [255, 255, 255]
const RED = [220, 38, 38]

/** Signed distance to a rounded rectangle centred at (cx, cy). */
const roundedRect = (x, y, cx, cy, halfW, halfH, r) => {
  const dx = Math.abs(x - cx) - halfW + r
  const dy = Math.abs(y - cy) - halfH + r
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r
}
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r
/** Inside the triangle (the speech bubble's tail)? */
const triangle = (x, y, [ax, ay], [bx, by], [cx, cy]) => {
  const side = (px, py, qx, qy) => (x - qx) * (py - qy) - (px - qx) * (y - qy)
  const d1 = side(ax, ay, bx, by),
    d2 = side(bx, by, cx, cy),
    d3 = side(cx, cy, ax, ay)
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0))
}

/** The colour at (x, y) in a unit square, or null for transparent. */
function paint(x, y, { background, dot }) {
  if (dot && circle(x, y, 0.8, 0.2, 0.2) <= 0) return RED
  const inTile = roundedRect(x, y, 0.5, 0.5, 0.5, 0.5, 0.22) <= 0
  const inBubble = roundedRect(x, y, 0.5, 0.45, 0.3, 0.22, 0.1) <= 0 || triangle(x, y, [0.3, 0.6], [0.45, 0.6], [0.27, 0.8])
  const inDots = [0.37, 0.5, 0.63].some((cx) => circle(x, y, cx, 0.45, 0.045) <= 0)
  if (inBubble) return inDots ? (background ? BLUE : null) : WHITE
  return background && inTile ? BLUE : null
}

function png(size, options) {
  const samples = 4
  const rows = []
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4)
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0]
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = paint((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size, options)
          if (colour) [r, g, b, a] = [r + colour[0], g + colour[1], b + colour[2], a + 1]
        }
      }
      const offset = 1 + px * 4
      if (a > 0) row.set([Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / samples ** 2)], offset)
    }
    rows.push(row)
  }
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type), data])
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(crc32(body))
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header.set([8, 6, 0, 0, 0], 8) // 8-bit RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
function crc32(buffer) {
  let c = 0xffffffff
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}

writeFileSync('build/icon.png', png(512, { background: true, dot: false }))
writeFileSync('electron/assets/icon.png', png(256, { background: true, dot: false }))
writeFileSync('electron/assets/tray.png', png(32, { background: true, dot: false }))
writeFileSync('electron/assets/tray-unread.png', png(32, { background: true, dot: true }))
console.log('wrote build/icon.png and electron/assets/{icon,tray,tray-unread}.png')
