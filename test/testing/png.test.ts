import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { encodePng, renderPicturePng } from "../../src/testing/index.js";
import { crc32 } from "../../src/testing/png.js";

interface Chunk {
  type: string;
  data: Buffer;
  crc: number;
}

function chunks(png: Buffer): Chunk[] {
  const out: Chunk[] = [];
  let offset = 8;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("latin1", offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    const crc = png.readUInt32BE(offset + 8 + length);
    out.push({ type, data, crc });
    offset += 12 + length;
  }
  return out;
}

describe("the PNG the emulator paints", () => {
  it("has a signature, a valid IHDR, correct CRCs and an IDAT zlib can inflate", () => {
    const size = 256;
    const png = Buffer.from(renderPicturePng({ size, seed: "a cat" }));
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const all = chunks(png);
    expect(all.map((chunk) => chunk.type)).toEqual(["IHDR", "IDAT", "IEND"]);
    for (const chunk of all) {
      const typed = Buffer.concat([Buffer.from(chunk.type, "latin1"), chunk.data]);
      expect(crc32(typed)).toBe(chunk.crc);
    }
    const header = all[0]!.data;
    expect(header.readUInt32BE(0)).toBe(size);
    expect(header.readUInt32BE(4)).toBe(size);
    expect([...header.subarray(8)]).toEqual([8, 2, 0, 0, 0]);
    const raw = inflateSync(all[1]!.data);
    expect(raw.length).toBe(size * (size * 3 + 1));
    // Every row starts with filter type 0, and the picture is not one flat colour.
    const colours = new Set<string>();
    for (let y = 0; y < size; y++) {
      expect(raw[y * (size * 3 + 1)]).toBe(0);
      for (let x = 0; x < size; x += 16) {
        const at = y * (size * 3 + 1) + 1 + x * 3;
        colours.add(raw.subarray(at, at + 3).toString("hex"));
      }
    }
    expect(colours.size).toBeGreaterThan(20);
  });

  it("paints coarser partials with fewer distinct colours than the final picture", () => {
    const distinct = (coarseness: number) => {
      const png = Buffer.from(renderPicturePng({ size: 64, seed: "x", coarseness }));
      const raw = inflateSync(chunks(png)[1]!.data);
      const set = new Set<string>();
      for (let y = 0; y < 64; y++) {
        for (let x = 0; x < 64; x++) {
          const at = y * (64 * 3 + 1) + 1 + x * 3;
          set.add(raw.subarray(at, at + 3).toString("hex"));
        }
      }
      return set.size;
    };
    expect(distinct(16)).toBeLessThan(distinct(4));
    expect(distinct(4)).toBeLessThan(distinct(1));
  });

  it("encodes pictures larger than one stored deflate block", () => {
    const rgb = new Uint8Array(200 * 200 * 3).map((_, i) => i % 251);
    const png = Buffer.from(encodePng(200, 200, rgb));
    const raw = inflateSync(chunks(png)[1]!.data);
    expect(raw.subarray(1, 1 + 600)).toEqual(Buffer.from(rgb.subarray(0, 600)));
  });

  it("says what was wrong when the pixel count does not match", () => {
    expect(() => encodePng(2, 2, new Uint8Array(3))).toThrow(/expected 12 RGB bytes/);
  });
});
