/**
 * 16-bit PCM WAV, the one audio encoding every browser plays and Chat Completions takes as
 * `input_audio` (with mp3). Pure, so recordings and raw model audio share one encoder.
 */

/** The 44-byte RIFF/WAVE header for `dataBytes` bytes of 16-bit little-endian PCM. */
export function wavHeader(
  dataBytes: number,
  sampleRate: number,
  channels = 1,
): Uint8Array<ArrayBuffer> {
  const header = new Uint8Array(44);
  const view = new DataView(header.buffer);
  const text = (offset: number, value: string) => {
    for (let i = 0; i < value.length; i++) view.setUint8(offset + i, value.charCodeAt(i));
  };
  const blockAlign = channels * 2;
  text(0, "RIFF");
  view.setUint32(4, 36 + dataBytes, true);
  text(8, "WAVE");
  text(12, "fmt ");
  view.setUint32(16, 16, true); // size of the fmt chunk
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, 16, true);
  text(36, "data");
  view.setUint32(40, dataBytes, true);
  return header;
}

/**
 * Mono samples in [-1, 1] (as Web Audio gives them) as a complete 16-bit PCM WAV file.
 * Samples outside the range are clipped rather than wrapped, so a loud recording distorts
 * instead of turning into noise.
 */
export function encodeWav(samples: Float32Array, sampleRate: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(44 + samples.length * 2);
  out.set(wavHeader(samples.length * 2, sampleRate), 0);
  const view = new DataView(out.buffer);
  for (let i = 0; i < samples.length; i++) {
    const sample = Math.max(-1, Math.min(1, samples[i]!));
    view.setInt16(44 + i * 2, sample < 0 ? sample * 0x8000 : sample * 0x7fff, true);
  }
  return out;
}
