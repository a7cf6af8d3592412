import { describe, expect, it } from "vitest";
import { encodeWav, wavHeader } from "../../../src/core/model/wav.js";

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

describe("encodeWav", () => {
  it("writes a RIFF/WAVE header for mono 16-bit PCM at the given rate", () => {
    const wav = encodeWav(new Float32Array([0, 0.5, -0.5]), 24_000);
    const view = new DataView(wav.buffer);
    expect(wav.length).toBe(44 + 3 * 2);
    expect(ascii(wav, 0, 4)).toBe("RIFF");
    expect(view.getUint32(4, true)).toBe(wav.length - 8);
    expect(ascii(wav, 8, 16)).toBe("WAVEfmt ");
    expect(view.getUint16(20, true)).toBe(1); // PCM
    expect(view.getUint16(22, true)).toBe(1); // mono
    expect(view.getUint32(24, true)).toBe(24_000);
    expect(view.getUint32(28, true)).toBe(48_000); // bytes per second
    expect(view.getUint16(32, true)).toBe(2); // block align
    expect(view.getUint16(34, true)).toBe(16); // bits per sample
    expect(ascii(wav, 36, 40)).toBe("data");
    expect(view.getUint32(40, true)).toBe(6);
  });

  it("scales samples to signed 16-bit, full scale at both ends", () => {
    const wav = encodeWav(new Float32Array([0, 1, -1, 0.5]), 8_000);
    const view = new DataView(wav.buffer);
    expect([0, 1, 2, 3].map((i) => view.getInt16(44 + i * 2, true))).toEqual([
      0, 32767, -32768, 16383,
    ]);
  });

  it("clips samples beyond [-1, 1] instead of wrapping them into noise", () => {
    const wav = encodeWav(new Float32Array([1.7, -3]), 8_000);
    const view = new DataView(wav.buffer);
    expect(view.getInt16(44, true)).toBe(32767);
    expect(view.getInt16(46, true)).toBe(-32768);
  });

  it("encodes silence of no length as a header alone", () => {
    const wav = encodeWav(new Float32Array(0), 16_000);
    expect(wav.length).toBe(44);
    expect(new DataView(wav.buffer).getUint32(40, true)).toBe(0);
  });
});

describe("wavHeader", () => {
  it("describes stereo data when asked", () => {
    const view = new DataView(wavHeader(400, 44_100, 2).buffer);
    expect(view.getUint16(22, true)).toBe(2);
    expect(view.getUint32(28, true)).toBe(44_100 * 4);
    expect(view.getUint16(32, true)).toBe(4);
  });
});
