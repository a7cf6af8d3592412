import { encodePng, toBase64 } from "./png.js";

/** What to paint: a seed picks the palette, coarseness pixelates partial previews. */
export interface PictureOptions {
  /** Width and height in pixels (square). */
  size: number;
  /** Any text; the same seed always paints the same picture. */
  seed: string;
  /** Block size in pixels for a coarse preview; 1 is the full-detail picture. */
  coarseness?: number;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function pixel(x: number, y: number, size: number, seed: number): [number, number, number] {
  const u = x / size;
  const v = y / size;
  const hueShift = (seed % 97) / 97;
  // Sky-to-ground gradient as the background.
  let r = 40 + 150 * (1 - v) * (0.5 + hueShift / 2);
  let g = 80 + 120 * v;
  let b = 200 - 120 * v * hueShift;
  // A sun: a disc in the upper right.
  const sunX = 0.7 - hueShift * 0.3;
  const dx = u - sunX;
  const dy = v - 0.3;
  if (dx * dx + dy * dy < 0.02) {
    r = 250;
    g = 210;
    b = 60;
  }
  // A mountain: a triangle rising from the bottom.
  if (v > 0.55 + Math.abs(u - 0.4) * 0.9) {
    r = 70;
    g = 60 + 40 * hueShift;
    b = 90;
  }
  // A square house near the bottom left.
  if (u > 0.12 && u < 0.3 && v > 0.72 && v < 0.9) {
    r = 200;
    g = 70;
    b = 60;
  }
  return [Math.round(r) & 255, Math.round(g) & 255, Math.round(b) & 255];
}

/** Paints a small landscape (gradient sky, sun, mountain, house) and returns PNG bytes. */
export function renderPicturePng(options: PictureOptions): Uint8Array {
  const { size } = options;
  const coarseness = Math.max(1, Math.floor(options.coarseness ?? 1));
  const seed = hash(options.seed);
  const rgb = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // A coarse preview samples one pixel per block, so partials look blocky and blurred.
      const sx = Math.floor(x / coarseness) * coarseness + Math.floor(coarseness / 2);
      const sy = Math.floor(y / coarseness) * coarseness + Math.floor(coarseness / 2);
      const [r, g, b] = pixel(Math.min(sx, size - 1), Math.min(sy, size - 1), size, seed);
      const offset = (y * size + x) * 3;
      rgb[offset] = r;
      rgb[offset + 1] = g;
      rgb[offset + 2] = b;
    }
  }
  return encodePng(size, size, rgb);
}

/** The same picture as base64 PNG, the form image outputs carry on the wire. */
export function renderPictureBase64(options: PictureOptions): string {
  return toBase64(renderPicturePng(options));
}
