/** OpenAI's `pcm16`: raw 16-bit little-endian mono samples at 24 kHz. */
const PCM16_SAMPLE_RATE = 24_000;

const MEDIA_TYPES: Record<string, string> = {
  wav: "audio/wav",
  mp3: "audio/mpeg",
  flac: "audio/flac",
  opus: "audio/ogg",
  aac: "audio/aac",
};

/**
 * Base64 audio as a Blob a browser can play: encoded formats as they are, raw `pcm16`
 * wrapped in a WAV header (browsers play no headerless PCM). Without a format the bytes are
 * treated as WAV, the most common case. Returns undefined for data that is not base64.
 */
export function audioBlob(base64: string, format: string | undefined): Blob | undefined {
  let binary: string;
  try {
    binary = atob(base64);
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  if (format === "pcm16") return new Blob([wavHeader(bytes.length), bytes], { type: "audio/wav" });
  return new Blob([bytes], { type: MEDIA_TYPES[format ?? "wav"] ?? `audio/${format}` });
}

/** A 44-byte RIFF/WAVE header for `length` bytes of pcm16 samples. */
function wavHeader(length: number): ArrayBuffer {
  const header = new ArrayBuffer(44);
  const view = new DataView(header);
  const text = (offset: number, value: string) => {
    for (let i = 0; i < value.length; i++) view.setUint8(offset + i, value.charCodeAt(i));
  };
  const channels = 1;
  const bytesPerSample = 2;
  text(0, "RIFF");
  view.setUint32(4, 36 + length, true);
  text(8, "WAVE");
  text(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, channels, true);
  view.setUint32(24, PCM16_SAMPLE_RATE, true);
  view.setUint32(28, PCM16_SAMPLE_RATE * channels * bytesPerSample, true);
  view.setUint16(32, channels * bytesPerSample, true);
  view.setUint16(34, 8 * bytesPerSample, true);
  text(36, "data");
  view.setUint32(40, length, true);
  return header;
}
