/**
 * The audio of a spoken answer: a soft tone as long as the words would take to say, 24 kHz
 * mono 16-bit PCM as OpenAI's `pcm16` is, in a WAV container for `wav`. The scripted model
 * has no voice; the bytes are real audio a player accepts, so playback paths can be tested.
 * Other formats (mp3, flac, opus, aac) get the WAV bytes too: the emulator encodes no codecs.
 */

const RATE = 24_000;

/** 16-bit little-endian samples of a 440 Hz tone, about 60 ms per word, at most two seconds. */
function tone(transcript: string): Uint8Array {
  const words = Math.max(1, transcript.split(/\s+/).filter(Boolean).length);
  const samples = Math.min(RATE * 2, Math.round(RATE * 0.06 * words));
  const bytes = new Uint8Array(samples * 2);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < samples; i++) {
    const fade = Math.min(1, i / 480, (samples - i) / 480);
    view.setInt16(i * 2, Math.round(Math.sin((2 * Math.PI * 440 * i) / RATE) * 3000 * fade), true);
  }
  return bytes;
}

function wav(pcm: Uint8Array): Uint8Array {
  const bytes = new Uint8Array(44 + pcm.length);
  const view = new DataView(bytes.buffer);
  const text = (at: number, value: string) =>
    [...value].forEach((char, i) => view.setUint8(at + i, char.charCodeAt(0)));
  text(0, "RIFF");
  view.setUint32(4, 36 + pcm.length, true);
  text(8, "WAVE");
  text(12, "fmt ");
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, 1, true); // mono
  view.setUint32(24, RATE, true);
  view.setUint32(28, RATE * 2, true);
  view.setUint16(32, 2, true);
  view.setUint16(34, 16, true);
  text(36, "data");
  view.setUint32(40, pcm.length, true);
  bytes.set(pcm, 44);
  return bytes;
}

/** The bytes of `transcript` spoken in `format` (`pcm16`: raw samples; otherwise WAV). */
export function speech(transcript: string, format: string): Uint8Array {
  const pcm = tone(transcript);
  return format === "pcm16" ? pcm : wav(pcm);
}
