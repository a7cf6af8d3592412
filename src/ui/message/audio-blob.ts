import { wavHeader } from "../../core/model/wav.js";

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
  if (format === "pcm16") {
    return new Blob([wavHeader(bytes.length, PCM16_SAMPLE_RATE), bytes], { type: "audio/wav" });
  }
  return new Blob([bytes], { type: MEDIA_TYPES[format ?? "wav"] ?? `audio/${format}` });
}
